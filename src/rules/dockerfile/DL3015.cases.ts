import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'RUN apt-get install -y --no-install-recommends curl=7\n',
    'RUN apt-get -o APT::Install-Recommends=false install -y curl=7\n',
    'RUN apt-get --option=APT::Install-Recommends=0 install -y curl=7\n'
  ],
  invalid: [
    {
      code: 'RUN apt-get install -y curl=7\n',
      errors: [{ line: 1, column: 5, endColumn: 20 }],
      output: 'RUN apt-get install --no-install-recommends -y curl=7\n'
    },
    {
      name: 'ONBUILD, by path',
      code: 'FROM debian:12.5\nONBUILD RUN /usr/bin/apt-get -y install curl=7\n',
      errors: [{ line: 2, column: 13, endColumn: 40 }],
      output:
        'FROM debian:12.5\nONBUILD RUN /usr/bin/apt-get -y install --no-install-recommends curl=7\n'
    }
  ]
}
