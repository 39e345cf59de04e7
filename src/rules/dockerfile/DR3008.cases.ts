import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM node:20.15.1-slim\nRUN npm ci --strict-ssl=true\n',
    'FROM node:20.15.1-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n'
  ],
  invalid: [
    {
      code: 'FROM node:20.15.1-slim\nENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm install --no-strict-ssl\n',
      errors: [
        { line: 2, column: 25, endColumn: 55 },
        { line: 3, column: 17, endColumn: 32 }
      ],
      output: 'FROM node:20.15.1-slim\nENV NODE_ENV=production\nRUN npm install\n'
    },
    {
      name: 'config commands and prefixes: no fix',
      code: 'FROM node:20.15.1-slim\nRUN npm config set strict-ssl false && NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n',
      errors: [{ line: 2, column: 20, endColumn: 70, message: '2 findings' }],
      output: null
    }
  ]
}
