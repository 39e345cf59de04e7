import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.6\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM alpine:3.20\nRUN apk update && apk add curl\n',
    {
      name: 'yum update upgrades packages, it is not an index refresh',
      code: 'FROM rockylinux:9.3\nRUN yum update -y\n'
    },
    {
      name: 'install through a wrapper',
      code: 'FROM debian:12.6\nRUN apt-get update && xargs apt-get install -y < packages.txt\n'
    }
  ],
  invalid: [
    {
      name: 'merged into the next RUN, which installs',
      code: 'FROM debian:12.6\nRUN apt-get update\n\n# tools\nRUN apt-get install -y curl\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: 'stale index' }],
      output: 'FROM debian:12.6\nRUN apt-get update && \\\n# tools\n    apt-get install -y curl\n'
    },
    {
      name: 'no install follows: no fix',
      code: 'FROM alpine:3.20\nRUN apk update\nRUN echo done\n',
      errors: [{ line: 2, column: 5, endColumn: 15 }],
      output: null
    },
    {
      name: 'zypper refresh',
      code: 'FROM opensuse/leap:15.6\nRUN zypper refresh && echo ok\n',
      errors: [{ line: 2, column: 5 }],
      output: null
    }
  ]
}
