import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'a simulation never prompts',
      code: 'FROM debian:12.5\nRUN apt-get install -s postgresql-16 && apt-get --dry-run install curl\n'
    },
    'RUN apt-get install -y python=2.7\n',
    'RUN apt-get --yes install python=2.7\n',
    'RUN apt-get -qq install python=2.7\n',
    'RUN apt-get -q -q install python=2.7\n',
    'RUN apt-get -q=2 install python=2.7\n',
    'RUN apt-get install --quiet --quiet python=2.7\n',
    'RUN apt-get -o APT::Get::Assume-Yes=true install python=2.7\n'
  ],
  invalid: [
    {
      code: 'RUN apt-get install python=2.7\n',
      errors: [{ line: 1, column: 5, endColumn: 20 }],
      output: 'RUN apt-get install -y python=2.7\n'
    },
    {
      code: 'RUN apt-get update && apt-get install --no-install-recommends python=2.7\n',
      errors: [{ line: 1, column: 23 }],
      output: 'RUN apt-get update && apt-get install -y --no-install-recommends python=2.7\n'
    },
    {
      code: 'FROM debian:12\nONBUILD RUN apt-get install python=2.7\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12\nONBUILD RUN apt-get install -y python=2.7\n'
    }
  ]
}
