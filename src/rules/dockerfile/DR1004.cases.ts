import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nRUN useradd --system app\nUSER app\n',
    {
      name: 'USER set in the stage it builds on',
      code: 'FROM python:3.12.4-slim AS base\nUSER app\nFROM base\nCOPY . /app\n'
    },
    {
      name: 'non-root base image',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n'
    },
    {
      name: 'privileges dropped at run time',
      code: 'FROM redis:7.2.5\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n'
    },
    {
      name: 'dev containers',
      path: '.devcontainer/Dockerfile',
      code: 'FROM mcr.microsoft.com/devcontainers/python:3.12\n'
    },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n' }
  ],
  invalid: [
    {
      name: 'a USER in a build stage does not count',
      code: 'FROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /app\nFROM debian:12.6-slim\nCOPY --from=build /app /app\n',
      errors: [{ line: 4, column: 1, endColumn: 5, message: 'runs as root' }]
    }
  ]
}
