import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    volumes:',
      '      - data:/data',
      '      - type: volume',
      '        source: data',
      '        target: /more'
    )
  ],
  invalid: [
    {
      name: 'short and long syntax; the quotes go, the rest stays',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    environment:',
        '      DATA_DIR: /data',
        '    volumes:',
        '      - "/data" # anonymous',
        "      - 'logs:/var/log'",
        '      - type: volume',
        '        source: "db-data"',
        "        target: '/db'",
        '        volume:',
        "          subpath: 'sub'"
      ),
      errors: [
        { line: 7, column: 9, endColumn: 16 },
        { line: 8, column: 9 },
        { line: 10, column: 17 },
        { line: 11, column: 17 },
        { line: 13, column: 20 }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    environment:',
        '      DATA_DIR: /data',
        '    volumes:',
        '      - /data # anonymous',
        '      - logs:/var/log',
        '      - type: volume',
        '        source: db-data',
        '        target: /db',
        '        volume:',
        '          subpath: sub'
      )
    },
    {
      name: 'quotes that are needed stay (no fix)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    volumes:',
        '      - "./a #b:/data"'
      ),
      errors: [{ line: 5, column: 9 }]
    }
  ]
}
