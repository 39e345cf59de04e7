import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [
    yaml(
      'x-a: 1',
      'x-b: 2',
      'name: shop',
      'services:',
      '  web:',
      '    image: nginx:1.27',
      'models:',
      '  llm: {model: ai/smollm2}',
      'networks: {}',
      'volumes: {}'
    )
  ],
  invalid: [
    {
      name: 'a key with its colon on a later line (yaml reads it) is not moved',
      code: 'services:\n  web:\n    image: nginx:1.27\nname: x\n\\\n  : |\n',
      errors: [{ line: 4, column: 1, message: "'name' should come before 'services'" }],
      output: null
    },
    {
      name: 'the header comment stays on top; unknown keys are never dropped',
      code: yaml(
        '# shop stack',
        'services:',
        '  web:',
        '    image: nginx:1.27',
        'x-b: 2',
        'name: shop',
        'x-a: 1'
      ),
      errors: [
        { line: 5, column: 1, message: "'x-b' should come before 'services'" },
        { line: 7, column: 1, message: "'x-a' should come before 'name'" }
      ],
      output: yaml(
        '# shop stack',
        'x-a: 1',
        'x-b: 2',
        'name: shop',
        'services:',
        '  web:',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'order: alphabetical (DCLint v4 option)',
      settings: { ruleOptions: { DC2011: { order: 'alphabetical' } } },
      code: yaml('services:', '  web:', '    image: nginx:1.27', 'name: shop'),
      errors: [{ line: 4, column: 1 }],
      output: yaml('name: shop', 'services:', '  web:', '    image: nginx:1.27')
    }
  ]
}
