import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['FROM debian:12.6\nRUN useradd --no-log-init -r app\n'],
  invalid: [
    {
      code: 'FROM debian:12.6\nRUN echo "root:changeme" | chpasswd\n',
      errors: [{ line: 2, column: 28, endColumn: 36, message: 'password' }]
    }
  ]
}
