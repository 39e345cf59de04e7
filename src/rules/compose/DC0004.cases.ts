import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['services:\n  web:\n    image: nginx:1.27\n'],
  invalid: [
    {
      name: 'a NUL byte makes it binary: the whole file is unchecked, not clean',
      code: 'services:\n  web:\n    image: nginx:1.27 # \u0000\n',
      errors: [{ line: 1, column: 1, message: 'not fully checked: binary file' }]
    }
  ]
}
