import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build /app /app\n',
    'FROM scratch\nCOPY / /\n',
    'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build / /rootfs\n',
    {
      name: 'an image made to be copied whole',
      code: 'FROM debian:12.5\nCOPY --from=docker.io/tonistiigi/xx:1.4.0 / /\n'
    },
    {
      name: 'a stage built from scratch holds only artifacts',
      code: 'FROM golang:1.22.5 AS build\nFROM scratch AS out\nCOPY --from=build /app /app\nFROM debian:12.5\nCOPY --from=out / /\n'
    }
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
