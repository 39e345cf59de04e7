import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM alpine:3.19\nEXPOSE 80/tcp 53/udp 8080\n'],
  invalid: [
    {
      code: 'FROM alpine:3.19\nEXPOSE 80/TCP 53/Udp\n',
      errors: [
        { line: 2, column: 8, endColumn: 14, message: "'tcp'" },
        { line: 2, column: 15, endColumn: 21 }
      ],
      output: 'FROM alpine:3.19\nEXPOSE 80/tcp 53/udp\n'
    }
  ]
}
