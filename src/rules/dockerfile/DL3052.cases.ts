import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.url': 'url' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL org.opencontainers.image.url="example.com"\n' },
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.url="https://example.com/docs?a=1#x"\n'
    },
    { settings, code: 'LABEL org.opencontainers.image.url=mailto:me@example.com\n' },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="example.com"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.url="example.com"\n',
      errors: [{ line: 2, column: 36, endColumn: 49, message: 'not a valid URL' }]
    },
    {
      settings,
      code: 'LABEL org.opencontainers.image.url="https://exa mple.com"\n',
      errors: [{ line: 1 }]
    }
  ]
}
