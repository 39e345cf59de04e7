import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12.5 AS build\nRUN foo\nFROM node:20.11 AS run\nRUN baz\n'],
  invalid: [
    {
      code: 'FROM node:20.11 AS foo\nRUN something\nFROM debian:12.5 AS foo\n',
      errors: [{ line: 3, column: 21, endColumn: 24, message: 'line 1' }]
    },
    {
      name: 'names differ only in case',
      code: 'FROM node:20.11 AS Foo\nFROM debian:12.5 as foo\n',
      errors: [{ line: 2, column: 21 }]
    }
  ]
}
