import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM busybox:1.36\nLABEL maintainer="Lukas"\n'],
  invalid: [
    {
      code: 'FROM busybox:1.36\nMAINTAINER Lukas <me@example.com>\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: 'FROM busybox:1.36\nLABEL maintainer="Lukas <me@example.com>"\n'
    },
    {
      code: 'maintainer Lukas "the dev"\n',
      errors: [{ line: 1 }],
      output: 'label maintainer="Lukas \\"the dev\\""\n'
    }
  ]
}
