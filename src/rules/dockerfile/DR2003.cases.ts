import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.19\nRUN echo a \\\n    && echo b\n',
    {
      name: 'comment lines are allowed',
      code: 'FROM alpine:3.19\nRUN echo a \\\n# note\n    && echo b\n'
    },
    {
      name: 'blank lines in a heredoc body',
      code: 'FROM alpine:3.19\nRUN <<EOF\necho a\n\necho b\nEOF\n'
    },
    {
      name: 'blank line after the instruction',
      code: 'FROM alpine:3.19\nRUN echo a\n\nRUN echo b\n'
    }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19\nRUN echo a \\\n\n    && echo b \\\n  \n  && echo c\nRUN ok\n',
      errors: [{ line: 3, column: 1, message: 'lines 3, 5' }],
      output: 'FROM alpine:3.19\nRUN echo a \\\n    && echo b \\\n  && echo c\nRUN ok\n'
    },
    {
      name: 'CRLF',
      code: 'FROM alpine:3.19\r\nCOPY a \\\r\n\r\n  b /x/\r\n',
      errors: [{ line: 3 }],
      output: 'FROM alpine:3.19\r\nCOPY a \\\r\n  b /x/\r\n'
    }
  ]
}
