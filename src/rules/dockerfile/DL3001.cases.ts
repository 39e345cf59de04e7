import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN apt-get install -y ssh\n',
    {
      name: 'mentions are not calls',
      code: 'FROM debian:12.5\nRUN echo top vim && grep kill /etc/x\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN top\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: '`top`' }]
    },
    {
      name: 'inside a chain, by path, and in ONBUILD',
      code: 'FROM debian:12.5\nRUN make && /usr/sbin/service nginx start\nONBUILD RUN vim /etc/x\n',
      errors: [
        { line: 2, column: 13, endColumn: 30, message: 'daemon' },
        { line: 3, column: 13, endColumn: 16 }
      ]
    }
  ]
}
