import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5\n',
    'FROM ruby@sha256:f1dbca0f5dbc9\n',
    'FROM scratch\n',
    { name: 'unresolvable variable', code: 'FROM ${VALUE}\n' },
    { name: 'ARG default with a tag', code: 'ARG BASE=python:3.12-slim\nFROM ${BASE}\n' },
    { name: 'earlier stage', code: 'FROM golang:1.22 AS build\nFROM build AS test\n' }
  ],
  invalid: [
    { code: 'FROM debian\n', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 12 }] },
    { code: 'FROM debian AS builder\n', errors: [{ line: 1, column: 6 }] },
    {
      name: 'ARG default without a tag',
      code: 'ARG BASE=ubuntu\nFROM $BASE\n',
      errors: [{ line: 2, column: 6, message: 'resolves to `ubuntu`' }]
    },
    {
      code: 'FROM golang:1.22 AS build\nFROM node AS test\n',
      errors: [{ line: 2, column: 6 }]
    }
  ]
}
