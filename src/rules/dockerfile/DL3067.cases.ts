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
    },
    {
      name: "a stage aliasing a helper-tool image (tonistiigi/xx's documented install)",
      code: 'ARG XX_VERSION=1.6.1\nFROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx\nFROM golang:1.23-alpine AS build\nCOPY --link --from=xx / /\n'
    },
    {
      name: 'per-OS variants that are all built from scratch',
      code: 'FROM scratch AS bin-linux\nFROM scratch AS bin-windows\nFROM bin-$TARGETOS AS bin\nFROM scratch AS out\nCOPY --from=bin / /\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build / /\n',
      errors: [{ line: 3, column: 19, endColumn: 22, message: 'whole filesystem' }]
    },
    {
      name: 'an alias of an OS image is a whole distribution',
      code: 'FROM debian:12.5 AS base\nFROM scratch\nCOPY --from=base / /\n',
      errors: [{ line: 3 }]
    },
    {
      code: 'FROM debian:12.5 AS build\nFROM scratch\nCOPY --from=build ["/", "/"]\n',
      errors: [{ line: 3, column: 20, endColumn: 28 }]
    }
  ]
}
