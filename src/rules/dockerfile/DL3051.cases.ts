import type { RuleCases } from '../define.js'

const settings = { labelSchema: { description: 'text' } }

export const cases: RuleCases = {
  valid: [
    { settings, code: 'FROM debian:12.5\nLABEL description="A web server"\n' },
    { name: 'labels outside the schema may be empty', settings, code: 'LABEL other=""\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL description=""\n',
      errors: [{ line: 2, column: 19, endColumn: 21, message: 'empty' }]
    },
    { settings, code: 'LABEL description="  "\n', errors: [{ line: 1, column: 19 }] }
  ]
}
