import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM nginx:1.27.0\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\n',
    { name: 'explicitly none', code: 'FROM busybox:1.36\nHEALTHCHECK NONE\n' },
    {
      name: 'inherited from the parent stage',
      code: 'FROM nginx:1.27.0 AS base\nHEALTHCHECK CMD curl -fs http://localhost/\nFROM base\nCOPY site /usr/share/nginx/html\n'
    },
    {
      name: 'build stages need none',
      code: 'FROM golang:1.22.5 AS build\nRUN go build ./...\nFROM nginx:1.27.0\nHEALTHCHECK NONE\n'
    }
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27.0\nCOPY site /usr/share/nginx/html\n',
      errors: [{ line: 1, column: 1, endColumn: 18, message: 'HEALTHCHECK' }]
    },
    {
      name: 'a HEALTHCHECK in an unrelated stage does not count',
      code: 'FROM nginx:1.27.0 AS a\nHEALTHCHECK NONE\nFROM nginx:1.27.0 AS final\n',
      errors: [{ line: 3, column: 1, endColumn: 27 }]
    }
  ]
}
