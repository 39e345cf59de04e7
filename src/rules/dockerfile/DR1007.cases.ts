import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'virtual package removed in the same RUN',
      code: 'FROM python:3.12.4-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install --no-cache-dir psycopg2==2.9.9 && apk del .build-deps\n'
    },
    {
      name: 'purged with --auto-remove',
      code: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y gcc && pip install --no-cache-dir x==1 && apt-get purge -y --auto-remove gcc\n'
    },
    {
      name: 'build stage',
      code: 'FROM debian:12.6 AS build\nRUN apt-get update && apt-get install -y build-essential\nFROM debian:12.6-slim\nCOPY --from=build /out /out\n'
    },
    {
      name: 'development image',
      path: 'Dockerfile.dev',
      code: 'FROM debian:12.6\nRUN apt-get install -y gcc\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev curl\n',
      errors: [{ line: 2, column: 66, endColumn: 79, message: 'gcc, libpq-dev' }]
    },
    {
      name: 'RPM spelling',
      code: 'FROM rockylinux:9.3\nRUN dnf install -y gcc-c++ openssl-devel\n',
      errors: [{ line: 2, message: 'gcc-c++, openssl-devel' }]
    }
  ]
}
