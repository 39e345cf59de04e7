import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12.6\nWORKDIR /app\n', 'FROM debian:12.6\nWORKDIR /devices\n'],
  invalid: [
    {
      code: 'FROM debian:12.6\nWORKDIR /proc/app\n',
      errors: [{ line: 2, column: 9, endColumn: 18, message: '/proc' }]
    },
    { code: 'FROM debian:12.6\nWORKDIR "/dev"\n', errors: [{ line: 2, message: '/dev' }] }
  ]
}
