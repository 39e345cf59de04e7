import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/core/types.js'
import { versionInName } from '../../src/dockerfile/image.js'
import { composeBuildsOf, localImage } from '../../src/dockerfile/local-images.js'

const workspace = (files: Record<string, string>): Workspace => ({
  readFile: (p) => files[p.replace(/^\.\//, '')],
  listDir: () => undefined
})

describe('localImage', () => {
  const ws = workspace({
    'core/base/Dockerfile': 'FROM alpine:3.20\n',
    'core/admin/assets/Dockerfile': 'FROM node:20\n',
    'tests/Dockerfile.common': 'FROM ubuntu:20.04 AS tool_builder\n',
    'docker-compose.yml':
      'services:\n  app:\n    image: acme/app-base:1\n    build:\n      context: ./base\n      args:\n        - VERSION=${V}\n  db:\n    image: postgres:16\n',
    'docker-bake.hcl':
      'target "web" {\n  contexts = {\n    "vendor-libs" = "target:libs"\n  }\n  tags = ["ghcr.io/acme/web:edge"]\n}\n',
    'nginx/Dockerfile': 'FROM nginx:1.27\n'
  })

  it('finds what the workspace builds, and how', () => {
    expect(localImage('core/nginx/Dockerfile', 'base', ws)).toEqual({
      via: 'folder',
      dockerfile: 'core/base/Dockerfile'
    })
    expect(localImage('core/admin/Dockerfile', 'assets', ws, 'copy-source')?.via).toBe('folder')
    expect(localImage('tests/Dockerfile.api', 'tool_builder', ws, 'copy-source')).toEqual({
      via: 'sibling-stage',
      dockerfile: 'tests/Dockerfile.common'
    })
    expect(localImage('web/Dockerfile', 'acme/app-base:1', ws)).toEqual({
      via: 'compose',
      dockerfile: 'base/Dockerfile'
    })
    expect(localImage('web/Dockerfile', 'vendor-libs', ws, 'copy-source')?.via).toBe('bake')
    expect(localImage('x/Dockerfile', 'ghcr.io/acme/web:latest', ws)?.via).toBe('bake')
    expect(localImage('x/Dockerfile', 'bats-jenkins', ws)?.via).toBe('not-official')
  })

  it('leaves Docker Hub images, misspelt stages and the file itself alone', () => {
    expect(localImage('app/Dockerfile', 'nginx', ws)).toBeUndefined()
    expect(localImage('app/Dockerfile', 'postgres:16', ws)).toBeUndefined()
    expect(localImage('app/Dockerfile', 'set', ws, 'copy-source')).toBeUndefined()
    expect(localImage('core/base/Dockerfile', 'acme/base', ws)).toBeUndefined()
    expect(localImage('app/Dockerfile', '${BASE}', ws)).toBeUndefined()
  })

  it("reads a compose service's build args", () => {
    const [build] = composeBuildsOf('base/Dockerfile', ws)
    expect(build.service).toBe('app')
    expect([...build.args]).toEqual(['VERSION'])
    expect(composeBuildsOf('other/Dockerfile', ws)).toEqual([])
  })

  it('follows include: with project_directory, and anchors with merge keys', () => {
    const inc = workspace({
      'docker-compose.yml':
        'x-base: &base\n  restart: always\ninclude:\n  - path: php-worker/compose.yml\n    project_directory: .\nservices:\n  web:\n    <<: *base\n    build: ./web\n',
      'php-worker/compose.yml':
        'services:\n  php-worker:\n    build:\n      context: ./php-worker\n      args:\n        - PHP_VERSION=${PHP_VERSION}\n'
    })
    expect(composeBuildsOf('php-worker/Dockerfile', inc).map((b) => [...b.args])).toEqual([
      ['PHP_VERSION']
    ])
    expect(composeBuildsOf('web/Dockerfile', inc).map((b) => b.service)).toEqual(['web'])
  })
})

describe('versionInName', () => {
  it('knows names that pin a major', () => {
    for (const n of ['redhat/ubi9-minimal', 'ubi9/ubi-micro', 'rhel7', 'python3', 'php8.2-fpm'])
      expect(versionInName(n), n).toBe(true)
    for (const n of [
      'alpine',
      'easypi/alpine-arm',
      'roribio16/alpine-sqs',
      'k8s',
      'arm64v8/alpine'
    ])
      expect(versionInName(n), n).toBe(false)
    expect(versionInName('prometheus/busybox-linux-amd64')).toBe(false)
  })
})
