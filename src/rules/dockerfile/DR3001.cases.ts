import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM nginx:1.27.0\nEXPOSE 80 443/tcp\n', 'FROM nginx:1.27.0\nEXPOSE 2222 ${PORT}\n'],
  invalid: [
    {
      code: 'FROM debian:12.6\nEXPOSE 22\n',
      errors: [{ line: 2, column: 8, endColumn: 10, message: 'SSH' }]
    },
    {
      name: 'ranges and other sensitive ports',
      code: 'FROM debian:12.6\nEXPOSE 20-25/tcp 2375\n',
      errors: [
        { line: 2, column: 8, message: 'port 22' },
        { line: 2, column: 8, message: 'port 23' },
        { line: 2, column: 18, message: 'Docker daemon' }
      ]
    }
  ]
}
