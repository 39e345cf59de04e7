import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkoutHead, diskFetcher, workspaceAt } from '../../src/action/disk.js'
import { lintChanges } from '../../src/action/lint.js'
import type { ChangedFile, Fetched, FetchRequest } from '../../src/core/ports.js'
import {
  companions,
  composeReferences,
  fetchedWorkspace,
  inlineDockerfiles,
  joinPath
} from '../../src/action/sources.js'
import { detectKind } from '../../src/detect.js'

describe('paths', () => {
  it('joinPath resolves inside the repository only', () => {
    expect(joinPath('app', '../lib/Dockerfile')).toBe('lib/Dockerfile')
    expect(joinPath('', './a//b/')).toBe('a/b')
    expect(joinPath('app', '../../etc/passwd')).toBeUndefined()
    expect(joinPath('app', '/etc/passwd')).toBeUndefined()
    expect(joinPath('app', 'https://github.com/x/y.git')).toBeUndefined()
  })
  it('companions: ignore files for Dockerfiles, the override pair for compose files', () => {
    expect(companions('svc/Dockerfile', 'dockerfile')).toEqual([
      'svc/.dockerignore',
      'svc/Dockerfile.dockerignore'
    ])
    expect(companions('compose.override.yaml', 'compose')).toEqual([
      'compose.yml',
      'compose.yaml',
      'compose.override.yml'
    ])
    expect(companions('deploy/docker-compose.yml', 'compose')).toContain(
      'deploy/docker-compose.override.yml'
    )
  })
})

