import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'sudo -u runs a step as an unprivileged user (what gosu is for)',
      code: 'FROM ruby:3.3.4\nRUN sudo -u discourse bundle install && sudo --user=app -H true && sudo -uapp id\n'
    },
    'FROM debian:12.5\nRUN apt-get install -y sudo\n',
    {
      name: 'mentioned, not called',
      code: 'FROM debian:12.5\nRUN echo "%wheel ALL=(ALL) ALL" >> /etc/sudoers\n'
    }
  ],
  invalid: [
    {
      name: 'sudo -u root is still a root escalation',
      code: "FROM debian:12.5\nRUN sudo -u root apt-get update && sudo -u '#0' true\n",
      errors: [
        {
          line: 2,
          column: 5,
          endColumn: 40,
          message: 'Found 2 times in this instruction: `sudo` (line 2), `sudo` (line 2).'
        }
      ]
    },
    {
      code: 'FROM debian:12.5\nRUN sudo apt-get update\n',
      errors: [{ line: 2, column: 5, endColumn: 9, message: '`sudo`' }],
      output: 'FROM debian:12.5\nRUN apt-get update\n'
    },
    {
      code: 'FROM debian:12.5\nRUN apt-get update && sudo apt-get install -y x\n',
      errors: [{ line: 2, column: 23 }],
      output: 'FROM debian:12.5\nRUN apt-get update && apt-get install -y x\n'
    },
    {
      name: 'ONBUILD',
      code: 'FROM debian:12.5\nONBUILD RUN sudo make\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM debian:12.5\nONBUILD RUN make\n'
    },
    {
      name: 'sudo with options: no fix',
      code: 'FROM debian:12.5\nRUN sudo -E make\n',
      errors: [{ line: 2 }],
      output: null
    },
    {
      name: 'after a non-root USER: no fix',
      code: 'FROM debian:12.5\nUSER app\nRUN sudo make\n',
      errors: [{ line: 3 }],
      output: null
    }
  ]
}
