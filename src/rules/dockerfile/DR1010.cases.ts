import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\n',
    'FROM golang:1.22.5 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n',
    'FROM eclipse-temurin:21.0.3_9-jre\n',
    { name: 'development image', path: '.devcontainer/Dockerfile', code: 'FROM python:3.12\n' }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4\nCOPY . /app\n',
      errors: [{ line: 1, column: 6, endColumn: 19, message: 'slim' }],
      output: 'FROM python:3.12.4-slim\nCOPY . /app\n'
    },
    {
      name: 'toolchain as the runtime: no fix',
      code: 'FROM golang:1.22.5\nRUN go build -o /app\nCMD ["/app"]\n',
      errors: [{ line: 1, message: 'builder stage' }],
      output: null
    },
    {
      name: 'codename tags are not rewritten',
      code: 'FROM node:20.15.1-bookworm\n',
      errors: [{ line: 1 }],
      output: null
    }
  ]
}
