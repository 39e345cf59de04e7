import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.20\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22.5 AS build\n',
    'FROM --platform=linux/amd64 alpine:3.20\n'
  ],
  invalid: [
    {
      code: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
      errors: [{ line: 1, column: 6, endColumn: 32, message: 'TARGETPLATFORM' }],
      output: 'FROM alpine:3.20\n'
    },
    {
      code: 'FROM golang:1.22.5 AS build\nfrom --platform=${TARGETPLATFORM} alpine:3.20 as final\n',
      errors: [{ line: 2, column: 6, endColumn: 34 }],
      output: 'FROM golang:1.22.5 AS build\nfrom alpine:3.20 as final\n'
    }
  ]
}
