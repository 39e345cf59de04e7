import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  a:',
      '    image: nginx:1.27',
      '    ports: ["8080:80"]',
      '  b:',
      '    image: nginx:1.27',
      '    ports: ["8081:80"]'
    ),
    {
      name: 'container-only ports get ephemeral host ports',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["8080"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["8080"]'
      )
    },
    {
      name: 'different host IPs',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["127.0.0.1:8080:80"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["192.168.1.10:8080:80"]'
      )
    },
    {
      name: 'different protocols',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["53:53/udp"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["53:53/tcp"]'
      )
    },
    {
      name: 'services in disjoint profiles are alternatives',
      code: yaml(
        'services:',
        '  cpu:',
        '    image: app:1.0',
        '    profiles: [cpu]',
        '    ports: ["8080:80"]',
        '  gpu:',
        '    image: app:1.0',
        '    profiles: [gpu]',
        '    ports: ["8080:80"]'
      )
    },
    {
      name: 'ports from variables',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["${A_PORT}:80"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["${A_PORT}:80"]'
      )
    },
    {
      name: 'a host range for one container port is a pool',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["8000-8010:80"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["8005:80"]'
      )
    },
    {
      name: 'an override repeating the base mapping is merged by Compose, not duplicated',
      path: 'compose.override.yaml',
      files: {
        'compose.yaml': yaml('services:', '  a:', '    image: nginx:1.27', '    ports: ["8080:80"]')
      },
      code: yaml('services:', '  a:', '    ports: ["8080:80"]')
    }
  ],
  invalid: [
    {
      name: 'all interfaces clash with a specific IP; ranges overlap; long syntax reported at published',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    ports: ["8080:80"]',
        '  b:',
        '    image: nginx:1.27',
        '    ports: ["127.0.0.1:8080:81"]',
        '  c:',
        '    image: nginx:1.27',
        '    ports: ["9000-9002:9000-9002"]',
        '  d:',
        '    image: nginx:1.27',
        '    ports:',
        '      - target: 80',
        '        published: 9001'
      ),
      errors: [
        {
          line: 7,
          column: 13,
          message: "host port 8080/tcp on 127.0.0.1, which service 'a' already publishes"
        },
        { line: 15, column: 20, message: "port 9001/tcp, which service 'c'" }
      ]
    },
    {
      name: 'a clash across the base and its override is reported in the file that adds it',
      path: 'compose.override.yaml',
      files: {
        'compose.yaml': yaml(
          'services:',
          '  a:',
          '    image: nginx:1.27',
          '    ports: ["8080:80"]',
          '  b:',
          '    image: nginx:1.27'
        )
      },
      code: yaml('services:', '  b:', '    ports: ["8080:8080"]'),
      errors: [{ line: 3, column: 13, precision: null }]
    },
    {
      name: 'services of two included files clash: maybe a menu of alternatives, not inline',
      path: 'mailhog/compose.yml',
      files: {
        'compose.yml': yaml('include:', '  - mailcatcher/compose.yml', '  - mailhog/compose.yml'),
        'mailcatcher/compose.yml': yaml(
          'services:',
          '  mailcatcher:',
          '    image: schickling/mailcatcher:0.10',
          '    ports: ["1025:1025"]'
        )
      },
      code: yaml(
        'services:',
        '  mailhog:',
        '    image: mailhog/mailhog:v1.0.1',
        '    ports: ["1025:1025"]'
      ),
      errors: [{ line: 4, column: 13, message: 'give them disjoint profiles', precision: 'low' }]
    }
  ]
}
