import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    read_only: true',
      '    cap_drop: [ALL]',
      '    security_opt: ["no-new-privileges:true"]'
    ),
    {
      name: 'hardening shared through a merge key',
      code: yaml(
        'x-hardened: &hardened',
        '  read_only: true',
        '  cap_drop: [ALL]',
        '  security_opt: [no-new-privileges]',
        'services:',
        '  web:',
        '    <<: *hardened',
        '    image: nginx:1.27'
      )
    }
  ],
  invalid: [
    {
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    read_only: true'),
      errors: [{ line: 2, column: 3, message: "no-new-privileges:true'], cap_drop: [ALL]" }]
    }
  ]
}
