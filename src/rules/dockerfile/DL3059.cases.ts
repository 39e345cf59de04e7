import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'RUN /foo.sh\n',
    'RUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    'RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n',
    { name: 'chained RUNs were split on purpose', code: 'RUN foo && bar\nRUN foobar\n' }
  ],
  invalid: [
    {
      code: 'RUN /foo.sh\nRUN /bar.sh\n',
      errors: [{ line: 2, column: 1, endColumn: 4 }],
      output: 'RUN /foo.sh && \\\n    /bar.sh\n'
    },
    {
      name: 'comments between stay inside the continuation',
      code: 'RUN /foo.sh\n# a comment\nRUN /bar.sh\n',
      errors: [{ line: 3 }],
      output: 'RUN /foo.sh && \\\n# a comment\n    /bar.sh\n'
    },
    {
      name: 'three in a row merge in one pass',
      code: 'RUN a\nRUN b\nRUN c\n',
      errors: [{ line: 2 }, { line: 3 }],
      output: 'RUN a && \\\n    b && \\\n    c\n'
    },
    {
      name: "keeps the file's leading-&& style and indentation",
      code: 'RUN apt-get update \\\n  && apt-get install -y curl=1\nRUN echo one\nRUN echo two\n',
      errors: [{ line: 4 }],
      output:
        'RUN apt-get update \\\n  && apt-get install -y curl=1\nRUN echo one \\\n  && echo two\n'
    }
  ]
}
