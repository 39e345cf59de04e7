import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN useradd -u 10001 app\n',
    'RUN useradd -l -u 1000001 app\n',
    'RUN useradd --no-log-init --uid 1000001 app\n',
    'RUN useradd app\n',
    { name: 'UID from a variable', code: 'RUN useradd -u ${APP_UID_NUMBER} app\n' }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN useradd -u 1000001 app\n',
      errors: [{ line: 2, column: 13, endColumn: 23, message: '1000001' }],
      output: 'FROM debian:12.5\nRUN useradd -l -u 1000001 app\n'
    },
    {
      code: 'RUN groupadd -g 900000 g && useradd --uid=900000 -g g app\n',
      errors: [{ line: 1, column: 37, endColumn: 49 }],
      output: 'RUN groupadd -g 900000 g && useradd -l --uid=900000 -g g app\n'
    }
  ]
}
