import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM fedora:40\nRUN dnf install -y git-2.45.2 && dnf clean all\n',
    'RUN microdnf install -y gcc-c++-14.1.1 openssl-1:3.2.2\n',
    'RUN dnf module install -y nodejs:20\n',
    'RUN dnf -y group install "Development Tools"\n',
    'RUN dnf install -y @development-tools\n',
    {
      name: 'version from an ARG',
      code: 'ARG GIT=2.45.2\nFROM fedora:40\nRUN dnf install -y git-$GIT\n'
    },
    { name: 'not dnf', code: 'RUN notdnf install git\n' }
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y git jq-1.7\n',
      errors: [{ line: 2, column: 20, endColumn: 23, message: '`git`' }]
    },
    {
      name: 'a dash in the name is not a version',
      code: 'RUN microdnf install -y python3-pip\n',
      errors: [{ line: 1, column: 25, endColumn: 36 }]
    },
    {
      name: 'undefined variable',
      code: 'RUN dnf install -y git-${GIT_VERSION}\n',
      errors: [{ line: 1, column: 20 }]
    },
    { code: 'RUN dnf module install -y nodejs\n', errors: [{ line: 1, column: 27 }] }
  ]
}
