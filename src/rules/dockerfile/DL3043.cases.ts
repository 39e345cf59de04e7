import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nONBUILD COPY . /app\nONBUILD RUN make\n',
    'FROM debian:12.5\nONBUILD HEALTHCHECK NONE\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nONBUILD ONBUILD RUN make\n',
      errors: [{ line: 2, column: 9, endColumn: 16, message: 'ONBUILD ONBUILD' }]
    },
    { code: 'FROM debian:12.5\nONBUILD FROM alpine:3.20\n', errors: [{ line: 2, column: 9 }] },
    { code: 'FROM debian:12.5\nonbuild maintainer someone\n', errors: [{ line: 2, column: 9 }] }
  ]
}
