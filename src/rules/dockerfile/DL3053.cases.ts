import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL org.opencontainers.image.created="01.05.2024"\n' },
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.created=2024-05-01T12:30:00Z\n'
    },
    {
      settings,
      code: 'LABEL org.opencontainers.image.created=2024-02-29T23:59:59.123456789+05:30\n'
    },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="01.05.2024"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.created=2024-05-01\n',
      errors: [{ line: 2, column: 40, endColumn: 50, message: 'RFC 3339' }]
    },
    {
      name: 'no such day',
      settings,
      code: 'LABEL org.opencontainers.image.created=2023-02-29T00:00:00Z\n',
      errors: [{ line: 1 }]
    }
  ]
}
