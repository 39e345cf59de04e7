import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    { name: 'a service key named version', code: 'services:\n  version:\n    image: nginx:1.27\n' }
  ],
  invalid: [
    {
      code: "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n",
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 15 }],
      output: 'services:\n  web:\n    image: nginx:1.27\n'
    },
    {
      name: 'comments around it survive',
      code: '# my stack\nversion: "3" # legacy\n\nservices: # all of them\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 1 }],
      output: '# my stack\n\nservices: # all of them\n  web:\n    image: nginx:1.27\n'
    },
    {
      name: 'CRLF',
      code: 'version: "3"\r\nservices:\r\n  web:\r\n    image: nginx:1.27\r\n',
      errors: [{ line: 1 }],
      output: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n'
    }
  ]
}
