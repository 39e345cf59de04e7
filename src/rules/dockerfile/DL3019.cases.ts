import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'apk add --no-network fetches no index',
      code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .run-deps $runDeps\n'
    },
    'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=7.77.0\n',
    'FROM alpine:3.20\nRUN apk add -U curl=7.77.0 && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.20\nRUN apk del curl\n'
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: '--no-cache' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\n'
    },
    {
      name: 'cache mount on another directory',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n',
      errors: [{ line: 2, column: 46 }],
      output:
        'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=7.77.0\n'
    },
    {
      name: 'ONBUILD',
      code: 'FROM alpine:3.20\nONBUILD RUN apk --update add git=2.45.2-r0\n',
      errors: [{ line: 2, column: 13, endColumn: 29 }],
      output: 'FROM alpine:3.20\nONBUILD RUN apk --update add --no-cache git=2.45.2-r0\n'
    }
  ]
}
