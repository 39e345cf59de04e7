import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml('services:', '  web:', '    build: .'),
    {
      name: 'with a pull_policy (checkPullPolicy, default on)',
      code: yaml(
        'services:',
        '  web:',
        '    build: .',
        '    image: myorg/web:1.0',
        '    pull_policy: build'
      )
    }
  ],
  invalid: [
    {
      code: yaml('services:', '  web:', '    image: nginx', '    build: ./web'),
      errors: [{ line: 4, column: 5, endColumn: 10, message: "may pull 'nginx'" }]
    },
    {
      name: 'checkPullPolicy: false (DCLint option)',
      settings: { ruleOptions: { DC2001: { checkPullPolicy: false } } },
      code: yaml(
        'services:',
        '  web:',
        '    build: .',
        '    image: myorg/web:1.0',
        '    pull_policy: always'
      ),
      errors: [{ line: 3, column: 5 }]
    }
  ]
}
