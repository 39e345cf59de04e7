import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN wget --progress=dot:giga https://example.com/a.tgz\n',
    'RUN wget -qO- https://example.com/a.sh\n',
    'RUN wget -nv https://example.com/a.tgz\n',
    'RUN wget --output-file=/tmp/log https://example.com/a.tgz\n',
    'RUN wget -a /tmp/log https://example.com/a.tgz\n'
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN wget https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '--progress' }],
      output: 'FROM debian:12.5\nRUN wget --progress=dot:giga https://example.com/a.tgz\n'
    },
    {
      name: 'BusyBox wget on Alpine has no --progress: -q instead',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz\n',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nRUN wget -q -O /tmp/a.tgz https://example.com/a.tgz\n'
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12.5\nONBUILD RUN cd /tmp && /usr/bin/wget https://example.com/a\n',
      errors: [{ line: 2, column: 24, endColumn: 37 }],
      output:
        'FROM debian:12.5\nONBUILD RUN cd /tmp && /usr/bin/wget --progress=dot:giga https://example.com/a\n'
    }
  ]
}
