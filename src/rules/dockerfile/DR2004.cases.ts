import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM alpine:3.19\nRUN echo\nCOPY a /b\n', 'from alpine:3.19\nrun echo\ncopy a /b\n'],
  invalid: [
    {
      code: 'FROM alpine:3.19\nrun echo\nRUN echo\nCopy a /b\n',
      errors: [
        { line: 2, column: 1, endColumn: 4, message: "'RUN'" },
        { line: 4, column: 1, endColumn: 5, message: "'COPY'" }
      ],
      output: 'FROM alpine:3.19\nRUN echo\nRUN echo\nCOPY a /b\n'
    },
    {
      name: 'lowercase majority, ONBUILD triggers count',
      code: 'from alpine:3.19\nrun echo\ncopy a /b\nONBUILD RUN echo\n',
      errors: [
        { line: 4, column: 1 },
        { line: 4, column: 9 }
      ],
      output: 'from alpine:3.19\nrun echo\ncopy a /b\nonbuild run echo\n'
    },
    {
      name: 'unknown words in keyword position are neither counted nor recased',
      code: 'FROM alpine:3.19\nRUN apk add \\\n  curl\n    apache2-utils \\\n    bash\nfoo bar\nCopy a /b\n',
      errors: [{ line: 7, column: 1, endColumn: 5 }],
      output:
        'FROM alpine:3.19\nRUN apk add \\\n  curl\n    apache2-utils \\\n    bash\nfoo bar\nCOPY a /b\n'
    }
  ]
}
