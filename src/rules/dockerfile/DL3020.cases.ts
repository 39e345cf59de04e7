import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'ADD file.tar /usr/src/app/\n',
    'ADD "file.tgz" /usr/src/app/\n',
    'ADD http://example.com/file /usr/src/app/\n',
    'COPY file /usr/src/app/\n'
  ],
  invalid: [
    {
      code: 'ADD file /usr/src/app/\n',
      errors: [{ line: 1, column: 1, endColumn: 4, message: '`file`' }],
      output: 'COPY file /usr/src/app/\n'
    },
    {
      code: 'ADD --chown=1000 file.zip /app/\n',
      errors: [{ line: 1 }],
      output: 'COPY --chown=1000 file.zip /app/\n'
    },
    {
      code: 'add ["a b", "/app/"]\n',
      errors: [{ line: 1, message: '`a b`' }],
      output: 'copy ["a b", "/app/"]\n'
    },
    {
      name: 'ADD-only flag: no fix',
      code: 'ADD --checksum=sha256:abc file /app/\n',
      errors: [{ line: 1 }],
      output: null
    }
  ]
}
