import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nEXPOSE 60000\n',
    'FROM debian:12.5\nEXPOSE ${FOOBAR}\n',
    'FROM debian:12.5\nEXPOSE 40000-60000/tcp 53/udp\n',
    'FROM debian:12.5\nEXPOSE 40000-${FOOBAR}\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nEXPOSE 80 80000\n',
      errors: [{ line: 2, column: 11, endColumn: 16, message: '`80000`' }]
    },
    { code: 'FROM debian:12.5\nEXPOSE 40000-80000/tcp\n', errors: [{ line: 2, column: 8 }] }
  ]
}
