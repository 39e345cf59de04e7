import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM node:20.15.0\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    {
      name: 'cache mount on the yarn cache',
      code: 'FROM node:20.15.0\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n'
    },
    {
      name: 'build stage that never reaches the image',
      code: 'FROM node:20.15.0 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27.0\nCOPY --from=build /dist /usr/share/nginx/html\n'
    },
    { name: 'yarn --version installs nothing', code: 'FROM node:20.15.0\nRUN yarn --version\n' }
  ],
  invalid: [
    {
      code: 'FROM node:20.15.0\nRUN yarn install --frozen-lockfile\n',
      errors: [{ line: 2, column: 5, endColumn: 17, message: 'yarn cache clean' }],
      output: 'FROM node:20.15.0\nRUN yarn install --frozen-lockfile && yarn cache clean\n'
    },
    {
      name: 'bare yarn installs; clean before it does not count',
      code: 'FROM node:20.15.0\nRUN yarn cache clean && yarn --frozen-lockfile\n',
      errors: [{ line: 2, column: 25, endColumn: 29 }],
      output:
        'FROM node:20.15.0\nRUN yarn cache clean && yarn --frozen-lockfile && yarn cache clean\n'
    },
    {
      name: 'stage used as a base',
      code: 'FROM node:20.15.0 AS deps\nRUN yarn install\nFROM deps\nCMD ["node", "."]\n',
      errors: [{ line: 2, column: 5 }],
      output:
        'FROM node:20.15.0 AS deps\nRUN yarn install && yarn cache clean\nFROM deps\nCMD ["node", "."]\n'
    }
  ]
}
