import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    container_name: web',
      '  db:',
      '    image: postgres:16.4',
      '    container_name: db'
    ),
    {
      name: 'names from variables',
      code: yaml(
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    container_name: ${PROJECT}-web',
        '  b:',
        '    image: nginx:1.27',
        '    container_name: ${PROJECT}-web'
      )
    },
    {
      name: 'alternatives in disjoint profiles',
      code: yaml(
        'services:',
        '  a:',
        '    image: app:1.0',
        '    profiles: [dev]',
        '    container_name: app',
        '  b:',
        '    image: app:1.0',
        '    profiles: [prod]',
        '    container_name: app'
      )
    },
    {
      name: 'one replica',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    container_name: web',
        '    deploy: {replicas: 1}'
      )
    }
  ],
  invalid: [
    {
      name: 'a variant file and the base: maybe alternatives, reported below inline',
      path: 'docker-compose.light.yml',
      files: {
        'docker-compose.yml': yaml(
          'services:',
          '  db:',
          '    image: postgres:16.4',
          '  api-worker:',
          '    image: app:1.0',
          '    container_name: worker'
        )
      },
      code: yaml(
        'services:',
        '  db:',
        '    image: postgres:16.4',
        '  worker:',
        '    image: app:1.0',
        '    container_name: worker'
      ),
      errors: [{ line: 6, message: 'give them disjoint profiles', precision: 'low' }]
    },
    {
      name: 'container_name with replicas',
      code: yaml(
        'name: x',
        'services:',
        '  a:',
        '    image: nginx:1.27',
        '    container_name: web',
        '    deploy:',
        '      replicas: 3'
      ),
      errors: [{ line: 5, column: 21, endColumn: 24, message: 'asks for 3 replicas' }]
    },
    {
      name: 'the same name twice (the second one is reported)',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    container_name: my_container',
        '  db:',
        '    image: postgres:16.4',
        '    container_name: my_container'
      ),
      errors: [{ line: 7, column: 21, message: "already used by service 'web'" }]
    },
    {
      name: 'scale',
      code: yaml(
        'services:',
        '  worker:',
        '    image: app:1.0',
        '    container_name: worker',
        '    scale: 2'
      ),
      errors: [{ line: 4, column: 21 }]
    }
  ]
}
