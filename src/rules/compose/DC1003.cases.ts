import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    depends_on: [db]',
      '  db:',
      '    image: postgres:16.4',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]'
    ),
    {
      name: 'a one-shot job others wait to complete',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      migrate: {condition: service_completed_successfully}',
        '  migrate:',
        '    image: flyway/flyway:10'
      )
    },
    {
      name: 'the healthcheck is in the override',
      files: {
        'compose.override.yaml': yaml(
          'services:',
          '  db:',
          '    healthcheck: {test: ["CMD", "pg_isready"]}'
        )
      },
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16.4'
      )
    }
  ],
  invalid: [
    {
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  worker:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16.4'
      ),
      errors: [
        { line: 8, column: 3, endColumn: 5, message: "'db' is a dependency of 'web', 'worker'" }
      ]
    },
    {
      name: 'a disabled healthcheck',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16.4',
        '    healthcheck: {disable: true}'
      ),
      errors: [{ line: 5, column: 3 }]
    }
  ]
}
