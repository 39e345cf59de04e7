import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a | tar -xz\n',
    'FROM debian:12.5\nRUN curl -fsSL https://example.com/a -o /a.tgz && tar -xzf /a.tgz\n',
    {
      name: 'pipefail set inside the RUN',
      code: 'FROM debian:12.5\nRUN set -euxo pipefail; curl -fsSL https://example.com/a | tar -xz\n'
    },
    {
      name: 'SHELL inherited from the parent stage',
      code: 'FROM debian:12.5 AS base\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nFROM base\nRUN ps aux | grep x\n'
    },
    {
      name: 'PowerShell',
      code: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Process | Select-Object -First 1\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN curl -fsSL https://example.com/a | tar -xz\nRUN ps aux | grep x\n',
      errors: [
        { line: 2, column: 38, endColumn: 39, message: 'pipefail' },
        { line: 3, column: 12 }
      ],
      output:
        'FROM debian:12.5\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a | tar -xz\nRUN ps aux | grep x\n'
    },
    {
      name: 'the SHELL goes above the comments (and pragmas) of the RUN',
      code: 'FROM ubuntu:24.04\n# hadolint ignore=DL3008\nRUN apt-get download curl | cat\n',
      errors: [{ line: 3, column: 27 }],
      output:
        'FROM ubuntu:24.04\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n# hadolint ignore=DL3008\nRUN apt-get download curl | cat\n'
    },
    {
      name: 'Alpine gets ash',
      code: 'FROM alpine:3.20\r\nRUN wget -qO- https://example.com/a |& tar -xz\r\n',
      errors: [{ line: 2, column: 37, endColumn: 39 }],
      output:
        'FROM alpine:3.20\r\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\r\nRUN wget -qO- https://example.com/a |& tar -xz\r\n'
    },
    {
      name: 'issue 14: node:22-alpine3.20 has no bash: ash',
      code: 'FROM node:22-alpine3.20\nRUN wget -qO- https://example.com/a | tar -xz\n',
      errors: [{ line: 2, column: 37 }],
      output:
        'FROM node:22-alpine3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/a | tar -xz\n'
    },
    {
      name: 'issue 14: docker:27-dind has no bash: ash',
      code: 'FROM docker:27-dind\nRUN wget -qO- https://example.com/a | tar -xz\n',
      errors: [{ line: 2, column: 37 }],
      output:
        'FROM docker:27-dind\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com/a | tar -xz\n'
    },
    {
      name: 'distroless debug has only /busybox/sh: no shell to offer',
      code: 'FROM gcr.io/distroless/base:debug\nRUN a | b\n',
      errors: [{ line: 2, column: 7 }],
      output: null
    },
    {
      name: 'sh ignores pipefail; unknown base image: no fix',
      code: 'FROM example.com/base:1\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n',
      errors: [{ line: 3, column: 7 }],
      output: null
    },
    {
      name: 'a later SHELL without pipefail',
      code: 'FROM debian:12.5\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nSHELL ["/bin/bash", "-c"]\nRUN a | b\n',
      errors: [{ line: 4, column: 7 }],
      output: null
    }
  ]
}
