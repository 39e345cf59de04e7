import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.19 AS builder\n',
    'from alpine:3.19 as builder\n',
    { name: 'mixed-case FROM has no casing to match', code: 'From alpine:3.19 as builder\n' }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19 as builder\n',
      errors: [{ line: 1, column: 18, endColumn: 20, message: "write 'AS'" }],
      output: 'FROM alpine:3.19 AS builder\n'
    },
    {
      code: 'from alpine:3.19 AS builder\n',
      errors: [{ line: 1, column: 18, message: "write 'as'" }],
      output: 'from alpine:3.19 as builder\n'
    }
  ]
}
