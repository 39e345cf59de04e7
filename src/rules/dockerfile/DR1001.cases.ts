import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    'FROM python:3.12.4-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n',
    {
      name: 'installing the project itself needs the sources',
      code: 'FROM python:3.12.4-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n'
    },
    {
      name: 'adding a named package is not a manifest install',
      code: 'FROM node:20.15.1-slim\nCOPY . .\nRUN npm install -g pm2\n'
    },
    {
      name: 'other stages',
      code: 'FROM node:20.15.1-slim AS deps\nCOPY package*.json ./\nRUN npm ci\nFROM node:20.15.1-slim\nCOPY . .\nRUN npm run build\n'
    }
  ],
  invalid: [
    {
      name: 'npm: install split off the build, --chown kept',
      code: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nRUN npm ci && npm run build\n',
      errors: [{ line: 4, column: 5, endColumn: 11, message: 'package.json' }],
      output:
        'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci\nCOPY --chown=node:node . .\nRUN npm run build\n'
    },
    {
      name: 'only --chown/--chmod travel to the new COPY (a misspelt or other flag would break it)',
      code: 'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chwon=1 --link --chmod=644 . .\nRUN npm ci\n',
      errors: [{ line: 4, column: 5, endColumn: 11 }],
      output:
        'FROM node:20.15.1-slim\nWORKDIR /app\nCOPY --chmod=644 package*.json ./\nRUN npm ci\nCOPY --chwon=1 --link --chmod=644 . .\n'
    },
    {
      name: 'manifests that exist in the build context',
      code: 'FROM python:3.12.4-slim\nWORKDIR /srv\nCOPY . /srv\nRUN pip install --upgrade pip \\\n    && pip install --no-cache-dir -r requirements.txt\n',
      files: {
        Dockerfile: '',
        'requirements.txt': '-r base.txt\nflask==3.0.3\n',
        'base.txt': 'requests==2.32.3\n',
        'app.py': ''
      },
      errors: [{ line: 5, column: 8 }],
      output:
        'FROM python:3.12.4-slim\nWORKDIR /srv\nCOPY requirements.txt base.txt /srv/\nRUN pip install --upgrade pip \\\n    && pip install --no-cache-dir -r requirements.txt\nCOPY . /srv\n'
    },
    {
      name: 'go with CRLF',
      code: 'FROM golang:1.22.5\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go mod download\r\nRUN go build -o /app\r\n',
      files: { Dockerfile: '', 'go.mod': 'module x\n', 'go.sum': '', 'main.go': '' },
      errors: [{ line: 4 }],
      output:
        'FROM golang:1.22.5\r\nWORKDIR /src\r\nCOPY go.mod go.sum ./\r\nRUN go mod download\r\nCOPY . .\r\nRUN go build -o /app\r\n'
    },
    {
      name: 'an instruction in between: reported without a fix',
      code: 'FROM golang:1.22.5\nWORKDIR /src\nCOPY . .\nENV CGO_ENABLED=0\nRUN go mod download && go build -o /app\n',
      errors: [{ line: 5, column: 5, endColumn: 20 }],
      output: null
    },
    {
      name: 'poetry without --no-root needs the sources',
      code: 'FROM python:3.12.4-slim\nCOPY . .\nRUN poetry install\n',
      errors: [{ line: 3, message: '--no-root' }],
      output: null
    }
  ]
}
