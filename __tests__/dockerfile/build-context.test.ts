import { describe, expect, it } from 'vitest'
import { buildContextOf } from '../../src/dockerfile/build-context.js'
import type { Workspace } from '../../src/core/types.js'

/** A workspace of these files that counts the reads of each path. */
function counting(files: Record<string, string>): Workspace & { reads: Map<string, number> } {
  const reads = new Map<string, number>()
  return {
    reads,
    readFile(path) {
      reads.set(path, (reads.get(path) ?? 0) + 1)
      return files[path]
    },
    listDir(path) {
      const prefix = path === '.' ? '' : `${path}/`
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0])
      return names.length > 0 ? [...new Set(names)] : undefined
    }
  }
}

describe('the build context of a Dockerfile', () => {
  const compose = [
    'services:',
    '  remote:',
    '    build: https://example.com/repo.git',
    '  api:',
    '    build:',
    '      context: ./services',
    '      dockerfile: api/Dockerfile',
    '  web:',
    '    build: ./services/web',
    '  db:',
    '    image: postgres:16',
    ''
  ].join('\n')
  const files = {
    'compose.yaml': compose,
    'services/api/Dockerfile': 'FROM node:22\n',
    'services/web/Dockerfile': 'FROM nginx:1.27\n',
    'services/worker/Dockerfile': 'FROM python:3.13\n',
    'services/other/compose.yml': 'not: [valid',
    'services/other/Dockerfile': 'FROM alpine:3.20\n'
  }

  it('is the context of the compose service that builds it, else its folder', () => {
    const ws = counting(files)
    const cases: Array<[string, string, 'compose' | 'dockerfile']> = [
      ['services/api/Dockerfile', 'services', 'compose'],
      ['services/web/Dockerfile', 'services/web', 'compose'],
      ['services/worker/Dockerfile', 'services/worker', 'dockerfile'],
      // A compose file that is not YAML builds nothing; the search goes on above it.
      ['services/other/Dockerfile', 'services/other', 'dockerfile']
    ]
    for (const [path, dir, from] of cases) expect(buildContextOf(path, ws)).toEqual({ dir, from })
  })

  it('reads each compose file once for every Dockerfile below it', () => {
    const ws = counting(files)
    for (const path of Object.keys(files).filter((f) => f.endsWith('Dockerfile'))) {
      buildContextOf(path, ws)
    }
    expect(ws.reads.get('compose.yaml')).toBe(1)
    expect(ws.reads.get('services/other/compose.yml')).toBe(1)
    // Another run (another workspace) reads it again.
    const again = counting(files)
    buildContextOf('services/api/Dockerfile', again)
    expect(again.reads.get('compose.yaml')).toBe(1)
  })
})
