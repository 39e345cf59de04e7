import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '    volumes: ["pgdata:/var/lib/postgresql/data"]',
      'volumes: {pgdata: {}}'
    ),
    {
      name: 'postgres 18 keeps data one level up',
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:18',
        '    volumes: ["pg:/var/lib/postgresql"]',
        'volumes: {pg: {}}'
      )
    },
    {
      name: 'a custom PGDATA under a volume',
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '    environment: {PGDATA: /data/pg}',
        '    volumes: ["./pg:/data/pg"]'
      )
    },
    {
      name: 'tmpfs on the data path is a deliberate choice',
      code: yaml('services:', '  db:', '    image: mysql:8.4', '    tmpfs: [/var/lib/mysql]')
    },
    { name: 'not a stateful image', code: yaml('services:', '  web:', '    image: nginx:1.27') },
    {
      name: 'a bind source with an interpolated default path (the `:` inside is not a separator)',
      code: yaml(
        'services:',
        '  db:',
        '    image: mongo:7.0',
        '    volumes: ["${MONGO_DATA:-/srv/mongo}:/data/db", "${CFG:-./c}:/etc/mongo:ro"]'
      )
    },
    {
      name: 'the volume comes from the override',
      files: {
        'compose.override.yaml': yaml('services:', '  db:', '    volumes: ["./data:/data/db"]')
      },
      code: yaml('services:', '  db:', '    image: mongo:7.0')
    }
  ],
  invalid: [
    {
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '  cache:',
        '    image: docker.io/library/mariadb:11.4',
        '    volumes: ["./conf:/etc/mysql/conf.d"]'
      ),
      errors: [
        { line: 3, column: 12, message: 'postgres without a volume on /var/lib/postgresql/data' },
        { line: 5, column: 12, message: '/var/lib/mysql' }
      ]
    },
    {
      name: 'bitnami images keep data under /bitnami',
      code: yaml('services:', '  db:', '    image: bitnami/postgresql:16'),
      errors: [{ line: 3, column: 12, message: '/bitnami/postgresql' }]
    }
  ]
}
