import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM opensuse/leap:15.5\nRUN zypper -n install curl=8.0.1\n',
    "RUN zypper -n in 'curl>=8' 'vim<9.1'\n",
    'RUN zypper -n in /tmp/agent-1.2.rpm\n',
    { name: 'patterns have no version', code: 'RUN zypper -n in -t pattern devel_basis\n' },
    { name: 'repository name is no package', code: 'RUN zypper -n in --from oss curl=8.0.1\n' }
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.5\nRUN zypper -n install curl vim=9.0\n',
      errors: [{ line: 2, column: 23, endColumn: 27, message: '`curl`' }]
    },
    {
      code: 'RUN zypper -n in -r oss curl git\n',
      errors: [{ line: 1, column: 25, endColumn: 33, message: '`curl`, `git`' }]
    }
  ]
}