describe('composeReferences', () => {
  it('follows include, extends, build contexts and dockerfiles, relative to the file', () => {
    const refs = composeReferences(
      'deploy/compose.yaml',
      [
        'include:',
        '  - ../shared/base.yaml',
        '  - path: [db.yaml]',
        'services:',
        '  web:',
        '    build: ../web',
        '  api:',
        '    extends: { file: common.yaml, service: base }',
        '    build:',
        '      context: ../api',
        '      dockerfile: docker/prod.Dockerfile',
        '  inline:',
        '    build: { context: ., dockerfile_inline: "FROM x" }',
        '  remote:',
        '    build: https://github.com/o/r.git'
      ].join('\n')
    )
    expect(refs.files).toEqual(['shared/base.yaml', 'deploy/db.yaml', 'deploy/common.yaml'])
    expect(refs.contexts).toEqual(['web', 'api', 'deploy'])
    expect(refs.dockerfiles).toEqual(['web/Dockerfile', 'api/docker/prod.Dockerfile'])
  })
  it('never throws on broken or hostile YAML', () => {
    expect(composeReferences('c.yaml', 'services: [\n')).toEqual({
      files: [],
      contexts: [],
      dockerfiles: []
    })
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`
      )
    ].join('\n')
    expect(composeReferences('c.yaml', laughs).files).toEqual([])
  })
})

describe('fetchedWorkspace', () => {
  it('serves fetched texts and listings, nothing else', () => {
    const ws = fetchedWorkspace({
      files: new Map([
        ['app/.dockerignore', { kind: 'text', text: 'node_modules\n' }],
        ['app/blob.bin', { kind: 'skipped', reason: 'binary file' }]
      ]),
      dirs: new Map([['app', ['.dockerignore', 'src']]])
    })
    expect(ws.readFile('./app/.dockerignore')).toBe('node_modules\n')
    expect(ws.readFile('app/blob.bin')).toBeUndefined()
    expect(ws.readFile('../secrets')).toBeUndefined()
    expect(ws.listDir('app/')).toEqual(['.dockerignore', 'src'])
    expect(ws.listDir('other')).toBeUndefined()
  })
})

/** A fetcher over an in-memory tree that records what it was asked. */
function fakeFetcher(tree: Record<string, string>) {
  const calls: FetchRequest[] = []
  const fetch = async (request: FetchRequest): Promise<Fetched> => {
    calls.push(request)
    const files: Fetched['files'] = new Map()
    for (const p of request.paths) {
      files.set(p, p in tree ? { kind: 'text', text: tree[p] } : { kind: 'missing' })
    }
    const dirs: Fetched['dirs'] = new Map()
    for (const d of request.dirs) {
      const prefix = d === '' ? '' : `${d}/`
      const names = [
        ...new Set(
          Object.keys(tree)
            .filter((p) => p.startsWith(prefix))
            .map((p) => p.slice(prefix.length).split('/')[0])
        )
      ]
      dirs.set(d, names.length ? names : null)
    }
    return { files, dirs }
  }
  return { fetch, calls }
}

describe('lintChanges', () => {
  const changed = (paths: string[]): ChangedFile[] =>
    paths.map((path) => ({ path, status: 'added', patch: '@@ -0,0 +1 @@\n+x' }))

  it('reads targets, companions and config in one request, then lints', async () => {
    const tree = {
      Dockerfile: 'FROM debian:12\nRUN apt-get install curl\n',
      '.dockerignore': '.git\n',
      'README.md': 'x'
    }
    const { fetch, calls } = fakeFetcher(tree)
    const out = await lintChanges({
      changed: changed(['Dockerfile', 'README.md']),
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({})
    })
    expect(calls).toHaveLength(1)
    expect(calls[0].paths).toEqual(
      expect.arrayContaining([
        'Dockerfile',
        '.dockerignore',
        'Dockerfile.dockerignore',
        '.docker-review.yml',
        '.hadolint.yaml'
      ])
    )
    expect(calls[0].paths).not.toContain('README.md')
    expect(out.files.map((f) => f.path)).toEqual(['Dockerfile'])
    expect(out.files[0].findings.length).toBeGreaterThan(0)
  })

  it('a second request fetches what a changed compose file builds; a changed Dockerfile it builds is linted', async () => {
    const tree = {
      'compose.yaml':
        'services:\n  app:\n    build:\n      context: app\n      dockerfile: build.df\n',
      'app/build.df': 'FROM debian:12\nRUN apt-get install curl\n'
    }
    const { fetch, calls } = fakeFetcher(tree)
    const out = await lintChanges({
      changed: changed(['compose.yaml', 'app/build.df']),
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({})
    })
    expect(calls).toHaveLength(2)
    expect(calls[1].paths).toEqual(expect.arrayContaining(['app/build.df', 'app/.dockerignore']))
    expect(calls[1].dirs).toEqual(['app'])
    expect(out.files.map((f) => [f.path, f.kind])).toEqual([
      ['app/build.df', 'dockerfile'],
      ['compose.yaml', 'compose']
    ])
  })

  it('a changed compose file alone: the Dockerfiles it builds are linted, a missing one is DC0005, dockerfile_inline is linted in place', async () => {
    const tree = {
      'compose.yaml': [
        'services:',
        '  app:',
        '    build: ./app',
        '  api:',
        '    build: ./api',
        '  tool:',
        '    build:',
        '      context: .',
        '      dockerfile_inline: |',
        '        FROM ubuntu:24.04',
        '        MAINTAINER me',
        ''
      ].join('\n'),
      'app/Dockerfile': 'FROM debian:12\nMAINTAINER me\n'
    }
    const { fetch } = fakeFetcher(tree)
    const out = await lintChanges({
      changed: changed(['compose.yaml']),
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({})
    })
    expect(out.files.map((f) => [f.path, f.kind])).toEqual([
      ['app/Dockerfile', 'dockerfile'],
      ['compose.yaml', 'compose']
    ])
    // Linted, not changed: its findings are there (the summary lists them outside the changes).
    expect(out.files[0].findings.map((f) => f.rule)).toContain('DL4000')
    expect(out.files[0].diff).toBeUndefined()
    const compose = out.files[1].findings
    expect(compose.filter((f) => f.rule === 'DC0005')).toEqual([
      expect.objectContaining({
        range: expect.objectContaining({ start: { line: 5, column: 12 } })
      })
    ])
    const inline = compose.find((f) => f.rule === 'DL4000')
    expect(inline?.range.start).toEqual({ line: 11, column: 9 })
    expect(inline?.message).toMatch(/in `dockerfile_inline`/)
    expect(inline?.fix).toBeUndefined()
  })

  it('inline Dockerfiles: only literal blocks whose lines map back exactly', () => {
    const text =
      'services:\n  a:\n    build:\n      dockerfile_inline: |\n        FROM x\n\n        RUN y\n  b:\n    build:\n      dockerfile_inline: "FROM z"\n  c:\n    build:\n      dockerfile_inline: >\n        FROM w\n'
    expect(inlineDockerfiles(text)).toEqual([
      { text: 'FROM x\n\nRUN y\n', firstLine: 5, indent: 8 }
    ])
  })

  it('applies the configuration: ignore paths and rule settings', async () => {
    const tree = {
      '.docker-review.yml': 'ignore-paths: ["legacy/**"]\nrules:\n  DL3014: off\n',
      Dockerfile: 'FROM debian:12\nRUN apt-get install curl\n',
      'legacy/Dockerfile': 'FROM debian:12\nRUN apt-get install curl\n'
    }
    const { fetch } = fakeFetcher(tree)
    const out = await lintChanges({
      changed: changed(['Dockerfile', 'legacy/Dockerfile']),
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({})
    })
    expect(out.files.map((f) => f.path)).toEqual(['Dockerfile'])
    expect(out.files[0].findings.some((f) => f.rule === 'DL3014')).toBe(false)
    expect(out.notes).toContain("legacy/Dockerfile: ignored by the configuration's ignore paths")
  })

  it('an explicit config file that is missing is a clear error', async () => {
    const { fetch } = fakeFetcher({ Dockerfile: 'FROM x\n' })
    await expect(
      lintChanges({
        changed: changed(['Dockerfile']),
        detect: detectKind,
        configPath: 'ci/lint.yml',
        layers: [],
        fetch,
        tools: () => ({})
      })
    ).rejects.toThrow(/ci\/lint\.yml \(input `config`\) was not found/)
  })

  it('removed files are not linted; missing ones fail closed with a finding', async () => {
    const { fetch } = fakeFetcher({})
    const out = await lintChanges({
      changed: [{ path: 'old/Dockerfile', status: 'removed' }, ...changed(['gone/Dockerfile'])],
      detect: detectKind,
      layers: [],
      fetch,
      tools: () => ({})
    })
    expect(out.files.map((f) => f.path)).toEqual(['gone/Dockerfile'])
    expect(out.files[0].findings).toEqual([
      expect.objectContaining({
        rule: 'DR0001',
        severity: 'error',
        message: 'This file was not fully checked: not found at the reviewed commit.'
      })
    ])
    expect(out.notes).toEqual([])
  })
})

describe('checkout detection', () => {
  const sha = '1234567890abcdef1234567890abcdef12345678'
  const repo = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-git-'))
    mkdirSync(join(dir, '.git/refs/heads'), { recursive: true })
    return dir
  }
  it('reads a detached HEAD, a loose ref, a packed ref and a worktree .git file', () => {
    const detached = repo()
    writeFileSync(join(detached, '.git/HEAD'), `${sha}\n`)
    expect(checkoutHead(detached)).toBe(sha)
    const loose = repo()
    writeFileSync(join(loose, '.git/HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(join(loose, '.git/refs/heads/main'), `${sha}\n`)
    expect(workspaceAt(loose, sha)).toBe(true)
    const packed = repo()
    writeFileSync(join(packed, '.git/HEAD'), 'ref: refs/heads/feature\n')
    writeFileSync(join(packed, '.git/packed-refs'), `# pack-refs\n${sha} refs/heads/feature\n`)
    expect(checkoutHead(packed)).toBe(sha)
    const worktree = mkdtempSync(join(tmpdir(), 'dr-wt-'))
    writeFileSync(join(worktree, '.git'), `gitdir: ${join(detached, '.git')}\n`)
    expect(checkoutHead(worktree)).toBe(sha)
    expect(workspaceAt(mkdtempSync(join(tmpdir(), 'dr-none-')), sha)).toBe(false)
    expect(workspaceAt(undefined, sha)).toBe(false)
  })
  it('disk reads stay inside the workspace and skip binary files', async () => {
    const dir = repo()
    writeFileSync(join(dir, 'Dockerfile'), 'FROM x\n')
    writeFileSync(join(dir, 'bin.dockerfile'), Buffer.from([0, 1, 2]))
    const fetched = await diskFetcher(dir)({
      paths: ['Dockerfile', 'bin.dockerfile', '../../etc/passwd'],
      dirs: ['']
    })
    expect(fetched.files.get('Dockerfile')).toEqual({ kind: 'text', text: 'FROM x\n' })
    expect(fetched.files.get('bin.dockerfile')?.kind).toBe('skipped')
    expect(fetched.files.get('../../etc/passwd')).toMatchObject({ kind: 'skipped' })
    expect(fetched.dirs.get('')).toEqual(expect.arrayContaining(['Dockerfile', 'bin.dockerfile']))
    expect(fetched.dirs.get('')).not.toContain('.git')
  })
})
