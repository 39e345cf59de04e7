import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'CMD ["foo", "bar"]\n',
    'ENTRYPOINT ["foo", "bar"]\n',
    'HEALTHCHECK CMD [ "foobar" ]\n',
    'HEALTHCHECK NONE\n',
    'CMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n'
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n',
      errors: [{ line: 2, column: 5, endColumn: 41 }],
      output: 'FROM python:3.12.4\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n'
    },
    {
      name: 'ENTRYPOINT over continuation lines',
      code: 'FROM debian:12.5\nENTRYPOINT /usr/bin/tini \\\n  -- /app/run   \n',
      errors: [{ line: 2, column: 12, endLine: 3, endColumn: 14, message: 'ENTRYPOINT' }],
      output: 'FROM debian:12.5\nENTRYPOINT ["/usr/bin/tini", "--", "/app/run"]   \n'
    },
    {
      code: 'HEALTHCHECK --interval=5s CMD curl -f http://localhost/\n',
      errors: [{ line: 1, column: 31, message: 'HEALTHCHECK CMD' }],
      output: 'HEALTHCHECK --interval=5s CMD ["curl", "-f", "http://localhost/"]\n'
    },
    {
      name: 'shell syntax needs the shell: no fix',
      code: 'FROM debian:12.5\nCMD echo "$HOME" && exec app > /log\n',
      errors: [{ line: 2, column: 5 }],
      output: null
    },
    {
      name: 'a custom SHELL: no fix',
      code: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\nCMD app\n',
      errors: [{ line: 3 }],
      output: null
    }
  ]
}
