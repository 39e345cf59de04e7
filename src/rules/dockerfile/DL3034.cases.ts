import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM opensuse/leap:15.5\nRUN zypper install -y curl=8.0.1\n',
    'RUN zypper -n install curl=8.0.1\n',
    'RUN zypper --non-interactive in curl=8.0.1\n',
    'RUN zypper install --no-confirm curl=8.0.1\n',
    { name: 'refresh needs no confirmation', code: 'RUN zypper refresh\n' }
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.5\nRUN zypper install curl=8.0.1\n',
      errors: [{ line: 2, column: 5, endColumn: 19, message: 'zypper -n install' }],
      output: 'FROM opensuse/leap:15.5\nRUN zypper -n install curl=8.0.1\n'
    },
    {
      name: 'every interactive subcommand',
      code: 'RUN zypper rm vim && zypper patch\n',
      errors: [
        {
          line: 1,
          column: 5,
          endColumn: 34,
          message: /line 1: Use `zypper -n rm`.*line 1: Use `zypper -n patch`/
        }
      ],
      output: 'RUN zypper -n rm vim && zypper -n patch\n'
    }
  ]
}
