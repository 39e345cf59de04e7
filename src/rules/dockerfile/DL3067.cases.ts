import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build /app /app\n',
    'FROM scratch\nCOPY / /\n',
    'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build / /rootfs\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ line: 3, column: 19, endColumn: 22, message: 'whole filesystem' }]
    },
    {
      code: 'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n',
      errors: [{ line: 3, column: 20, endColumn: 28 }]
    }
  ]
}
