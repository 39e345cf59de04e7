import type { RuleCases } from '../define.js'
import { yaml } from './lib/lines.js'

export const cases: RuleCases = {
  valid: [yaml('services:', '  app:', '    image: node:22', '  db:', '    image: postgres:16.4')],
  invalid: [
    {
      name: 'a last line of blanks with a tab: no sort (yaml would read it as tab indentation after `networks:`)',
      code: 'services:\n  b:\n    image: x\n    networks:\n  a:\n    image: y\n\t',
      errors: [{ line: 5, column: 3, endColumn: 4 }],
      output: null
    },
    {
      name: 'services move with their comments; the separating blank line stays in place',
      code: yaml(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '',
        '  # the database',
        '  db:',
        '    image: postgres:16.4',
        '  app:',
        '    image: node:22'
      ),
      errors: [
        { line: 6, column: 3, message: "'db' should come before 'web'" },
        { line: 8, column: 3, message: "'app' should come before 'db'" }
      ],
      output: yaml(
        'services:',
        '  app:',
        '    image: node:22',
        '',
        '  # the database',
        '  db:',
        '    image: postgres:16.4',
        '  web:',
        '    image: nginx:1.27'
      )
    },
    {
      name: 'the last service at the end of a file without a final newline',
      code: 'services:\n  b:\n    image: nginx:1.27\n  a:\n    image: nginx:1.27',
      errors: [{ line: 4, column: 3 }],
      output: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: nginx:1.27'
    }
  ]
}
