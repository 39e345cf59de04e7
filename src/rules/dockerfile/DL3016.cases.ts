import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM node:20.11\nRUN npm install\n',
    'FROM node:20.11\nRUN npm install --progress=false\n',
    'FROM node:20.11\nRUN npm install express@4.1.1 sax@0.1.1\n',
    'FROM node:20.11\nRUN npm install @myorg/privatepackage@">=0.1.0 <0.2.0"\n',
    'FROM node:20.11\nRUN npm install -g express@"4.1.1"\n',
    'FROM node:20.11\nRUN npm install package-v1.2.3.tgz /folder ./folder ../folder ~/folder\n',
    'FROM node:20.11\nRUN npm install git+https://isaacs@github.com/npm/npm.git#v1.0.27\n',
    'FROM node:20.11\nRUN npm run --crazy install\n',
    'FROM node:20.11\nRUN npm install --loglevel verbose --registry https://example.com sax@0.1.1\n',
    { name: 'unknown variable', code: 'FROM node:20.11\nRUN npm install -g $TOOLS\n' }
  ],
  invalid: [
    {
      code: 'FROM node:20.11\nRUN npm install express\n',
      errors: [{ line: 2, column: 17, endColumn: 24, message: '`express`' }]
    },
    {
      name: 'scoped, git without a ref, value flags',
      code: 'FROM node:20.11\nRUN npm i -g --registry=https://r.example @myorg/pkg git://github.com/npm/npm.git sax@1\n',
      errors: [
        {
          line: 2,
          column: 43,
          endColumn: 82,
          message: '`@myorg/pkg`, `git://github.com/npm/npm.git`'
        }
      ]
    },
    {
      name: 'ONBUILD',
      code: 'FROM node:20.11\nONBUILD RUN npm install --global express\n',
      errors: [{ line: 2, column: 34 }]
    }
  ]
}
