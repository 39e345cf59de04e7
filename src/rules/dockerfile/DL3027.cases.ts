import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM ubuntu:24.04\nRUN apt-get install -y python3\n',
    { name: 'apt as an argument', code: 'FROM ubuntu:24.04\nRUN echo apt install x\n' }
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nRUN apt install python3\n',
      errors: [{ line: 2, column: 5, endColumn: 8, message: '`apt-get`' }],
      output: 'FROM ubuntu:24.04\nRUN apt-get install python3\n'
    },
    {
      name: 'options before the subcommand, ONBUILD',
      code: 'FROM ubuntu:24.04\nONBUILD RUN apt -y -o Dpkg::Use-Pty=0 update && apt show curl\n',
      errors: [
        {
          line: 2,
          column: 13,
          endColumn: 52,
          message: /use `apt-get` in scripts; .*use `apt-cache`/
        }
      ],
      output:
        'FROM ubuntu:24.04\nONBUILD RUN apt-get -y -o Dpkg::Use-Pty=0 update && apt-cache show curl\n'
    },
    {
      name: 'upgrade keeps installing new dependencies',
      code: 'FROM ubuntu:24.04\nRUN apt upgrade -y && apt full-upgrade -y\n',
      errors: [{ line: 2, column: 5, endColumn: 26, message: 'Found 2 times' }],
      output:
        'FROM ubuntu:24.04\nRUN apt-get upgrade --with-new-pkgs -y && apt-get dist-upgrade -y\n'
    },
    {
      name: 'no scripting equivalent: no fix',
      code: 'FROM ubuntu:24.04\nRUN apt list --installed\n',
      errors: [{ line: 2 }],
      output: null
    }
  ]
}
