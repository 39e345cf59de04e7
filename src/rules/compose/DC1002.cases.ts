import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

const db = [
  '  db:',
  '    image: postgres:16.4',
  '    healthcheck:',
  '      test: ["CMD", "pg_isready"]'
]

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      ...db
    ),
    {
      name: 'the dependency has no healthcheck to wait for',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16.4'
      )
    },
    {
      name: 'an explicit service_started is a choice',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db: {condition: service_started}',
        ...db
      )
    }
  ],
  invalid: [
    {
      name: 'no convention when one service waits for db with a condition',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  worker:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  cron:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  api:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        ...db
      ),
      errors: [4, 7, 10].map((line) => ({ line, precision: null })),
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  worker:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  cron:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  api:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        ...db
      )
    },
    {
      name: "the project's convention: three services reach db in short form, none waits for it",
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  worker:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  cron:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        ...db
      ),
      errors: [4, 7, 10].map((line) => ({
        line,
        message: "3 services of this project depend on 'db' this way",
        precision: 'medium' as const
      })),
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  worker:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  cron:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        ...db
      )
    },
    {
      name: 'issue 14: an interpolated item never becomes a key (Compose does not interpolate keys)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      - db',
        '      - ${CACHE_HOST:-cache}',
        ...db,
        '  cache:',
        '    image: redis:7.4'
      ),
      errors: [{ line: 5, column: 9, endColumn: 11 }],
      output: null
    },
    {
      name: 'a dependency listed twice: no fix (the long form would repeat a key)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      - db',
        '      - db',
        ...db
      ),
      errors: [
        { line: 5, column: 9, endColumn: 11 },
        { line: 6, column: 9, endColumn: 11 }
      ],
      output: null
    },
    {
      name: 'short form on a service with a healthcheck; the fix writes the long form in place',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      - db # the database',
        '      - cache',
        '  cache:',
        '    image: redis:7.4',
        ...db
      ),
      errors: [
        {
          line: 5,
          column: 9,
          endColumn: 11,
          message: "use 'condition: service_healthy'",
          precision: null
        }
      ],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: service_healthy # the database',
        '      cache:',
        '        condition: service_started',
        '  cache:',
        '    image: redis:7.4',
        ...db
      )
    },
    {
      name: 'list items at the key column (indentless sequence)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '    - db',
        ...db
      ),
      errors: [{ line: 5, column: 7 }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on:',
        '      db:',
        '        condition: service_healthy',
        ...db
      )
    },
    {
      name: 'a flow list becomes a flow map',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    depends_on: [db]', ...db),
      errors: [{ line: 4, column: 18 }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        ...db
      )
    },
    {
      name: 'the healthcheck comes from the override file',
      files: {
        'compose.override.yaml': yaml(
          'services:',
          '  db:',
          '    healthcheck:',
          '      test: ["CMD", "pg_isready"]'
        )
      },
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: [db]',
        '  db:',
        '    image: postgres:16.4'
      ),
      errors: [{ line: 4, column: 18 }],
      output: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    depends_on: {db: {condition: service_healthy}}',
        '  db:',
        '    image: postgres:16.4'
      )
    },
    {
      name: 'a wait-for-it entrypoint',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    entrypoint: ["./wait-for-it.sh", "db:5432", "--", "nginx"]'
      ),
      errors: [{ line: 4, column: 17, message: 'wait-for-it' }]
    },
    {
      name: 'dockerize -wait in a command',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    command: dockerize -wait tcp://db:5432 -timeout 60s nginx'
      ),
      errors: [{ line: 4, column: 14, message: 'dockerize' }]
    }
  ]
}
