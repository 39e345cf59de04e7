import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim@sha256:a3e58f9399353be051735f09be0316bfdeab571a5c6a24fd78b92df85bcb2d85\n',
    'FROM scratch\n',
    {
      name: 'stage references',
      code: 'FROM alpine@sha256:a3e58f9399353be051735f09be0316bfdeab571a5c6a24fd78b92df85bcb2d85 AS base\nFROM base\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-slim\n',
      errors: [{ line: 1, column: 6, endColumn: 24, message: '@sha256' }]
    }
  ]
}
