import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  web:', '    image: nginx:1.27', '    restart: unless-stopped'),
    {
      name: 'swarm-style restart policy',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    deploy:',
        '      restart_policy: {condition: on-failure}'
      )
    },
    {
      name: 'the policy comes from a merge key',
      code: yaml(
        'x-defaults: &defaults',
        '  restart: always',
        'services:',
        '  web:',
        '    <<: *defaults',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'the override sets it',
      files: { 'docker-compose.override.yml': yaml('services:', '  web:', '    restart: always') },
      path: 'docker-compose.yml',
      code: yaml('services:', '  web:', '    image: nginx:1.27')
    },
    {
      name: 'a one-shot job',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    restart: always',
        '    depends_on:',
        '      migrate: {condition: service_completed_successfully}',
        '  migrate:',
        '    image: flyway/flyway:10'
      )
    }
  ],
  invalid: [
    {
      code: yaml('services:', '  web:', '    image: nginx:1.27'),
      errors: [{ line: 2, column: 3, endColumn: 6, message: "'web' has no restart policy" }]
    }
  ]
}
