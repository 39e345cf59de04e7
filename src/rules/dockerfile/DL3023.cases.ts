import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5 AS build\nRUN foo\nFROM node:20.11 AS run\nCOPY --from=build foo .\n',
    'FROM debian:12.5 AS a\nFROM debian:12.5 AS b\nCOPY --from=0 x y\n'
  ],
  invalid: [
    {
      code: 'FROM node:20.11 AS foo\nCOPY --from=foo bar .\n',
      errors: [{ line: 2, column: 13, endColumn: 16, message: 'itself' }]
    },
    {
      name: 'by index',
      code: 'FROM debian:12.5 AS a\nFROM debian:12.5 AS b\nCOPY --from=1 x y\n',
      errors: [{ line: 3, column: 13 }]
    }
  ]
}
