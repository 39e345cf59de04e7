import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    logging:',
      '      driver: json-file',
      '      options: {max-size: 10m, max-file: "3"}'
    ),
    {
      name: 'the local driver rotates by default',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    logging: {driver: local}')
    },
    {
      name: 'another driver',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    logging: {driver: journald}')
    },
    {
      name: 'rotation from a shared anchor',
      code: yaml(
        'x-logging: &logging',
        '  options: {max-size: 10m}',
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    logging: *logging'
      )
    }
  ],
  invalid: [
    {
      name: 'no logging at all: reported at the service',
      code: yaml('services:', '  web:', '    image: nginx:1.27'),
      errors: [{ line: 2, column: 3, message: 'without' }]
    },
    {
      name: 'json-file without max-size: reported at logging',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    logging:',
        '      driver: json-file'
      ),
      errors: [{ line: 4, column: 5, endColumn: 12 }]
    }
  ]
}
