import type { RuleCases } from '../define.js'

const settings = { labelSchema: { version: 'semver' }, strictLabels: true }

export const cases: RuleCases = {
  valid: [
    {
      name: 'strict labels off',
      code: 'LABEL anything=1\n',
      settings: { labelSchema: { version: 'semver' } }
    },
    { settings, code: 'FROM debian:12.5\nLABEL version=1.2.3\n' }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL version=1.2.3 team=core\n',
      errors: [{ line: 2, column: 21, endColumn: 25, message: '`team`' }]
    },
    { settings, code: 'ONBUILD LABEL extra=1\n', errors: [{ line: 1, column: 15 }] }
  ]
}
