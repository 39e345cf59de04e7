import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'ARG VERSION=3.19\nFROM alpine:${VERSION}\n',
    {
      name: 'platform arguments are predefined',
      code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n'
    },
    {
      name: 'an ARG without default is still declared',
      code: 'ARG BASE\nFROM ${BASE:-alpine:3.19}\n'
    }
  ],
  invalid: [
    {
      code: 'ARG VERSION=3.19\nFROM alpine:${VERSON}\n',
      errors: [{ line: 2, column: 13, endColumn: 22, message: 'did you mean `VERSION`' }],
      output: 'ARG VERSION=3.19\nFROM alpine:${VERSION}\n'
    },
    {
      name: 'no close name: no fix',
      code: 'FROM $BASE_IMAGE\n',
      errors: [{ line: 1, column: 6, endColumn: 17 }],
      output: null
    },
    {
      name: 'an ARG declared inside a stage is not global',
      code: 'FROM alpine:3.19\nARG TAG=3\nFROM alpine:$TAG\n',
      errors: [{ line: 3, column: 13 }],
      output: null
    },
    {
      name: 'an ARG whose name no reference can spell is not suggested',
      code: 'ARG TA\u{1F600}G\nFROM alpine:$TAG\n',
      errors: [{ line: 2, column: 13, endColumn: 17 }],
      output: null
    }
  ]
}
