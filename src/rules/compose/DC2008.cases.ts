import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    depends_on: [db]',
      '    environment: {A: "1"}',
      '    ports: ["80:80"]',
      '    restart: always',
      '    cpu_shares: 512'
    ),
    {
      name: 'a merge key is not a service key',
      code: yaml(
        'x-base: &base',
        '  restart: always',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    <<: *base',
        '    environment:',
        '      A: "1"'
      )
    }
  ],
  invalid: [
    {
      name: 'a blank line holding a tab between keys: no sort (after a key without value it is an error)',
      code: 'services:\n  web:\n    ports:\n    read_only: true\n\t\n    image: nginx:1.27\n',
      errors: [{ line: 6, column: 5, message: "'image' of service 'web' should come before" }],
      output: null
    },
    {
      name: 'a block scalar last in the service ends at its line break (the next key stays put)',
      code: yaml(
        'services:',
        '  web:',
        '    restart: always',
        '    image: nginx:1.27',
        '    command: >-',
        '      sh -c "echo hi"',
        'configs:',
        '  app:',
        '    file: ./app.conf'
      ),
      errors: [
        { line: 4, column: 5, message: "'image' of service 'web' should come before 'restart'" }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    command: >-',
        '      sh -c "echo hi"',
        '    restart: always',
        'configs:',
        '  app:',
        '    file: ./app.conf'
      )
    },
    {
      name: 'blocks move whole, with their comments; blank lines stay',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - "80:80"',
        '',
        '    # runtime settings',
        '    environment:',
        '      - NODE_ENV=production',
        '    cpu_rt_runtime: 400ms',
        '    cpu_rt_period: 1400us'
      ),
      errors: [
        {
          line: 8,
          column: 5,
          message: "'environment' of service 'web' should come before 'ports'"
        },
        { line: 11, column: 5, message: "'cpu_rt_period'" }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    # runtime settings',
        '    environment:',
        '      - NODE_ENV=production',
        '',
        '    ports:',
        '      - "80:80"',
        '    cpu_rt_period: 1400us',
        '    cpu_rt_runtime: 400ms'
      )
    },
    {
      name: 'custom groups and group order (DCLint options)',
      settings: {
        ruleOptions: {
          DC2008: {
            groups: { Networking: ['ports'], 'Core Definitions': ['image'] },
            groupOrder: ['Networking', 'Core Definitions']
          }
        }
      },
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"]'),
      errors: [{ line: 4, column: 5 }],
      output: yaml('services:', '  web:', '    ports: ["80:80"]', '    image: nginx:1.27')
    }
  ]
}
