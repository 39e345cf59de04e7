import type { RuleCases } from '../define.js'

const files = {
  Dockerfile: '',
  '.env': 'API_KEY=abc\n',
  '.env.example': 'API_KEY=\n',
  'keys/id_rsa': '-----BEGIN OPENSSH PRIVATE KEY-----\n',
  'certs/server.pem': '-----BEGIN CERTIFICATE-----\n',
  'certs/server.key': '-----BEGIN PRIVATE KEY-----\n',
  'test/fixtures/test.key': '-----BEGIN PRIVATE KEY-----\n',
  '.npmrc': 'registry=https://registry.npmjs.org/\n',
  'src/app.js': ''
}

export const cases: RuleCases = {
  valid: [
    { code: 'FROM node:20.15.1-slim\nCOPY src /app/src\nCOPY certs/server.pem /etc/ssl/\n', files },
    {
      name: 'excluded by .dockerignore',
      code: 'FROM node:20.15.1-slim\nCOPY . /app\n',
      files: { ...files, '.dockerignore': '.env\nkeys\ncerts/*.key\n' }
    },
    {
      name: 'an .npmrc without a token',
      code: 'FROM node:20.15.1-slim\nCOPY .npmrc /root/\n',
      files
    }
  ],
  invalid: [
    {
      name: 'the compose build context, not the Dockerfile folder',
      path: 'docker/Dockerfile',
      code: 'FROM node:20.15.1-slim\nCOPY . /app\n',
      files: {
        'compose.yaml':
          'services:\n  api:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n',
        'docker/compose.yaml':
          'services:\n  api:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n',
        'docker/Dockerfile': '',
        '.env': 'TOKEN=1\n',
        'src/index.js': ''
      },
      errors: [{ line: 2, message: ': .env' }]
    },
    {
      name: 'named explicitly (even when the context is unknown)',
      code: 'FROM node:20.15.1-slim\nCOPY .env /app/\nCOPY id_rsa /root/.ssh/id_rsa\n',
      errors: [
        { line: 2, column: 6, endColumn: 10, message: 'secret' },
        { line: 3, column: 6, endColumn: 12 }
      ]
    },
    {
      name: 'whole context with secrets in it',
      code: 'FROM node:20.15.1-slim\nCOPY . /app\n',
      files,
      errors: [{ line: 2, column: 6, endColumn: 7, message: '.env, keys/id_rsa, certs/server.key' }]
    }
  ]
}
