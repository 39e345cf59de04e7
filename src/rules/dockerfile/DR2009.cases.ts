import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'ARG TAG=3.19\nFROM alpine:${TAG}\n',
    'ARG TAG\nFROM alpine:${TAG:-3.19}\n',
    { name: 'undeclared names are DR2005’s', code: 'FROM alpine:${NOPE}\n' },
    {
      name: 'platform arguments have no default to judge',
      code: 'ARG TARGETARCH\nFROM example/app-${TARGETARCH}:1\n'
    }
  ],
  invalid: [
    {
      code: 'ARG TAG\nFROM alpine:${TAG}\n',
      errors: [{ line: 2, column: 6, endColumn: 19, message: "'alpine:'" }]
    },
    {
      code: 'ARG IMAGE\nFROM $IMAGE AS base\n',
      errors: [{ line: 2, column: 6, endColumn: 12, message: 'empty' }]
    }
  ]
}
