import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL org.opencontainers.image.licenses="Apache 2"\n' },
    { settings, code: 'FROM debian:12.5\nLABEL org.opencontainers.image.licenses=Apache-2.0\n' },
    { settings, code: 'LABEL org.opencontainers.image.licenses=GPL-3.0-or-later\n' },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="Apache 2"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.licenses="Apache License"\n',
      errors: [{ line: 2, column: 41, endColumn: 57, message: 'SPDX' }]
    },
    {
      name: 'an expression is not one identifier',
      settings,
      code: 'LABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n',
      errors: [{ line: 1 }]
    }
  ]
}
