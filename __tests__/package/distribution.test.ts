import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import picomatch from 'picomatch'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runCli, type CliIO } from '../../src/cli/main.js'
import { detectKind } from '../../src/detect.js'
import { createShellcheck } from '../../src/tools/shellcheck.js'

/** The ways in besides the action: the CLI image (Dockerfile) and the pre-commit hooks. */

const ROOT = join(import.meta.dirname, '../..')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

function lint(...argv: string[]): { code: number; out: string; err: string } {
  let out = ''
  let err = ''
  const shellcheck = createShellcheck()
  const io: CliIO = {
    cwd: ROOT,
    env: {},
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
    tools: () => (shellcheck ? { shellcheck } : {}),
    now: () => new Date('2026-01-01T00:00:00Z')
  }
  return { code: runCli(['lint', ...argv], io), out, err }
}

describe('the CLI image (Dockerfile)', () => {
  it('passes our own linter cleanly', () => {
    const run = lint('--format', 'json', 'Dockerfile')
    const report = JSON.parse(run.out) as {
      files: unknown[]
      findings: unknown[]
      errors: unknown[]
    }
    expect(report.files).toEqual([{ path: 'Dockerfile', kind: 'dockerfile' }])
    expect(report.findings).toEqual([])
    expect(report.errors).toEqual([])
    expect(run.code).toBe(0)
  })

  it('copies what .dockerignore lets into the context, and installs the bin on PATH', () => {
    const dockerfile = read('Dockerfile')
    const copied = /^COPY (dist\/\S+) (dist\/\S+) \/opt\/docker-review\/$/m.exec(dockerfile)!
    expect(copied).not.toBeNull()
    const allowed = read('.dockerignore')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1))
    expect(allowed.sort()).toEqual([copied[1], copied[2]].sort())
    // `dist/cli/*.js`: the bundle and the chunks it loads on demand (`tags`).
    for (const file of allowed) {
      const matches = picomatch(basename(file))
      const found = readdirSync(join(ROOT, dirname(file))).some((name) => matches(name))
      expect(found, file).toBe(true)
    }
    expect(read('.dockerignore')).toMatch(/^\*$/m)
    // The pre-commit `docker` hook runs `docker-review` from PATH; the bundle is the package's bin.
    expect(dockerfile).toContain(
      'RUN ln -s /opt/docker-review/index.js /usr/local/bin/docker-review'
    )
    const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> }
    expect(pkg.bin['docker-review']).toBe('dist/cli/index.js')
  })
})

interface Hook {
  id: string
  name: string
  entry: string
  language: string
  files: string
  require_serial?: boolean
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(read('.pre-commit-hooks.yaml')) as Hook[]

  it('declares a node hook and a docker hook that run `docker-review lint`', () => {
    expect(hooks.map((h) => [h.id, h.language, h.entry])).toEqual([
      ['docker-review', 'node', 'docker-review lint'],
      ['docker-review-docker', 'docker', 'docker-review lint']
    ])
    for (const h of hooks) {
      expect(Object.keys(h).sort()).toEqual(
        expect.arrayContaining(['entry', 'files', 'id', 'language', 'name'])
      )
      expect(h.require_serial).toBe(true)
    }
  })

  it('selects exactly the files docker-review detects', () => {
    const names = [
      'Dockerfile',
      'app/Dockerfile',
      'Dockerfile.prod',
      'deploy/api.Dockerfile',
      'web.dockerfile',
      'Containerfile',
      'Containerfile.dev',
      'compose.yaml',
      'compose.override.yml',
      'sub/docker-compose.yml',
      'docker-compose.prod.yaml',
      'Dockerfile/README.md',
      'README.md',
      'compose.json',
      'docker-compose.yml.bak',
      'mydockerfile',
      'package.json',
      'src/Dockerfiles.ts',
      '.github/workflows/ci.yml'
    ]
    for (const hook of hooks) {
      // pre-commit's `files` is a Python `re.search`; this pattern means the same in JavaScript.
      const files = new RegExp(hook.files)
      for (const name of names)
        expect(files.test(name), `${hook.id}: ${name}`).toBe(detectKind(name) !== undefined)
    }
    expect(names.filter((n) => detectKind(n)).length).toBe(11)
  })
})
