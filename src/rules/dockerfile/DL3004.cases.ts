import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN apt-get install -y sudo\n',
    {
      name: 'mentioned, not called',
      code: 'FROM debian:12.5\nRUN echo "%wheel ALL=(ALL) ALL" >> /etc/sudoers\n'
    }
  ],
  invalid: [
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
      code: 'FROM debian:12.5\nRUN sudo -u app make\n',
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
