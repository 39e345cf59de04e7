import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.version': 'semver' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL org.opencontainers.image.version="v1"\n' },
    { settings, code: 'FROM debian:12.5\nLABEL org.opencontainers.image.version=1.4.2\n' },
    { settings, code: 'LABEL org.opencontainers.image.version=2.0.0-rc.1+build.5\n' },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="v1"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.version=v1.4.2\n',
      errors: [{ line: 2, column: 40, endColumn: 46, message: 'semantic version' }]
    },
    { settings, code: 'LABEL org.opencontainers.image.version=1.4\n', errors: [{ line: 1 }] }
  ]
}
