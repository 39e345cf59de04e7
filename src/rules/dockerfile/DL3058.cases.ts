import type { RuleCases } from '../define.js'

const settings = { labelSchema: { maintainer: 'email' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'LABEL maintainer="ops team"\n' },
    { settings, code: 'FROM debian:12.5\nLABEL maintainer=ops@example.com\n' },
    { settings, code: 'LABEL maintainer="first.last+docker@sub.example.org"\n' },
    { name: 'labels of other types are not checked', settings, code: 'LABEL other="ops team"\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL maintainer="Ops <ops@example.com>"\n',
      errors: [{ line: 2, column: 18, endColumn: 41, message: 'email' }]
    },
    { settings, code: 'LABEL maintainer=ops@\n', errors: [{ line: 1 }] }
  ]
}
