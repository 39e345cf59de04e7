import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM opensuse/leap:15.5\nRUN zypper -n install curl=8.0.1 && zypper clean --all\n',
    'RUN zypper -n in curl=8.0.1 && zypper cc\n',
    {
      name: 'cache removed by hand',
      code: 'RUN zypper -n in curl=8.0.1 && rm -rf /var/cache/zypp/*\n'
    },
    {
      name: 'tmpfs mount on the cache',
      code: 'RUN --mount=type=tmpfs,target=/var/cache/zypp zypper -n in curl=8.0.1\n'
    }
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.5\nRUN zypper -n install curl=8.0.1\n',
      errors: [{ line: 2, column: 5, endColumn: 33, message: 'zypper clean' }],
      output: 'FROM opensuse/leap:15.5\nRUN zypper -n install curl=8.0.1 && zypper clean --all\n'
    },
    {
      name: 'clean before the install',
      code: 'RUN zypper clean && zypper -n in curl=8.0.1\n',
      errors: [{ line: 1, column: 21 }],
      output: 'RUN zypper clean && zypper -n in curl=8.0.1 && zypper clean --all\n'
    },
    {
      name: 'cache mount elsewhere',
      code: 'RUN --mount=type=cache,target=/tmp zypper -n in curl=8.0.1\n',
      errors: [{ line: 1, column: 36 }],
      output: 'RUN --mount=type=cache,target=/tmp zypper -n in curl=8.0.1 && zypper clean --all\n'
    }
  ]
}
