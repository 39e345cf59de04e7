import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nWORKDIR /opt\n',
    { name: 'cd as an argument', code: 'FROM debian:12.5\nRUN echo cd /opt\n' }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN cd /opt\n',
      errors: [{ line: 2, column: 5, endColumn: 12, message: 'WORKDIR' }],
      output: null
    },
    {
      name: 'leading cd moves into WORKDIR',
      code: 'FROM debian:12.5\nRUN cd /usr/src/app && make install\n',
      errors: [{ line: 2, column: 5, endColumn: 20 }],
      output: 'FROM debian:12.5\nWORKDIR /usr/src/app\nRUN make install\n'
    },
    {
      name: 'keeps flags, continuation lines and CRLF',
      code: 'FROM debian:12.5\r\nrun --mount=type=cache,target=/root/.cache cd /src && \\\r\n    make\r\n',
      errors: [{ line: 2 }],
      output:
        'FROM debian:12.5\r\nworkdir /src\r\nrun --mount=type=cache,target=/root/.cache make\r\n'
    },
    {
      name: 'cd in the middle: reported, no fix',
      code: 'FROM debian:12.5\nRUN git clone https://x/y.git && cd y && make\n',
      errors: [{ line: 2, column: 34 }],
      output: null
    },
    {
      name: 'relative directory: no fix',
      code: 'FROM debian:12.5\nRUN cd build && make\n',
      errors: [{ line: 2 }],
      output: null
    }
  ]
}
