import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    environment:',
      '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it in .env}',
      '      POSTGRES_PASSWORD_FILE: /run/secrets/db'
    ),
    {
      name: 'flags and settings about secrets',
      code: yaml(
        'services:',
        '  db:',
        '    image: mysql:8.4',
        '    environment:',
        '      - MYSQL_RANDOM_ROOT_PASSWORD=1',
        '      - MYSQL_ALLOW_EMPTY_PASSWORD=yes',
        '      - PASSWORD_MIN_LENGTH=12',
        '      - TOKEN_TTL=3600'
      )
    },
    {
      name: 'a URL whose password is a variable',
      code: yaml(
        'services:',
        '  app:',
        '    image: app:1.0',
        '    environment:',
        '      DATABASE_URL: postgres://app:${DB_PASS}@db/app'
      )
    }
  ],
  invalid: [
    {
      name: 'map form: the value becomes ${NAME:?}, quoting kept',
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment:',
        '      POSTGRES_PASSWORD: "hunter2" # change me',
        '      JWT_SECRET: abc123'
      ),
      errors: [
        {
          line: 5,
          column: 26,
          endColumn: 35,
          message: "'POSTGRES_PASSWORD' of service 'db' is a literal secret"
        },
        { line: 6, column: 19, message: "'JWT_SECRET'" }
      ],
      output: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment:',
        '      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD:?}" # change me',
        '      JWT_SECRET: ${JWT_SECRET:?}'
      )
    },
    {
      name: 'list form: only the value after = changes',
      code: yaml(
        'services:',
        '  db:',
        '    image: mysql:8.4',
        '    environment:',
        "      - 'MYSQL_ROOT_PASSWORD=secret'",
        '      - API_TOKEN=0123456789'
      ),
      errors: [
        { line: 5, column: 9 },
        { line: 6, column: 9 }
      ],
      output: yaml(
        'services:',
        '  db:',
        '    image: mysql:8.4',
        '    environment:',
        "      - 'MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:?}'",
        '      - API_TOKEN=${API_TOKEN:?}'
      )
    },
    {
      name: 'a literal fallback of a variable',
      code: yaml(
        'services:',
        '  app:',
        '    image: app:1.0',
        '    environment:',
        '      SECRET_KEY: ${APP_SECRET:-supersecret}'
      ),
      errors: [{ line: 5, column: 19, message: 'falls back to a literal secret' }],
      output: yaml(
        'services:',
        '  app:',
        '    image: app:1.0',
        '    environment:',
        '      SECRET_KEY: ${APP_SECRET:?}'
      )
    },
    {
      name: 'a numeric password',
      code: yaml(
        'services:',
        '  db:',
        '    image: mariadb:11.4',
        '    environment:',
        '      MARIADB_ROOT_PASSWORD: 123456'
      ),
      errors: [{ line: 5, column: 30 }],
      output: yaml(
        'services:',
        '  db:',
        '    image: mariadb:11.4',
        '    environment:',
        '      MARIADB_ROOT_PASSWORD: ${MARIADB_ROOT_PASSWORD:?}'
      )
    },
    {
      name: 'a password inside a URL (no mechanical fix)',
      code: yaml(
        'services:',
        '  app:',
        '    image: app:1.0',
        '    environment:',
        '      DATABASE_URL: postgres://app:s3cret@db:5432/app'
      ),
      errors: [{ line: 5, column: 21, message: 'URL with a literal password' }]
    },
    {
      name: 'a secret in a shared anchor is reported (and fixed) once, where it is written',
      code: yaml(
        'x-env: &env',
        '  DB_PASSWORD: hunter2',
        'services:',
        '  a:',
        '    image: app:1.0',
        '    environment: *env',
        '  b:',
        '    image: app:1.0',
        '    environment: *env'
      ),
      errors: [{ line: 2, column: 16 }],
      output: yaml(
        'x-env: &env',
        '  DB_PASSWORD: ${DB_PASSWORD:?}',
        'services:',
        '  a:',
        '    image: app:1.0',
        '    environment: *env',
        '  b:',
        '    image: app:1.0',
        '    environment: *env'
      )
    }
  ]
}
