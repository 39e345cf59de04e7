import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    ports: ["127.0.0.1:8080:80", "0.0.0.0:8443:443"]',
      '    expose: ["9000"]'
    ),
    {
      name: 'long syntax with host_ip',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - {target: 80, published: 8080, host_ip: 127.0.0.1}'
      )
    }
  ],
  invalid: [
    {
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - 8080:80',
        '      - 8080',
        '      - target: 1000',
        '        published: 8081'
      ),
      errors: [
        { line: 5, column: 9 },
        { line: 6, column: 9 },
        { line: 7, column: 9 }
      ]
    },
    {
      name: 'allowedIps (DCLint v4 option)',
      settings: { ruleOptions: { DC2003: { allowedIps: ['127.0.0.1'] } } },
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports: ["0.0.0.0:8080:8080", "127.0.0.1:8081:8081", "[::1]:8082:8082"]'
      ),
      errors: [
        { line: 4, column: 13, message: 'on 0.0.0.0' },
        { line: 4, column: 57, message: 'on ::1' }
      ]
    },
    {
      name: 'fallbackInterface makes it fixable (DCLint v4 option)',
      settings: { ruleOptions: { DC2003: { fallbackInterface: '127.0.0.1' } } },
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - 8080:80',
        '      - 8080',
        '      - target: 1000',
        '        published: 8081'
      ),
      errors: [
        { line: 5, column: 9 },
        { line: 6, column: 9 },
        { line: 7, column: 9 }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - 127.0.0.1:8080:80',
        '      - 127.0.0.1::8080',
        '      - target: 1000',
        '        published: 8081',
        '        host_ip: 127.0.0.1'
      )
    }
  ]
}
