import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'context from compose, with its .dockerignore',
      path: 'docker/web/Dockerfile',
      code: 'FROM node:20.15.1-slim\nCOPY . .\n',
      files: {
        'docker-compose.yml':
          'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/web/Dockerfile\n',
        'docker/web/Dockerfile': '',
        '.dockerignore': '.git\n'
      }
    },
    {
      code: 'FROM node:20.15.1-slim\nCOPY . .\n',
      files: { Dockerfile: '', '.dockerignore': 'node_modules\n' }
    },
    { name: 'unknown build context', code: 'FROM node:20.15.1-slim\nCOPY . .\n' },
    {
      name: 'only some files',
      code: 'FROM node:20.15.1-slim\nCOPY src/ /app/src/\n',
      files: { Dockerfile: '', src: '' }
    },
    {
      name: 'an ignore file further up: the context is probably that folder',
      path: 'docker/Dockerfile',
      code: 'FROM node:20.15.1-slim\nCOPY . .\n',
      files: { 'docker/Dockerfile': '', '.dockerignore': '.git\n' }
    }
  ],
  invalid: [
    {
      name: 'the compose file names the context: its .dockerignore counts, not one beside the Dockerfile',
      path: 'app/Dockerfile',
      code: 'FROM node:20.15.1-slim\nCOPY . .\n',
      files: {
        'compose.yaml':
          'services:\n  web:\n    build:\n      context: .\n      dockerfile: app/Dockerfile\n',
        'app/Dockerfile': '',
        'app/.dockerignore': 'node_modules\n'
      },
      errors: [{ line: 2, column: 6, message: 'no .dockerignore' }]
    },
    {
      code: 'FROM node:20.15.1-slim\nCOPY . .\nCOPY ./ /app\n',
      files: { Dockerfile: '', 'package.json': '{}' },
      errors: [
        { line: 2, column: 6, endColumn: 7, message: 'no .dockerignore' },
        { line: 3, column: 6, endColumn: 8 }
      ]
    }
  ]
}
