import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nARG APP_VERSION=1.2\nENV LANG=C.UTF-8\n',
    {
      name: 'a path to a secret file',
      code: 'FROM postgres:16.3\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n'
    },
    { name: 'the container user name', code: 'FROM debian:12.5\nARG USERNAME=vscode\n' },
    {
      name: 'public keys are public',
      code: 'ENV NEXT_PUBLIC_TOKEN_URL=https://example.com/token\n'
    }
  ],
  invalid: [
    {
      code: 'ARG GITHUB_TOKEN\nFROM debian:12.5\nENV db_password=changeme API_URL=https://x\n',
      errors: [
        { line: 1, column: 5, endColumn: 17, message: 'RUN --mount=type=secret' },
        { line: 3, column: 5, endColumn: 16, message: '`ENV db_password`' }
      ]
    },
    {
      name: 'ONBUILD too',
      code: 'FROM debian:12.5\nONBUILD ARG NPM_TOKEN\n',
      errors: [{ line: 2, column: 13, endColumn: 22 }]
    }
  ]
}
