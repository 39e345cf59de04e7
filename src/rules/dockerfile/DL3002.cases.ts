import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nUSER foo\n',
    'FROM debian:12.5\nUSER root\nRUN something\nUSER foo\n',
    { name: 'no USER at all is not this rule', code: 'FROM debian:12.5\nRUN true\n' },
    {
      name: 'root in a build stage that is copied from',
      code: 'FROM golang:1.22 AS build\nUSER root\nRUN make\nFROM debian:12.5\nCOPY --from=build /app /app\nUSER app\n'
    },
    {
      name: 'switching back in the base stage',
      code: 'FROM debian:12.5 AS base\nUSER root\nRUN something\nUSER foo\nFROM scratch\nRUN else\n'
    },
    { name: 'variable user', code: 'FROM debian:12.5\nUSER $APP_USER\n' },
    {
      name: 'a dev image returns to root on purpose (folder named for development)',
      path: 'image/discourse_dev/Dockerfile',
      code: 'FROM debian:12.5\nUSER discourse\nRUN warm-caches\nUSER root\n'
    },
    {
      name: 'a dev container',
      path: '.devcontainer/Dockerfile',
      code: 'FROM debian:12.5\nUSER root\n'
    },
    {
      name: 'a base image for others to extend',
      path: 'Dockerfile.base',
      code: 'FROM debian:12.5\nUSER app\nRUN setup\nUSER root\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nUSER root\n',
      errors: [{ line: 2, column: 6, endColumn: 10, message: '`root`' }]
    },
    { code: 'FROM debian:12.5\nUSER 0:0\n', errors: [{ line: 2, message: '`0:0`' }] },
    { code: 'FROM debian:12.5\nUSER root:root\n', errors: [{ line: 2 }] },
    {
      name: 'inherited through FROM <stage>',
      code: 'FROM debian:12.5 AS base\nUSER root\nRUN something\nFROM base\nRUN something else\n',
      errors: [{ line: 2, message: 'inherited' }]
    },
    {
      name: 'a stage nothing uses is another possible target',
      code: 'FROM debian:12.5 AS debug\nUSER root\nFROM scratch\nUSER foo\n',
      errors: [{ line: 2 }]
    }
  ]
}
