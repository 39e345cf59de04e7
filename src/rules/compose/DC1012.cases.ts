import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  db:', '    image: postgres:16.4', '    ports: ["127.0.0.1:5432:5432"]'),
    {
      name: 'a web server may face the network',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    ports: ["80:80"]')
    },
    {
      name: 'not published at all',
      code: yaml('services:', '  db:', '    image: postgres:16.4', '    expose: ["5432"]')
    },
    {
      name: 'the host IP from a variable',
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports: ["${BIND:-127.0.0.1}:5432:5432"]'
      )
    }
  ],
  invalid: [
    {
      name: 'short syntax gets the 127.0.0.1: prefix, quoting kept',
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports:',
        '      - "5432:5432" # psql',
        '      - 0.0.0.0:5433:5432',
        "      - '5434'"
      ),
      errors: [
        { line: 5, column: 9, endColumn: 20, message: "'5432:5432' (postgres) on all interfaces" },
        { line: 6, column: 9, message: 'on 0.0.0.0 (all interfaces)' },
        { line: 7, column: 9 }
      ],
      output: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    ports:',
        '      - "127.0.0.1:5432:5432" # psql',
        '      - 127.0.0.1:5433:5432',
        "      - '127.0.0.1::5434'"
      )
    },
    {
      name: 'long syntax gets a host_ip line',
      code: yaml(
        'services:',
        '  cache:',
        '    image: redis:7.4',
        '    ports:',
        '      - target: 6379',
        '        published: 6379',
        '  web:',
        '    image: nginx:1.27'
      ),
      errors: [{ line: 5, column: 9, message: 'redis' }],
      output: yaml(
        'services:',
        '  cache:',
        '    image: redis:7.4',
        '    ports:',
        '      - target: 6379',
        '        published: 6379',
        '        host_ip: 127.0.0.1',
        '  web:',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'an unknown image on a well-known database port',
      code: yaml('services:', '  store:', '    image: myorg/store:2.0', '    ports: ["3306:3306"]'),
      errors: [{ line: 4, column: 13, message: 'port 3306' }],
      output: yaml(
        'services:',
        '  store:',
        '    image: myorg/store:2.0',
        '    ports: ["127.0.0.1:3306:3306"]'
      )
    }
  ]
}
