import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12.5\nUSER app\n', { name: 'empty file', code: '' }],
  invalid: [
    {
      name: 'a NUL byte makes it binary: the whole file is unchecked, not clean',
      code: 'FROM debian:12.5\n# \u0000\nUSER root\n',
      errors: [{ line: 1, column: 1, message: 'not fully checked: binary file' }]
    }
  ]
}
