import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM alpine:3.19\nENV A=b\nLABEL a=b c=d\n', 'FROM alpine:3.19\nENV A="b c"\n'],
  invalid: [
    {
      code: 'FROM alpine:3.19\nENV A b\nENV B b c\nENV C "x y"\nLABEL maintainer Jane Doe\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }, { line: 3 }, { line: 4 }, { line: 5 }],
      output: 'FROM alpine:3.19\nENV A=b\nENV B="b c"\nENV C="x y"\nLABEL maintainer="Jane Doe"\n'
    },
    {
      name: 'continued value keeps its exact whitespace',
      code: 'FROM alpine:3.19\nENV E \\\n    multi \\\n    line\n',
      errors: [{ line: 2 }],
      output: 'FROM alpine:3.19\nENV E="multi     line"\n'
    },
    {
      name: 'values with quotes inside are left alone',
      code: "FROM alpine:3.19\nENV A it's\n",
      errors: [{ line: 2 }],
      output: null
    }
  ]
}
