import type { RuleCases } from '../define.js'

export const cases: RuleCases = {
  valid: [
    {
      name: 'an official runtime image: its CMD is the bare interpreter',
      code: 'FROM debian:bookworm-slim\nRUN install-node\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node"]\n'
    },
    {
      name: 'an image with ONBUILD triggers exists to be built FROM',
      code: 'FROM node:6.17.1-stretch\nONBUILD COPY . /usr/src/app\nCMD ["npm", "start"]\n'
    },
    {
      name: 'php-fpm built from Debian: the master drops its workers to www-data',
      code: 'FROM debian:bookworm-slim\nRUN build-php\nCMD ["php-fpm"]\n'
    },
    {
      name: 'the parent built in this repository (compose image + build) sets USER',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nCOPY . /app\nCMD ["/app/run"]\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6-slim\nRUN useradd app\nUSER app\n'
      }
    },
    {
      name: 'a parent of a parent, named in a docker-bake.json, sets USER',
      path: 'app/Dockerfile',
      code: 'FROM acme/app-base\nCMD ["/app/run"]\n',
      files: {
        'docker-bake.json':
          '{"target":{"b":{"context":"base","tags":["acme/app-base:latest"]},"r":{"context":"root","tags":["acme/root:2"]}}}',
        'base/Dockerfile': 'FROM acme/root:2\nRUN true\n',
        'root/Dockerfile': 'FROM debian:12.6-slim\nUSER 10001\n'
      }
    },
    'FROM python:3.12.4-slim\nRUN useradd --system app\nUSER app\n',
    {
      name: 'USER set in the stage it builds on',
      code: 'FROM python:3.12.4-slim AS base\nUSER app\nFROM base\nCOPY . /app\n'
    },
    {
      name: 'non-root base image',
      code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n'
    },
    {
      name: 'privileges dropped at run time',
      code: 'FROM redis:7.2.5\nRUN apt-get update && apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n'
    },
    {
      name: 'dev containers',
      path: '.devcontainer/Dockerfile',
      code: 'FROM mcr.microsoft.com/devcontainers/python:3.12\n'
    },
    {
      name: 'base and builder images are extended, not run',
      path: 'images/Dockerfile.base',
      code: 'FROM debian:12.6-slim\nRUN apt-get update\n'
    },
    {
      name: 'a builder image',
      path: 'webui/buildx.Dockerfile',
      code: 'FROM node:24-alpine3.22\nRUN npm ci\n'
    },
    {
      name: 'a CI image',
      path: '.ci/Dockerfile.cypress',
      code: 'FROM cypress/browsers:node-24.14.0\nCOPY . /e2e\n'
    },
    {
      name: 'php-fpm: the master starts as root, pool workers run as www-data',
      code: 'FROM php:8.4-fpm-trixie\nCOPY . /var/www/html\n'
    },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n' }
  ],
  invalid: [
    {
      name: 'an interpreter running an application is an application',
      code: 'FROM node:20.15.1-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n',
      errors: [{ line: 1, message: 'runs as root' }]
    },
    {
      name: 'the local parent sets no USER, or USER root',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nCMD ["/app/run"]\n',
      files: {
        'compose.yaml': 'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6-slim\nUSER app\nUSER root\n'
      },
      errors: [{ line: 1, message: 'runs as root' }]
    },
    {
      name: 'a compose file beside another folder is not consulted (only the folder and above)',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nCMD ["/app/run"]\n',
      files: {
        'other/compose.yaml':
          'services:\n  base:\n    build: ../images/base\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6-slim\nUSER app\n'
      },
      errors: [{ line: 1, message: 'runs as root' }]
    },
    {
      name: 'an image name two services build is not a definitive parent',
      path: 'app/Dockerfile',
      code: 'FROM acme/base:1\nCMD ["/app/run"]\n',
      files: {
        'compose.yaml':
          'services:\n  base:\n    build: ./images/base\n    image: acme/base:1\n  other:\n    build: ./images/other\n    image: acme/base:1\n',
        'images/base/Dockerfile': 'FROM debian:12.6-slim\nUSER app\n',
        'images/other/Dockerfile': 'FROM debian:12.6-slim\n'
      },
      errors: [{ line: 1, message: 'runs as root' }]
    },
    {
      name: 'an application image whose name only contains "base" inside a word',
      path: 'database/Dockerfile',
      code: 'FROM php:8.4-cli\nCOPY . /app\nCMD ["php", "/app/run.php"]\n',
      errors: [{ line: 1, column: 1, endColumn: 5, message: 'runs as root' }]
    },
    {
      name: 'a USER in a build stage does not count',
      code: 'FROM golang:1.22.5 AS build\nUSER builder\nRUN go build -o /app\nFROM debian:12.6-slim\nCOPY --from=build /app /app\n',
      errors: [{ line: 4, column: 1, endColumn: 5, message: 'runs as root' }]
    }
  ]
}
