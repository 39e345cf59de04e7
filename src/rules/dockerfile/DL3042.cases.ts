import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
    'RUN python3 -m pip install --no-cache-dir flask==3.0.3\n',
    { name: 'pipx is not pip', code: 'RUN pipx install black==24.4.2\n' },
    { name: 'pipenv is not pip', code: 'RUN pipenv install --deploy\n' },
    {
      name: 'ENV in the parent stage',
      code: 'FROM python:3.12.4-slim AS base\nENV PIP_NO_CACHE_DIR=on\nFROM base\nRUN pip install flask==3.0.3\n'
    },
    { name: 'inline variable', code: 'RUN PIP_NO_CACHE_DIR=true pip install flask==3.0.3\n' },
    {
      name: 'exported earlier',
      code: 'RUN export PIP_NO_CACHE_DIR=1 && pip install flask==3.0.3\n'
    },
    {
      name: 'cache mount on the pip cache',
      code: 'RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-slim\nRUN pip install flask==3.0.3\n',
      errors: [{ line: 2, column: 5, endColumn: 16, message: '--no-cache-dir' }],
      output: 'FROM python:3.12.4-slim\nRUN pip install --no-cache-dir flask==3.0.3\n'
    },
    {
      name: 'python -m pip, and a falsy ENV',
      code: 'FROM python:3.12.4-slim\nENV PIP_NO_CACHE_DIR=false\nRUN python3 -m pip install -r requirements.txt\n',
      errors: [{ line: 3, column: 5, endColumn: 27 }],
      output:
        'FROM python:3.12.4-slim\nENV PIP_NO_CACHE_DIR=false\nRUN python3 -m pip install --no-cache-dir -r requirements.txt\n'
    },
    {
      name: 'ENV of another stage does not count',
      code: 'FROM python:3.12.4-slim AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12.4-slim\nRUN pip3 install six==1.16.0\n',
      errors: [{ line: 4, column: 5 }],
      output:
        'FROM python:3.12.4-slim AS a\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12.4-slim\nRUN pip3 install --no-cache-dir six==1.16.0\n'
    }
  ]
}
