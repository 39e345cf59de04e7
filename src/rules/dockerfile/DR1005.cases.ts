import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
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
      code: 'FROM node:20.15.1-slim\nCOPY . .\nCOPY ./ /app\n',
      files: { Dockerfile: '', 'package.json': '{}' },
      errors: [
        { line: 2, column: 6, endColumn: 7, message: 'no .dockerignore' },
        { line: 3, column: 6, endColumn: 8 }
      ]
    }
  ]
}
