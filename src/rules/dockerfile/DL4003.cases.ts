import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nCMD ["bash"]\n',
    'FROM debian:12.5 AS a\nCMD ["a"]\nFROM debian:12.5\nCMD ["b"]\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nCMD ["bash"]\nRUN true\nCMD ["sh"]\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: 'line 4' }],
      output: 'FROM debian:12.5\nRUN true\nCMD ["sh"]\n'
    },
    {
      name: 'every earlier CMD, multi-line one included',
      code: 'FROM debian:12.5\r\nCMD echo one \\\r\n    two\r\nCMD ["a"]\r\nCMD ["b"]',
      errors: [{ line: 2 }, { line: 4 }],
      output: 'FROM debian:12.5\r\nCMD ["b"]'
    }
  ]
}
