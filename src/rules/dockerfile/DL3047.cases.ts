import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    'RUN wget -qO- https://example.com/a.sh\n',
    'RUN wget -nv https://example.com/a.tgz\n',
    'RUN wget --output-file=/tmp/log https://example.com/a.tgz\n',
    'RUN wget -a /tmp/log https://example.com/a.tgz\n'
  ],
  invalid: [
    {
      name: 'a local parent built from Alpine: BusyBox wget',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nRUN wget https://example.com/a.tgz\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM alpine:3.20\nRUN apk add --no-cache curl\n'
      },
      errors: [{ line: 2, column: 5 }],
      output: 'FROM acme/base:1\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'a local parent built from Debian: GNU wget',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nRUN wget https://example.com/a.tgz\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6\n'
      },
      errors: [{ line: 2, column: 5 }],
      output: 'FROM acme/base:1\nRUN wget --progress=dot:giga https://example.com/a.tgz\n'
    },
    {
      code: 'FROM debian:12.5\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '--progress' }],
      output: 'FROM debian:12.5\nRUN wget --progress=dot:giga https://example.com/a.tgz\n'
    },
    {
      name: 'BusyBox wget on Alpine has no --progress: -q instead',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nRUN wget -q -O /tmp/a.tgz https://example.com/a.tgz\n'
    },
    {
      name: 'issue 14: node:22-alpine3.20 is Alpine (BusyBox wget)',
      code: 'FROM node:22-alpine3.20\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:22-alpine3.20\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'issue 14: golang:*-alpine3.NN through a stage chain',
      code: 'FROM golang:1.22-alpine3.19 AS base\nFROM base\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 3, column: 5 }],
      output:
        'FROM golang:1.22-alpine3.19 AS base\nFROM base\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'issue 14: docker:27-dind is Alpine',
      code: 'FROM docker:27-dind\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM docker:27-dind\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'busybox image',
      code: 'FROM busybox:1.36\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM busybox:1.36\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'an image of unknown make gets -q, which every wget takes',
      code: 'FROM example.com/team/base:1\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM example.com/team/base:1\nRUN wget -q https://example.com/a.tgz\n'
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12.5\nONBUILD RUN cd /tmp && /usr/bin/wget https://example.com/a\n',
      errors: [{ line: 2, column: 24, endColumn: 37 }],
      output:
        'FROM debian:12.5\nONBUILD RUN cd /tmp && /usr/bin/wget --progress=dot:giga https://example.com/a\n'
    }
  ]
}
