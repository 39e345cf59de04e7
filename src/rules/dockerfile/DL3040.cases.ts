import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM fedora:40\nRUN dnf install -y git-2.45.2 && dnf clean all\n',
    'RUN microdnf install -y git-2.45.2 && microdnf clean all\n',
    {
      name: 'cache removed by hand',
      code: 'RUN dnf in -y git-2.45.2 && rm -rf /var/cache/libdnf5*\n'
    },
    {
      name: 'cache mount',
      code: 'RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y git-2.45.2\n'
    },
    { name: 'no install', code: 'RUN dnf makecache\n' }
  ],
  invalid: [
    {
      code: 'FROM fedora:40\nRUN dnf install -y git-2.45.2\n',
      errors: [{ line: 2, column: 5, endColumn: 30, message: 'dnf clean all' }],
      output: 'FROM fedora:40\nRUN dnf install -y git-2.45.2 && dnf clean all\n'
    },
    {
      name: 'upgrades fill the cache too',
      code: 'RUN microdnf -y upgrade\n',
      errors: [{ line: 1, column: 5, message: 'microdnf clean all' }],
      output: 'RUN microdnf -y upgrade && microdnf clean all\n'
    },
    {
      name: 'clean before install; each tool reported',
      code: 'RUN dnf clean all && dnf -y install jq-1.7 && microdnf -y install git-2.45\n',
      errors: [
        { line: 1, column: 22, endColumn: 75, message: /`dnf clean all`.*`microdnf clean all`/ }
      ],
      output:
        'RUN dnf clean all && dnf -y install jq-1.7 && microdnf -y install git-2.45 && dnf clean all && microdnf clean all\n'
    }
  ]
}
