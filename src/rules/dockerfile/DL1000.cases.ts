import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12\nRUN <<EOF\necho hi\nEOF\n', 'FROM debian:12\nHEALTHCHECK NONE\n'],
  invalid: [
    {
      code: 'FORM debian:12\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: 'did you mean `FROM`' }]
    },
    {
      code: 'FROM debian:12\nWORKDIR\n',
      errors: [{ line: 2, message: 'requires at least one argument' }]
    },
    {
      code: 'FROM debian:12\nRUN <<EOF\necho hi\n',
      errors: [{ line: 2, message: 'never terminated' }]
    }
  ]
}
