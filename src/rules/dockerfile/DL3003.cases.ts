import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nWORKDIR /opt\n',
    { name: 'cd as an argument', code: 'FROM debian:12.5\nRUN echo cd /opt\n' },
    {
      name: 'into a directory made, cloned or extracted earlier in the same RUN, or back to /',
      code: [
        'FROM debian:12.5',
        'RUN mkdir -p /usr/src/app && cd /usr/src/app/lib && make',
        'RUN git clone https://github.com/o/hans.git && cd hans && make && cd .. && rm -rf hans',
        'RUN git clone https://x/y.git /src/y && cd /src/y',
        'RUN tar -xzf z.tgz -C /opt/z && cd /opt/z && ./install',
        'RUN tar -xzf clamav-1.0.tar.gz && cd clamav-1.0 && cmake .',
        'RUN docker-php-source extract; cd /usr/src/php; ./configure; cd /; docker-php-source delete',
        ''
      ].join('\n')
    }
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
      name: 'a directory made by another RUN still needs WORKDIR',
      code: 'FROM debian:12.5\nRUN mkdir -p /app\nRUN cd /app && make\n',
      errors: [{ line: 3, column: 5, endColumn: 12 }],
      output: 'FROM debian:12.5\nRUN mkdir -p /app\nWORKDIR /app\nRUN make\n'
    },
    {
      name: 'cd in the middle: reported, no fix',
      code: 'FROM debian:12.5\nRUN make && cd /opt && make install\n',
      errors: [{ line: 2, column: 13 }],
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
