import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'RUN apt-get install -y python=2.7\n',
    'RUN apt-get install -y ./local.deb\n',
    {
      name: 'target release value is not a package',
      code: 'RUN apt-get install -t stable-backports -y curl=7.88.1\n'
    },
    { name: 'package list in a variable', code: 'RUN apt-get install -y $PACKAGES\n' },
    {
      name: 'package list in an ENV, all pinned',
      code: 'FROM debian:12.5\nENV PKGS="curl=7.88.1-10 git=1:2.39.2-1"\nRUN apt-get install -y $PKGS\n'
    },
    {
      name: 'subcommand spelled elsewhere',
      code: 'RUN apt-get download curl && echo install git\n'
    }
  ],
  invalid: [
    {
      code: 'RUN apt-get install -y python\n',
      errors: [{ line: 1, column: 24, endColumn: 30, message: '`python`' }]
    },
    {
      name: 'several packages over continuation lines',
      code: 'RUN apt-get update && apt-get install -y \\\n    curl=7.88.1 \\\n    git \\\n    wget\n',
      errors: [{ line: 3, column: 5, endLine: 4, endColumn: 9, message: '`git`, `wget`' }]
    },
    {
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y python\n',
      errors: [{ line: 2, column: 32 }]
    },
    {
      name: 'package list in an ARG default',
      code: 'FROM debian:12.5\nARG PKGS="curl=7.88.1-10 git"\nRUN apt-get install -y ${PKGS}\n',
      errors: [{ line: 3, column: 24, endColumn: 31, message: '`${PKGS}` (`git`)' }]
    }
  ]
}
