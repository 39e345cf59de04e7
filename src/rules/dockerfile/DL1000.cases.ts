import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'a line of Unicode blanks (U+2028) inside a continuation is empty for BuildKit',
      code: 'FROM debian:12\nRUN apt-get update && \\\n \u2028\n  apt-get install -y curl\n'
    },
    'FROM debian:12.5\nRUN <<EOF\necho hi\nEOF\n',
    'FROM debian:12.5\nHEALTHCHECK NONE\n',
    'FROM --platform=$BUILDPLATFORM debian:12.5 AS build\nCOPY --from=build --chown=1:1 --chmod=644 --link a b\n',
    'FROM debian:12.5\nRUN --mount=type=cache,target=/x --network=none true\n',
    'FROM debian:12.5\nHEALTHCHECK --interval=5s --start-interval=1s --retries=3 CMD ["true"]\n',
    'FROM debian:12.5\nENV A="it\'s" B=\'say "hi"\' C=a\\"b D="a\\"b"\nLABEL x="multi \\\n  line"\n',
    'FROM debian:12.5\nRUN echo "a \\\n  b" && echo \'c\'\n',
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo "unclosed in cmd\n',
    'FROM debian:12.5\nRUN python3 <<EOF\nprint("unclosed)\nEOF\n'
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
      name: 'a lone CR after an escape first on a line is a blank: the line ends the RUN (BuildKit)',
      code: 'FROM debian:12\nRUN apt-get update; \\\n\t\\\r}\n\tapt-get purge -y\n',
      errors: [{ line: 4, column: 2, endColumn: 9, message: 'Unknown instruction `apt-get`' }]
    },
    {
      name: 'flags are not arguments: FROM --platform without an image',
      code: 'FROM --platform=linux/amd64\nRUN --network=none\n',
      errors: [
        { line: 1, column: 1, endColumn: 5, message: '`FROM` requires at least one argument' },
        { line: 2, column: 1, endColumn: 4, message: '`RUN` requires at least one argument' }
      ]
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
      name: 'unclosed quotes in ENV, LABEL and WORKDIR',
      code: 'FROM debian:12\nENV A="b\nLABEL description=it\'s\nWORKDIR "/app\n',
      errors: [
        { line: 2, column: 7, endColumn: 8, message: 'double quote is never closed' },
        { line: 3, column: 21, endColumn: 22, message: 'single quote is never closed' },
        { line: 4, column: 9, endColumn: 10, message: 'double quote' }
      ],
      output: null
    },
    {
      name: 'a RUN script cut short (unclosed quote, if without fi)',
      code: 'FROM debian:12\nRUN echo "hi\nRUN if true; then echo a; \\\n  else echo b\n',
      errors: [
        { line: 2, column: 10, endColumn: 11, message: 'reached EOF without closing quote' },
        { line: 3, column: 5, message: 'must end with "fi"' }
      ],
      output: null
    },
    {
      name: 'an escape directive with a character BuildKit refuses',
      code: '# escape=x\nFROM debian:12\n',
      errors: [{ line: 1, column: 1, endColumn: 11, message: '`# escape=x`' }],
      output: null
    },
    {
      name: 'an empty file and a file of comments have no instructions',
      code: '',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 1, message: 'no instructions' }],
      output: null
    },
    {
      code: '# escape=`\n# only a comment\n',
      errors: [{ line: 1, column: 1, endColumn: 11, message: 'no instructions' }],
      output: null
    },
    {
      name: 'unknown flag without a close one',
      code: 'FROM debian:12\nRUN --privileged true\n',
      errors: [{ line: 2, message: '`--privileged`' }],
      output: null
    }
  ]
}
