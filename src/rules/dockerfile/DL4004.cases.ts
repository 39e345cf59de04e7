import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nENTRYPOINT ["/entrypoint.sh"]\n',
    'FROM debian:12.5 AS a\nENTRYPOINT ["a"]\nFROM debian:12.5\nENTRYPOINT ["b"]\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nENTRYPOINT ["/a.sh"]\nCOPY b.sh /\nENTRYPOINT ["/b.sh"]\n',
      errors: [{ line: 2, column: 1, endColumn: 11, message: 'ENTRYPOINT on line 4' }],
      output: 'FROM debian:12.5\nCOPY b.sh /\nENTRYPOINT ["/b.sh"]\n'
    }
  ]
}
