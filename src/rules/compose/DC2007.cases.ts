import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [yaml('services:', '  web:', '    image: nginx:1.27', '    depends_on: [db, redis]')],
  invalid: [
    {
      name: 'the comment above an entry travels with it',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      # cache first',
        '      - redis',
        '      - db'
      ),
      errors: [{ line: 7, column: 9, message: "'db' should come before 'redis'" }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      - db',
        '      # cache first',
        '      - redis'
      )
    },
    {
      name: 'long form',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      redis:',
        '        condition: service_started',
        '      db:',
        '        condition: service_healthy'
      ),
      errors: [{ line: 7, column: 7 }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: service_healthy',
        '      redis:',
        '        condition: service_started'
      )
    },
    {
      name: 'a flow list is reported but not rewritten',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    depends_on: [redis, db]'),
      errors: [{ line: 4, column: 25 }]
    }
  ]
}
