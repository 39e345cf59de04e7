import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\n',
    'FROM alpine:3.20\nRUN apk add --no-cache git~2.52 "libffi>=3.2" "python3<3.13"\n',
    'FROM alpine:3.20\nRUN apk add --virtual build-deps python-dev=1.1.1 && apk del build-deps\n',
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing flow=0.78.0-r0\n',
    'FROM alpine:3.20\nRUN apk add mypackage-1.1.1.apk\n',
    {
      name: 'conflict marker',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache py3-foo=1.0-r0 !pyc\n'
    },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nRUN apk add --no-cache $PACKAGES\n' }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add flex\n',
      errors: [{ line: 2, column: 13, endColumn: 17, message: '`flex`' }]
    },
    {
      name: 'one missed over continuation lines',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n  flex=2.6.4-r1 \\\n  libffi \\\n  python3=3.12.3-r1\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 9 }]
    },
    {
      name: 'package list from an ARG default',
      code: 'FROM alpine:3.20\nARG PKGS="curl=8.8.0-r0 git"\nRUN apk add --no-cache ${PKGS}\n',
      errors: [{ line: 3, message: '`${PKGS}` (`git`)' }]
    }
  ]
}
