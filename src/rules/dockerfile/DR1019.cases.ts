import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    {
      name: 'bash installed by an earlier RUN',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache bash\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n'
    },
    {
      name: 'an image of unknown make',
      code: 'FROM example.com/team/base:1\nSHELL ["/bin/bash", "-c"]\nRUN a\n'
    },
    {
      name: 'PowerShell images are not judged',
      code: 'FROM mcr.microsoft.com/powershell:7.4-alpine-3.17\nSHELL ["pwsh", "-Command"]\nRUN Get-Date\n'
    },
    {
      name: 'no RUN uses it',
      code: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nCMD ["a"]\n'
    }
  ],
  invalid: [
    {
      name: 'issue 14: bash on node:22-alpine3.20',
      code: 'FROM node:22-alpine3.20\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ line: 2, column: 7, endColumn: 44, message: 'not in this alpine image' }]
    },
    {
      name: 'distroless has no shell at all',
      code: 'FROM gcr.io/distroless/static:nonroot\nSHELL ["/bin/sh", "-c"]\nRUN true\n',
      errors: [{ line: 2, column: 7, message: 'it has no shell' }]
    }
  ]
}
