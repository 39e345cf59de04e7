import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    ports:',
      '      - "80:$PORT"',
      '      - "79"',
      '      - 8081:80',
      '      - 1001:443',
      '      - target: 1000',
      '        published: 8082',
      '      - "9090-9091:8080-8081"'
    )
  ],
  invalid: [
    {
      name: 'sorted by container port, naturally',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - "81"',
        '      - "80:80"',
        '      - "${HTTPS:-443}:443"'
      ),
      errors: [{ line: 6, column: 9, message: 'container port 80' }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    ports:',
        '      - "80:80"',
        '      - "81"',
        '      - "${HTTPS:-443}:443"'
      )
    }
  ]
}
