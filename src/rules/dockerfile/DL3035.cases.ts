import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM opensuse/leap:15.5\nRUN zypper -n update\n', 'RUN zypper -n install dup-1.0\n'],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.5\nRUN zypper -n dist-upgrade\n',
      errors: [{ line: 2, column: 5, endColumn: 27, message: 'dist-upgrade' }]
    },
    {
      code: 'RUN zypper refresh && zypper dup -y\n',
      errors: [{ line: 1, column: 23, endColumn: 33 }]
    }
  ]
}
