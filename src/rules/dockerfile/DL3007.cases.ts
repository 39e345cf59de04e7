import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n',
    { name: 'latest pinned by digest', code: 'FROM debian:latest@sha256:abc\n' },
    { name: 'no tag is DL3006', code: 'FROM debian\n' },
    {
      name: 'the name pins the major',
      code: 'FROM registry.access.redhat.com/ubi9/ubi-micro:latest\n'
    },
    {
      name: "latest of an image the repository's compose file builds",
      path: 'web/Dockerfile',
      code: 'FROM myapp-base:latest\n',
      files: {
        'docker-compose.yml':
          'services:\n  base:\n    image: myapp-base:latest\n    build:\n      context: base\n'
      }
    }
  ],
  invalid: [
    { code: 'FROM debian:latest\n', errors: [{ line: 1, column: 6, endColumn: 19 }] },
    {
      code: 'ARG V=latest\nFROM node:${V} AS x\n',
      errors: [{ line: 2, column: 6, message: 'node:latest' }]
    }
  ]
}
