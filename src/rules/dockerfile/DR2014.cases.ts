import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM alpine:3.19\nARG PUBLIC_KEY_URL\nENV KEY_FILE=/run/secrets/key APP_VERSION=1\n',
    {
      name: 'GPG key fingerprints are public',
      code: 'FROM python:3.12.4\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n'
    },
    {
      name: 'names hadolint’s DL3064 already reports',
      code: 'FROM alpine:3.19\nARG DB_PASSWORD\nARG GITHUB_TOKEN\n'
    },
    { name: 'a word inside another word', code: 'FROM alpine:3.19\nENV MONKEY=1 AUTHOR=me\n' }
  ],
  invalid: [
    {
      code: 'FROM alpine:3.19\nARG AUTH\nENV APP=1 NPM_CREDENTIALS=x\nARG SIGNING_KEY\n',
      errors: [
        { line: 2, column: 5, endColumn: 9, message: "'AUTH'" },
        { line: 3, column: 11, endColumn: 26 },
        { line: 4, column: 5 }
      ]
    }
  ]
}
