import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM fedora:40\nRUN dnf install -y git-2.45.2 && dnf clean all\n',
    'RUN microdnf --assumeyes install git-2.45.2\n',
    'RUN dnf -y groupinstall "Development Tools"\n',
    { name: 'other commands', code: 'RUN dnf makecache && notdnf install x\n' }
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install git-2.45.2 && dnf clean all\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: 'dnf install -y' }],
      output: 'FROM fedora:40\nRUN dnf install -y git-2.45.2 && dnf clean all\n'
    },
    {
      code: 'RUN microdnf localinstall /tmp/x-1.rpm\n',
      errors: [{ line: 1, column: 5, endColumn: 26 }],
      output: 'RUN microdnf localinstall -y /tmp/x-1.rpm\n'
    }
  ]
}
