import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'ADD file.tar /usr/src/app/\n',
    'ADD "file.tgz" /usr/src/app/\n',
    'ADD http://example.com/file /usr/src/app/\n',
    'COPY file /usr/src/app/\n',
    { name: 'URL in an unknown variable', code: 'ADD $DOWNLOAD_URL /usr/src/app/\n' },
    {
      name: 'URL in an ARG default',
      code: 'ARG URL=https://example.com/a.bin\nFROM debian:12.5\nARG URL\nADD $URL /a.bin\n'
    }
  ],
  invalid: [
    {
      name: 'local file in an ENV',
      code: 'FROM debian:12.5\nENV SRC=conf/app.ini\nADD $SRC /etc/app.ini\n',
      errors: [{ line: 3, message: '`$SRC`' }],
      output: 'FROM debian:12.5\nENV SRC=conf/app.ini\nCOPY $SRC /etc/app.ini\n'
    },
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
