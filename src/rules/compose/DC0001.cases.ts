import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: ['services:\n  web:\n    image: nginx:1.27\n'],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n',
      errors: [{ line: 4, column: 5, message: 'Duplicate key' }]
    },
    {
      code: 'services:\n  web:\n    image: "nginx\n',
      errors: [{ line: 3, column: 12, message: 'Missing closing' }]
    },
    {
      code: 'services: {}\n---\nservices: {}\n',
      errors: [{ line: 1, message: '2 YAML documents' }]
    }
  ]
}
