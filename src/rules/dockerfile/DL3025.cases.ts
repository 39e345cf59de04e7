import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'CMD ["foo", "bar"]\n',
    'ENTRYPOINT ["foo", "bar"]\n',
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n'
  ],
  invalid: [
    { code: 'CMD something\n', errors: [{ line: 1, column: 5, endColumn: 14 }] },
    { code: 'ENTRYPOINT something else\n', errors: [{ line: 1, column: 12 }] },
    { code: 'HEALTHCHECK CMD foobar\n', errors: [{ line: 1, column: 13 }] }
  ]
}
