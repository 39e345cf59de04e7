import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n',
    'FROM --platform=$BUILDPLATFORM debian:12.5\n',
    'FROM --platform="${BUILDPLATFORM:-}" debian:12.5\n',
    'FROM --platform=$TARGETPLATFORM debian:12.5\n',
    {
      name: 'stage named after its platform',
      code: 'FROM --platform=linux/arm64 debian:12.5 AS build-arm64\n'
    }
  ],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 debian:12.5\n',
      errors: [{ line: 1, column: 6, endColumn: 28, message: 'linux/amd64' }],
      output: 'FROM debian:12.5\n'
    },
    {
      name: 'flag on its own continuation line',
      code: 'FROM \\\n  --platform=linux \\\n  debian:12.5 AS x\n',
      errors: [{ line: 2, column: 3 }],
      output: 'FROM \\\n  debian:12.5 AS x\n'
    },
    {
      name: 'backtick escape and CRLF',
      code: '# escape=`\r\nFROM --platform=windows/amd64 `\r\n  mcr.microsoft.com/windows/servercore:ltsc2022\r\n',
      errors: [{ line: 2, column: 6 }],
      output: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\n'
    }
  ]
}
