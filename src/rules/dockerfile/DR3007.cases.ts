import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir --index-url https://pypi.example.com/simple -r requirements.txt\n',
    'FROM python:3.12.4-slim\nENV PYTHONHTTPSVERIFY=1\n'
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-slim\nRUN pip install --trusted-host pypi.local -r r.txt && python -m pip install --trusted-host=x y\n',
      errors: [{ line: 2, column: 17, endColumn: 93, message: 'Found 2 times' }],
      output: 'FROM python:3.12.4-slim\nRUN pip install -r r.txt && python -m pip install y\n'
    },
    {
      name: 'ENV settings',
      code: 'FROM python:3.12.4-slim\nENV PIP_TRUSTED_HOST=pypi.local \\\n    PYTHONHTTPSVERIFY=0\n',
      errors: [{ line: 2, column: 5, endLine: 3, message: /PIP_TRUSTED_HOST.*PYTHONHTTPSVERIFY/ }],
      // Each removal takes the continuation between the pairs: they overlap, so no combined fix.
      output: null
    },
    {
      name: 'pip config: no fix',
      code: 'FROM python:3.12.4-slim\nRUN pip config set global.trusted-host pypi.local\n',
      errors: [{ line: 2, column: 20 }],
      output: null
    }
  ]
}
