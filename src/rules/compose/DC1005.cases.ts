import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    deploy:',
      '      resources:',
      '        limits: {memory: 512m, cpus: "0.5"}'
    ),
    {
      name: 'mem_limit',
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    mem_limit: 512m')
    },
    { name: 'cpus', code: yaml('services:', '  web:', '    image: nginx:1.27', '    cpus: 1.5') }
  ],
  invalid: [
    {
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    deploy:',
        '      replicas: 2'
      ),
      errors: [{ line: 2, column: 3, message: 'no memory or CPU limit' }]
    }
  ]
}
