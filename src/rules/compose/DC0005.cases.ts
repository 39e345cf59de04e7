import type { RuleCases } from '../define.js'

const files = { 'app/Dockerfile': 'FROM alpine:3.20\n', 'app/Dockerfile.dev': 'FROM alpine:3.20\n' }

export const cases: RuleCases = {
  valid: [
    { code: 'services:\n  web:\n    build: ./app\n', files },
    {
      code: 'services:\n  web:\n    build:\n      context: app\n      dockerfile: Dockerfile.dev\n',
      files
    },
    {
      name: 'dockerfile_inline needs no file',
      code: 'services:\n  web:\n    build:\n      context: app\n      dockerfile_inline: |\n        FROM alpine:3.20\n',
      files
    },
    {
      name: 'variables, remote contexts and absolute paths are not judged',
      code: 'services:\n  a:\n    build: ${CTX:-./nope}\n  b:\n    build: https://github.com/docker/compose.git\n  c:\n    build:\n      context: app\n      dockerfile: /abs/Dockerfile\n',
      files
    }
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    build: ./api\n',
      files,
      errors: [
        { line: 3, column: 12, message: 'builds from `./api`, which is not in the repository' }
      ]
    },
    {
      code: 'services:\n  web:\n    build:\n      context: app\n      dockerfile: Dockerfile.prod\n',
      files,
      errors: [{ line: 5, column: 19, message: 'not in its build context `app`' }]
    }
  ]
}
