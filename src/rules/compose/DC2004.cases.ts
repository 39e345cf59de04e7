import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [yaml('name: shop', 'services:', '  web:', '    image: nginx:1.27')],
  invalid: [
    {
      code: yaml('services:', '  web:', '    image: nginx:1.27'),
      errors: [{ line: 1, column: 1, message: "no top-level 'name:'" }]
    }
  ]
}
