import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\nENV PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1\n',
    'FROM node:20.15.1-slim\nCMD ["node", "index.js"]\n',
    {
      name: 'set in the stage it builds on',
      code: 'FROM python:3.12.4-slim AS base\nENV PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1\nFROM base\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3.12.4-slim\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: 'PYTHONFAULTHANDLER=1' }],
      output:
        'FROM python:3.12.4-slim\nENV PYTHONFAULTHANDLER=1\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n'
    },
    {
      name: 'a Python command on another base image',
      code: 'FROM debian:12.6-slim\nCMD gunicorn app:app',
      errors: [{ line: 1 }],
      output:
        'FROM debian:12.6-slim\nENV PYTHONUNBUFFERED=1 PYTHONFAULTHANDLER=1\nCMD gunicorn app:app'
    }
  ]
}
