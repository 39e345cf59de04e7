import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM python:3.12.4-slim\n',
    'FROM debian:bookworm-20240701-slim\n',
    'FROM ubuntu:jammy\n',
    { name: 'no tag and latest are DL3006/DL3007', code: 'FROM python\nFROM node:latest\n' },
    {
      name: 'stage references and digests',
      code: 'FROM python:3@sha256:0000000000000000000000000000000000000000000000000000000000000000 AS a\nFROM a\n'
    }
  ],
  invalid: [
    {
      code: 'FROM python:3\nFROM node:lts-alpine\nFROM debian:stable-slim\n',
      errors: [
        { line: 1, column: 6, endColumn: 14, message: 'major version' },
        { line: 2, column: 6, endColumn: 21, message: 'rolling' },
        { line: 3, message: 'rolling' }
      ]
    },
    {
      name: 'ARG defaults are expanded',
      code: 'ARG NODE=20\nFROM node:${NODE}-alpine\n',
      errors: [{ line: 2, message: '`node:20-alpine`' }]
    }
  ]
}
