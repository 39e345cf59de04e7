import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.19\nWORKDIR /app\nWORKDIR sub\n',
    {
      name: 'inherited from the stage it builds on',
      code: 'FROM alpine:3.19 AS base\nWORKDIR /app\nFROM base\nWORKDIR sub\n'
    },
    {
      name: 'variables and Windows paths',
      code: 'FROM alpine:3.19\nWORKDIR $HOME\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\\\app\n'
    }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19\nWORKDIR app\nWORKDIR sub\n',
      errors: [{ line: 2, column: 9, endColumn: 12 }],
      output: 'FROM alpine:3.19\nWORKDIR /app\nWORKDIR sub\n'
    },
    {
      name: 'a leading ./ becomes /',
      code: 'FROM alpine:3.19\nWORKDIR "./src"\n',
      errors: [{ line: 2, column: 9 }],
      output: 'FROM alpine:3.19\nWORKDIR "/src"\n'
    }
  ]
}
