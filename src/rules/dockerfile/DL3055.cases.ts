import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.revision': 'hash' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL org.opencontainers.image.revision="main"\n' },
    { settings, code: 'FROM debian:12.5\nLABEL org.opencontainers.image.revision=4f2a9c1\n' },
    {
      settings,
      code: 'LABEL org.opencontainers.image.revision=0123456789abcdef0123456789abcdef01234567\n'
    },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="main"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.revision=main\n',
      errors: [{ line: 2, column: 41, endColumn: 45, message: 'git commit hash' }]
    },
    {
      name: 'upper case',
      settings,
      code: 'LABEL org.opencontainers.image.revision=4F2A9C1\n',
      errors: [{ line: 1 }]
    }
  ]
}
