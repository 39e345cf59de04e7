import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    '# build compiles the app\nFROM alpine:3.19 AS build\n',
    '# VERSION of the tool\nARG VERSION=1\n',
    { name: 'a blank line separates', code: '# some note\n\nARG VERSION=1\n' },
    {
      name: 'tool pragmas are not descriptions',
      code: '# hadolint ignore=DL3006\nFROM alpine AS build\n'
    }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19\n# the version\nARG VERSION=1\n',
      errors: [{ line: 2, column: 1, message: '# VERSION <description>' }],
      output: 'FROM alpine:3.19\n# the version\n\nARG VERSION=1\n'
    }
  ]
}
