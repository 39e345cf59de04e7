import type { RuleCases } from '../define.js'

const settings = { labelSchema: { 'org.opencontainers.image.source': 'url', owner: 'email' } }

export const cases: RuleCases = {
  valid: [
    { name: 'no schema: silent', code: 'FROM debian:12.5\n' },
    {
      settings,
      code: 'FROM debian:12.5\nLABEL org.opencontainers.image.source=https://example.com owner=me@example.com\n'
    },
    {
      name: 'labels inherited from the parent stage',
      settings,
      code: 'FROM debian:12.5 AS base\nLABEL org.opencontainers.image.source=https://example.com owner=me@example.com\nFROM base\n'
    },
    {
      name: 'build stage copied from, and a stage a labelled stage builds on',
      settings,
      code: 'FROM golang:1.22.5 AS build\nFROM debian:12.5 AS base\nFROM base\nCOPY --from=build /out /usr/bin/\nLABEL org.opencontainers.image.source=https://example.com owner=me@example.com\n'
    }
  ],
  invalid: [
    {
      settings,
      code: 'FROM debian:12.5\nLABEL owner=me@example.com\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 17,
          message: '`org.opencontainers.image.source` is missing'
        }
      ]
    },
    {
      name: 'one finding per stage, listing every missing label',
      settings,
      code: 'FROM debian:12.5 AS one\nFROM alpine:3.20\n',
      errors: [
        {
          line: 1,
          column: 1,
          endColumn: 24,
          message: '`org.opencontainers.image.source`, `owner` are missing'
        },
        { line: 2, column: 1 }
      ]
    }
  ]
}
