import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    {
      name: 'only pip itself',
      code: 'FROM python:3.12.4-alpine\nRUN pip install --no-cache-dir --upgrade pip\n'
    },
    { name: 'Alpine without Python', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-alpine3.20\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ line: 2, column: 5, endColumn: 51, message: 'musllinux' }]
    },
    {
      name: 'Alpine with python3 from apk',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip\nRUN python3 -m pip install --no-cache-dir flask==3.0.3\n',
      errors: [{ line: 3, column: 5 }]
    }
  ]
}
