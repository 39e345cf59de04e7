import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    'FROM alpine:3.20\nRUN wget -q -O /tmp/a.tgz https://example.com/a.tgz\n',
    {
      name: 'GNU wget installed first replaces the applet',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget && wget --progress=dot:giga https://example.com/a.tgz\n'
    },
    {
      name: 'GNU grep installed in an ancestor stage',
      code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache grep\nFROM base\nRUN grep -oP "v\\d+" /etc/os-release\n'
    },
    {
      name: 'an image of unknown make',
      code: 'FROM example.com/team/base:1\nRUN wget --progress=dot:giga https://example.com/a.tgz\n'
    }
  ],
  invalid: [
    {
      name: 'issue 14: node:22-alpine3.20 has BusyBox wget',
      code: 'FROM node:22-alpine3.20\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5, message: 'unrecognized option' }]
    },
    {
      name: 'docker:27-dind, GNU grep -P',
      code: 'FROM docker:27-dind\nRUN docker version | grep -oP "\\d+"\n',
      errors: [{ line: 2, column: 22, message: '`grep -oP`' }]
    },
    {
      name: 'GNU wget installed only after the call',
      code: 'FROM alpine:3.20\nRUN wget --show-progress https://example.com/a && apk add --no-cache wget\n',
      errors: [{ line: 2, column: 5 }]
    }
  ]
}
