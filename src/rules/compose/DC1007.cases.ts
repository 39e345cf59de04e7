import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

const logging = [
  '    logging:',
  '      driver: json-file',
  '      options:',
  '        max-size: 10m',
  '        max-file: "3"'
]

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  a:', '    image: nginx:1.27', ...logging, '  b:', '    image: nginx:1.27'),
    {
      name: 'already shared through an anchor',
      code: yaml(
        'x-logging: &logging',
        '  driver: json-file',
        '  options: {max-size: 10m, max-file: "3"}',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    logging: *logging',
        '  b:',
        '    image: nginx:1.27',
        '    logging: *logging'
      )
    },
    {
      name: 'small blocks are not worth an anchor',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    networks: [front, back]',
        '  b:',
        '    image: nginx:1.27',
        '    networks: [front, back]'
      )
    }
  ],
  invalid: [
    {
      name: 'the same logging block in three services, reported once with the refactor',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        ...logging,
        '  b:',
        '    image: redis:7.4',
        ...logging,
        '  c:',
        '    image: nginx:1.27',
        ...logging
      ),
      errors: [
        {
          line: 4,
          column: 5,
          endColumn: 12,
          message:
            "The 'logging' block of 'a' is repeated verbatim in 'b', 'c'. Define it once and reuse it:\nx-logging: &logging\n  driver: json-file\n  options:\n    max-size: 10m\n    max-file: \"3\"\nservices:\n  a:\n    logging: *logging"
        }
      ]
    },
    {
      name: 'flow maps compare by content, not by text',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    healthcheck: {test: ["CMD", "true"], interval: 10s,',
        '      retries: 3}',
        '  b:',
        '    image: nginx:1.27',
        '    healthcheck:',
        '      test: ["CMD", "true"]',
        '      interval: 10s',
        '      retries: 3'
      ),
      errors: [{ line: 4, column: 5, message: 'x-healthcheck: &healthcheck {test:' }]
    }
  ]
}
