import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\nRUN curl -fsSL https://example.com/a -o /a\n',
    {
      name: 'different stages',
      code: 'FROM debian:12.5 AS a\nRUN wget -q https://example.com/a\nFROM debian:12.5\nRUN curl -fsSLO https://example.com/b\n'
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nRUN wget -q https://example.com/a\nRUN curl -fsSLO https://example.com/b\nRUN true\n',
      errors: [{ line: 3, column: 5, endColumn: 9, message: 'both `wget` and `curl`' }]
    },
    {
      name: 'one finding per RUN that uses either once both are seen',
      code: 'FROM debian:12.5\nRUN curl -fsSLO https://example.com/b && wget -q https://example.com/a\nRUN wget -q https://example.com/c\n',
      errors: [
        { line: 2, column: 42, endColumn: 46 },
        { line: 3, column: 5 }
      ]
    }
  ]
}
