import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.19 AS builder\nRUN true\n',
    'FROM alpine:3.19\n',
    { name: 'the image name may have any case', code: 'FROM MyRegistry/Alpine:3.19 AS base\n' }
  ],
  invalid: [
    {
      name: 'a name BuildKit would refuse anyway is not lowercased (it would rename its variables)',
      code: 'ARG V=1\nFROM alpine:3.19 AS Build:${V} AS x\nRUN true\n',
      errors: [{ line: 2, column: 21, message: "Stage name 'Build:${V}'" }],
      output: null
    },
    {
      code: 'FROM alpine:3.19 AS Builder\nRUN true\n',
      errors: [{ line: 1, column: 21, endColumn: 28, message: "'builder'" }],
      output: 'FROM alpine:3.19 AS builder\nRUN true\n'
    },
    {
      name: 'references are renamed too',
      code: 'FROM alpine:3.19 AS Builder\nRUN true\nFROM Builder AS Final\nCOPY --from=BUILDER /a /b\nRUN --mount=type=cache,from=Builder,target=/x true\n',
      errors: [
        { line: 1, column: 21 },
        { line: 3, column: 17, endColumn: 22 }
      ],
      output:
        'FROM alpine:3.19 AS builder\nRUN true\nFROM builder AS final\nCOPY --from=builder /a /b\nRUN --mount=type=cache,from=builder,target=/x true\n'
    }
  ]
}
