import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    'FROM debian:12.5 AS build\nRUN foo\nFROM node:20.11\nCOPY --from=build foo .\n',
    'FROM debian:12.5\nCOPY --from=haskell:9.8 bar .\n',
    'FROM debian:12.5\nCOPY --from=docker.io/library/alpine /etc/os-release /x\n',
    'FROM debian:12.5\nRUN foo\nFROM node:20.11\nCOPY --from=0 foo .\n',
    {
      name: 'case-insensitive alias',
      code: 'FROM debian:12.5 AS Build\nFROM node:20.11\nCOPY --from=BUILD a b\n'
    },
    {
      name: 'variable with an image default',
      code: 'ARG IMG=alpine:3.19\nFROM debian:12.5\nARG IMG\nCOPY --from=$IMG a b\n'
    },
    { name: 'unknown variable', code: 'FROM debian:12.5\nCOPY --from=${BUILDER} a b\n' },
    {
      name: 'a named context whose Dockerfile is in a subfolder of that name',
      path: 'core/admin/Dockerfile',
      code: 'FROM alpine:3.20\nCOPY --from=assets /work/static/ ./static/\n',
      files: { 'core/admin/assets/Dockerfile': 'FROM node:20\n' }
    },
    {
      name: 'a stage of a sibling Dockerfile built alongside',
      path: 'tests/image/Dockerfile.api_test',
      code: 'FROM photon:4.0\nCOPY --from=tool_builder /tool/tools.tar.gz /usr/local/bin\n',
      files: { 'tests/image/Dockerfile.common': 'FROM ubuntu:20.04 as tool_builder\n' }
    },
    {
      name: 'a named context of a bake file',
      path: 'svc/Dockerfile',
      code: 'FROM alpine:3.20\nCOPY --from=assets /out /app\n',
      files: {
        'docker-bake.hcl':
          'target "svc" {\n  context = "svc"\n  contexts = {\n    assets = "target:assets"\n  }\n}\n'
      }
    }
  ],
  invalid: [
    {
      code: 'FROM debian:12.5\nCOPY --from=foo bar .\n',
      errors: [{ line: 2, column: 13, endColumn: 16, message: '`foo:latest`' }]
    },
    {
      name: 'stage defined later',
      code: 'FROM debian:12.5\nCOPY --from=build foo .\nFROM node:20.11 AS build\n',
      errors: [{ line: 2, message: 'defined later (line 3)' }]
    },
    {
      name: 'index out of range',
      code: 'FROM debian:12.5\nCOPY --from=0 bar .\n',
      errors: [{ line: 2, column: 13, message: 'stage 0' }]
    },
    {
      name: 'typo of an earlier alias',
      code: 'FROM golang:1.22 AS builder\nFROM debian:12.5\nCOPY --from=biulder /app /app\n',
      errors: [{ line: 3, message: 'did you mean `builder`' }],
      output: 'FROM golang:1.22 AS builder\nFROM debian:12.5\nCOPY --from=builder /app /app\n'
    }
  ]
}
