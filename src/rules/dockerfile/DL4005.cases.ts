import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\n',
    'RUN ln -sf /usr/bin/python3 /usr/bin/python\n',
    { name: '/bin/sh elsewhere in the RUN', code: 'RUN ln -s a b && /bin/sh -c true\n' },
    {
      name: 'relinking /bin/sh to the shell it already is (bash on Amazon Linux) changes nothing',
      code: 'FROM amazonlinux:2023\nRUN ln -sf /bin/bash /bin/sh\n'
    }
  ],
  invalid: [
    {
      name: 'a RUN that only relinks /bin/sh becomes SHELL (unsafe)',
      code: 'FROM debian:12.5\nRUN ln -sf /bin/bash /bin/sh\nRUN echo $RANDOM\n',
      errors: [{ line: 2, column: 22, endColumn: 29, message: 'SHELL' }],
      output: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\nRUN echo $RANDOM\n'
    },
    {
      name: 'part of a longer RUN: no fix',
      code: 'FROM debian:12.5\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n',
      errors: [{ line: 2, column: 35 }],
      output: null
    }
  ]
}
