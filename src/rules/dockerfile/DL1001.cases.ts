import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n# hadolint shell=powershell\nRUN foo bar\n',
    'FROM debian:12.5\n# just a comment about hadolint ignore\nRUN foo bar\n',
    {
      name: 'BuildKit check directive is not a pragma',
      code: '# check=skip=DL3003\nFROM debian:12.5\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\n# hadolint ignore=DL3003\nRUN cd /tmp\n',
      errors: [{ line: 2, column: 1, endColumn: 25, message: 'Inline ignore pragma' }]
    },
    {
      name: 'global, stage and docker-review pragmas',
      code: '# hadolint global ignore=DL3003\nFROM debian:12.5\n# docker-review stage ignore=DL3008\nRUN true\n',
      errors: [{ line: 1 }, { line: 3, message: '`# docker-review ignore=`' }]
    }
  ]
}
