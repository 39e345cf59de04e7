import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      "    ports: ['80:80']",
      "    expose: ['3000']"
    ),
    {
      name: 'empty items are no ports (DC0002 reports them)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        "      - '80:80'",
        '      - ~',
        '      -'
      )
    },
    {
      name: 'values written over several lines are left alone (no port entries either)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - |',
        '        echo a',
        "      - '80:80'",
        '      - 8080',
        '        :80'
      )
    }
  ],
  invalid: [
    {
      name: 'single quotes by default',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - 80',
        '      - "8080:80" # proxy',
        '    expose:',
        '      - 3000'
      ),
      errors: [
        { line: 5, column: 9 },
        { line: 6, column: 9 },
        { line: 8, column: 9 }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        "      - '80'",
        "      - '8080:80' # proxy",
        '    expose:',
        "      - '3000'"
      )
    },
    {
      name: 'quoteType: double (DCLint option)',
      settings: { ruleOptions: { DC2005: { quoteType: 'double' } } },
      code: yaml('services:', '  web:', '    image: nginx:1.27', "    ports: ['80:80']"),
      errors: [{ line: 4, column: 13 }],
      output: yaml('services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"]')
    }
  ]
}
