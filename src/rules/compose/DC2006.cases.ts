import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  web:', '    image: nginx:1.27', '    container_name: my-app_1.web'),
    {
      name: 'a name from a variable',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    container_name: ${PROJECT:-app}@web'
      )
    }
  ],
  invalid: [
    {
      name: 'the schema pattern is unanchored; Docker is not',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '    container_name: "my-app@123"'
      ),
      errors: [{ line: 4, column: 21, endColumn: 33, message: 'not a valid container name' }]
    },
    {
      name: 'containerNameRegex (DCLint v4 option)',
      settings: { ruleOptions: { DC2006: { containerNameRegex: /^shop-/gu } } },
      code: yaml('services:', '  web:', '    image: nginx:1.27', '    container_name: my-app-123'),
      errors: [{ line: 4, column: 21, message: 'does not match the configured pattern' }]
    }
  ]
}
