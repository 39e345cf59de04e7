import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'a runtime image whose CMD is the bare interpreter (official python)',
      code: 'FROM debian:bookworm-slim\nEXPOSE 8888\nCMD ["python3"]\n'
    },
    {
      name: 'the parent built in this repository declares a HEALTHCHECK',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nEXPOSE 8080\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile':
          'FROM debian:12.6-slim\nHEALTHCHECK CMD curl -f http://localhost/\n'
      }
    },
    {
      name: 'a base image: whoever extends it decides on health checks',
      path: 'Dockerfile.base',
      code: 'FROM debian:12.6-slim\nEXPOSE 8080\n'
    },
    'FROM nginx:1.27.0\nEXPOSE 80\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
    {
      name: 'HEALTHCHECK NONE is a decision',
      code: 'FROM nginx:1.27.0\nEXPOSE 80\nHEALTHCHECK NONE\n'
    },
    {
      name: 'EXPOSE only in a build stage',
      code: 'FROM node:20.15.1 AS dev\nEXPOSE 3000\nFROM nginx:1.27.0\nHEALTHCHECK NONE\n'
    },
    'FROM alpine:3.20\nCMD ["sh"]\n'
  ],
  invalid: [
    {
      name: 'a local parent without HEALTHCHECK passes none on',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nEXPOSE 8080\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6-slim\nEXPOSE 8080\n'
      },
      errors: [{ line: 2 }]
    },
    {
      code: 'FROM nginx:1.27.0\nEXPOSE 80 443\n',
      errors: [{ line: 2, column: 1, endColumn: 7, message: 'HEALTHCHECK' }]
    },
    {
      name: 'HEALTHCHECK of a stage that is not in the final image',
      code: 'FROM node:20.15.1 AS test\nHEALTHCHECK CMD true\nFROM node:20.15.1-slim\nEXPOSE 3000\n',
      errors: [{ line: 4 }]
    }
  ]
}
