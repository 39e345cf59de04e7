import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'a scratch stage: the working directory is / (moby/buildkit archutil)',
      code: 'FROM alpine:3.20 AS exit\nRUN true\nFROM scratch AS exits\nCOPY --from=exit /src/exit amd64\n'
    },
    'FROM node:20.15.0\nWORKDIR /app\nCOPY package.json .\n',
    'FROM node:20.15.0\nCOPY package.json /app/\n',
    { name: 'variable destination', code: 'FROM node:20.15.0\nCOPY package.json $APP_HOME\n' },
    {
      name: 'a heredoc marker last is a source, not a destination',
      code: 'FROM node:20.15.0\nCOPY tomljson <<EOF\n/bin/tomljson\nEOF\n'
    },
    {
      name: 'Windows path',
      code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app.exe C:\\app\\\n'
    },
    {
      name: 'WORKDIR inherited from the parent stage',
      code: 'FROM node:20.15.0 AS base\nWORKDIR /app\nFROM base\nCOPY src src\n'
    },
    {
      name: 'ONBUILD WORKDIR before ONBUILD COPY',
      code: 'FROM node:20.15.0\nONBUILD WORKDIR /app\nONBUILD COPY . .\n'
    }
  ],
  invalid: [
    {
      code: 'FROM node:20.15.0\nCOPY package.json app/\n',
      errors: [{ line: 2, column: 19, endColumn: 23, message: '`app/`' }],
      output: 'FROM node:20.15.0\nCOPY package.json /app/\n'
    },
    {
      name: 'dot destination, exec form',
      code: 'FROM node:20.15.0\nCOPY ["package.json", "."]\n',
      errors: [{ line: 2, column: 23, endColumn: 26 }],
      output: 'FROM node:20.15.0\nCOPY ["package.json", "/"]\n'
    },
    {
      name: 'WORKDIR of an unrelated stage does not count',
      code: 'FROM node:20.15.0 AS a\nWORKDIR /app\nFROM node:20.15.0\nCOPY --from=a /app ./dist\n',
      errors: [{ line: 4, column: 20 }],
      output: 'FROM node:20.15.0 AS a\nWORKDIR /app\nFROM node:20.15.0\nCOPY --from=a /app /dist\n'
    },
    {
      name: 'parent directory: no fix',
      code: 'FROM node:20.15.0\nCOPY a.txt ../b/\n',
      errors: [{ line: 2, column: 12 }],
      output: null
    }
  ]
}
