import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nUSER 10001\n',
    'FROM debian:12.5\nUSER 10001:10001\n',
    { name: 'from an ARG', code: 'ARG UID=10001\nFROM debian:12.5\nUSER ${UID}\n' },
    {
      name: 'only the USER the image runs as counts',
      code: 'FROM debian:12.5 AS build\nUSER builder\nFROM debian:12.5\nUSER postgres\nRUN true\nUSER 999\n'
    },
    {
      name: 'Windows images have named users',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nUSER app:app\n',
      errors: [{ line: 2, column: 6, endColumn: 9, message: 'USER app' }]
    },
    {
      name: 'inherited from the parent stage',
      code: 'FROM debian:12.5 AS base\nUSER node\nFROM base\nCMD ["node"]\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }]
    }
  ]
}
