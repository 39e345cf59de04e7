import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n',
    'FROM debian:12.5\nHEALTHCHECK CMD ["/bin/check"]\n',
    {
      name: 'one per stage',
      code: 'FROM debian:12.5 AS a\nHEALTHCHECK CMD ["/a"]\nFROM debian:12.5\nHEALTHCHECK CMD ["/b"]\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nHEALTHCHECK CMD ["/a"]\nHEALTHCHECK NONE\n',
      errors: [{ line: 2, column: 1, endColumn: 12, message: 'line 3' }],
      output: 'FROM debian:12.5\nHEALTHCHECK NONE\n'
    },
    {
      name: 'a multi-line HEALTHCHECK goes whole',
      code: 'FROM debian:12.5\nHEALTHCHECK --interval=5s \\\n  CMD ["/a"]\nEXPOSE 80\nHEALTHCHECK CMD ["/b"]\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12.5\nEXPOSE 80\nHEALTHCHECK CMD ["/b"]\n'
    }
  ]
}
