import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN <<EOF\necho hi\nEOF\n',
    'FROM debian:12.5\nHEALTHCHECK NONE\n',
    'FROM --platform=$BUILDPLATFORM debian:12.5 AS build\nCOPY --from=build --chown=1:1 --chmod=644 --link a b\n',
    'FROM debian:12.5\nRUN --mount=type=cache,target=/x --network=none true\n',
    'FROM debian:12.5\nHEALTHCHECK --interval=5s --start-interval=1s --retries=3 CMD ["true"]\n'
  ],
  invalid: [
    {
      code: 'FORM debian:12\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: 'did you mean `FROM`' }]
    },
    {
      code: 'FROM debian:12\nWORKDIR\n',
      errors: [{ line: 2, message: 'requires at least one argument' }]
    },
    {
      code: 'FROM debian:12\nRUN <<EOF\necho hi\n',
      errors: [{ line: 2, column: 5, endColumn: 10, message: 'never terminated' }]
    },
    {
      name: 'FROM with a stray word',
      code: 'FROM debian:12 builder\nFROM debian:12 AS a b\n',
      errors: [
        { line: 1, column: 16, endColumn: 23 },
        { line: 2, column: 16, endColumn: 22 }
      ]
    },
    {
      name: 'unknown flag with a close known one',
      code: 'FROM debian:12\nCOPY --chwon=1000:1000 a /b\nONBUILD COPY --form=x a /b\n',
      errors: [
        { line: 2, column: 6, endColumn: 23, message: 'did you mean `--chown`' },
        { line: 3, column: 14, message: '`--from`' }
      ],
      output: 'FROM debian:12\nCOPY --chown=1000:1000 a /b\nONBUILD COPY --from=x a /b\n'
    },
    {
      name: 'unknown flag without a close one',
      code: 'FROM debian:12\nRUN --privileged true\n',
      errors: [{ line: 2, message: '`--privileged`' }],
      output: null
    }
  ]
}
