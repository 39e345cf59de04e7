import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM alpine:3.19\nEXPOSE 80 443/tcp 8000-8010\n', 'FROM alpine:3.19\nEXPOSE ${PORT}\n'],
  invalid: [
    {
      code: 'FROM alpine:3.19\nEXPOSE 127.0.0.1:8080:80 9000:9000/udp\n',
      errors: [
        { line: 2, column: 8, endColumn: 25, message: "container port ('80')" },
        { line: 2, column: 26, endColumn: 39 }
      ],
      output: 'FROM alpine:3.19\nEXPOSE 80 9000/udp\n'
    }
  ]
}
