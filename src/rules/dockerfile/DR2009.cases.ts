import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'ARG TAG=3.19\nFROM alpine:${TAG}\n',
    'ARG TAG\nFROM alpine:${TAG:-3.19}\n',
    { name: 'undeclared names are DR2005’s', code: 'FROM alpine:${NOPE}\n' },
    {
      name: 'platform arguments have no default to judge',
      code: 'ARG TARGETARCH\nFROM example/app-${TARGETARCH}:1\n'
    },
    {
      name: "the repository's compose file passes it (build.args list)",
      path: 'php-worker/Dockerfile',
      code: 'ARG LARADOCK_PHP_VERSION\nFROM php:${LARADOCK_PHP_VERSION}-alpine\n',
      files: {
        'docker-compose.yml':
          'services:\n  php-worker:\n    build:\n      context: ./php-worker\n      args:\n        - LARADOCK_PHP_VERSION=${PHP_VERSION}\n'
      }
    },
    {
      name: "the repository's compose file passes it (build.args map)",
      path: 'clickhouse/Dockerfile',
      code: 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n',
      files: {
        'docker-compose.yml':
          'services:\n  clickhouse:\n    build:\n      context: ./clickhouse\n      args:\n        BASE_IMAGE: altinity/clickhouse-server:23.8\n'
      }
    }
  ],
  invalid: [
    {
      code: 'ARG TAG\nFROM alpine:${TAG}\n',
      errors: [{ line: 2, column: 6, endColumn: 19, message: "'alpine:'" }]
    },
    {
      code: 'ARG IMAGE\nFROM $IMAGE AS base\n',
      errors: [{ line: 2, column: 6, endColumn: 12, message: 'empty' }]
    },
    {
      name: 'a compose service builds another Dockerfile',
      path: 'app/Dockerfile',
      code: 'ARG IMAGE\nFROM $IMAGE\n',
      files: {
        'compose.yaml':
          'services:\n  db:\n    build:\n      context: ./db\n      args:\n        IMAGE: postgres:16\n'
      },
      errors: [{ line: 2, message: 'empty' }]
    }
  ]
}
