import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nLABEL a=b\n',
    '# syntax=docker/dockerfile:1\n# a comment\nARG BASE=debian:12.5\nFROM ${BASE}\nRUN true\n'
  ],
  invalid: [
    {
      code: 'LABEL a=b\nFROM debian:12.5\n',
      errors: [{ line: 1, column: 1, endColumn: 6, message: 'before the first FROM' }]
    },
    {
      code: 'ARG V=1\nRUN echo $V\nENV X=1\nFROM debian:12.5\nRUN true\n',
      errors: [{ line: 2 }, { line: 3 }]
    }
  ]
}
