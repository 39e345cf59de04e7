import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12.5 AS build\n', 'FROM scratch\nCOPY app /app\n'],
  invalid: [
    {
      code: 'FROM debian:12.5 AS scratch\nRUN true\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: '`scratch` is reserved' }],
      output: 'FROM debian:12.5 AS scratch-stage\nRUN true\n'
    },
    {
      name: 'referenced: no fix',
      code: 'FROM debian:12.5 AS Context\nFROM alpine:3.20\nCOPY --from=context /a /a\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: '`context`' }],
      output: null
    }
  ]
}
