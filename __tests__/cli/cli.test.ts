import { mkdtempSync, readFileSync, cpSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { cli, cliWith, sandbox } from './harness.js'
import { memoStats, oneLintPerText } from './lint-memo.js'

vi.mock('../../src/lint/engine.js', async (importOriginal) => {
  const { withLintMemo } = await import('./lint-memo.js')
  return withLintMemo(await importOriginal())
})

const DOCKERFILE = 'FROM ubuntu\nRUN apt-get update && apt-get install curl\nMAINTAINER me\n'

describe('docker-review lint', () => {
  it('prints exactly one JSON document with the documented shape', () => {
    const dir = sandbox({
      'app/Dockerfile': DOCKERFILE,
      'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx:1.27\n'
    })
    const { code, out } = cli(dir, 'lint', '--format', 'json')
    expect(code).toBe(1) // DL4000 is an error
    const doc = JSON.parse(out)
    expect(Object.keys(doc)).toEqual(['version', 'files', 'findings', 'errors'])
    expect(doc.version).toBe(1)
    expect(doc.files).toEqual([
      { path: 'app/Dockerfile', kind: 'dockerfile' },
      { path: 'compose.yaml', kind: 'compose' }
    ])
    const dl4000 = doc.findings.find((f: { rule: string }) => f.rule === 'DL4000')
    expect(dl4000).toMatchObject({
      file: 'app/Dockerfile',
      severity: 'error',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 11,
      aliases: expect.arrayContaining(['MaintainerDeprecated']),
      docsUrl: expect.stringMatching(/docs\/rules\/DL4000\.md$/),
      fix: {
        safe: true,
        edits: [{ line: 3, column: 1, endLine: 3, endColumn: 14, text: 'LABEL maintainer="me"' }]
      }
    })
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual([
        'file',
        'rule',
        'aliases',
        'severity',
        'message',
        'line',
        'column',
        'endLine',
        'endColumn',
        'docsUrl',
        ...(f.fix ? ['fix'] : []),
        'review'
      ])
    }
    expect(doc.errors).toEqual([])
  })

  it('exit codes follow --fail-on', () => {
    const dir = sandbox({ Dockerfile: 'FROM ubuntu\n' }) // DL3006 is a warning
    expect(cli(dir, 'lint').code).toBe(0)
    expect(cli(dir, 'lint', '--fail-on', 'warning').code).toBe(1)
    expect(cli(dir, 'lint', '--fail-on', 'none').code).toBe(0)
    expect(cli(dir, 'lint', '--fail-on', 'bogus').code).toBe(2)
    expect(cli(dir, 'lint', '--format', 'xml').code).toBe(2)
    expect(cli(dir, 'frobnicate').code).toBe(2)
  })

  it('fails closed on a binary file (DR0001) and still lints the others', () => {
    const dir = sandbox({
      'a/Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02]),
      'b/Dockerfile': 'FROM debian\n'
    })
    const { code, out } = cli(dir, 'lint', '--format', 'json')
    const doc = JSON.parse(out)
    expect(doc.errors).toEqual([])
    expect(doc.findings).toContainEqual(
      expect.objectContaining({
        file: 'a/Dockerfile',
        rule: 'DR0001',
        severity: 'error',
        message: expect.stringContaining('binary')
      })
    )
    expect(
      doc.findings.map((f: { file: string; rule: string }) => `${f.file} ${f.rule}`)
    ).toContain('b/Dockerfile DL3006')
    expect(code).toBe(1)
  })

  it('walks directories respecting .gitignore, detects files by name, and --kind forces a kind', () => {
    const dir = sandbox({
      '.gitignore': 'vendor/\n',
      'vendor/Dockerfile': 'FROM x\n',
      'svc/Dockerfile.prod': 'FROM x\n',
      'svc/api.Dockerfile': 'FROM x\n',
      'svc/Containerfile': 'FROM x\n',
      'docker-compose.override.yml': 'services: {}\n',
      'notes.txt': 'FROM x\n',
      'build/recipe': 'FROM x\n'
    })
    const files = (args: string[]): string[] =>
      JSON.parse(cli(dir, 'lint', '--format', 'json', ...args).out).files.map(
        (f: { path: string }) => f.path
      )
    expect(files([])).toEqual([
      'docker-compose.override.yml',
      'svc/api.Dockerfile',
      'svc/Containerfile',
      'svc/Dockerfile.prod'
    ])
    expect(files(['build', '--kind', 'dockerfile'])).toEqual(['build/recipe'])
    expect(files(['notes.txt', '--kind', 'dockerfile'])).toEqual(['notes.txt'])
  })

  it('--fix applies safe fixes, keeps a BOM and CRLF, and a second --fix changes nothing', () => {
    const dir = sandbox({
      Dockerfile:
        '\uFEFFFROM debian:12\r\nMAINTAINER me\r\nRUN apt-get update && apt-get install -y curl=1\r\n'
    })
    cli(dir, 'lint', '--fix')
    const once = readFileSync(join(dir, 'Dockerfile'), 'utf8')
    expect(once).toBe(
      '\uFEFFFROM debian:12\r\nLABEL maintainer="me"\r\nRUN apt-get update && apt-get install --no-install-recommends -y curl=1 && rm -rf /var/lib/apt/lists/*\r\n'
    )
    cli(dir, 'lint', '--fix')
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(once)
  })

  it('--fix leaves unsafe fixes alone unless --fix-unsafe', () => {
    const dir = sandbox({ Dockerfile: 'FROM debian:12\nRUN echo a\nRUN echo b\n' })
    cli(dir, 'lint', '--fix')
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(
      'FROM debian:12\nRUN echo a\nRUN echo b\n'
    )
    cli(dir, 'lint', '--fix', '--fix-unsafe')
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(
      'FROM debian:12\nRUN echo a && \\\n    echo b\n'
    )
  })

  it('reads .docker-review.yml and .hadolint.yaml, ours winning', () => {
    const dir = sandbox({
      Dockerfile: 'FROM ubuntu\nMAINTAINER me\n',
      '.hadolint.yaml': 'ignored: [DL4000]\noverride:\n  error: [DL3006]\n',
      '.docker-review.yml': 'rules:\n  DL3006: info\n'
    })
    const doc = JSON.parse(cli(dir, 'lint', '--format', 'json').out)
    const dl = doc.findings.filter((f: { rule: string }) => f.rule.startsWith('DL'))
    expect(dl.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual([
      'DL3006:info'
    ])
  })

  it('a bad config is a clear, located error (exit 2)', () => {
    const dir = sandbox({
      Dockerfile: 'FROM ubuntu\n',
      '.docker-review.yml': 'rules:\n  DL9999: off\nfail_on: error\n'
    })
    const { code, err } = cli(dir, 'lint')
    expect(code).toBe(2)
    expect(err).toContain('.docker-review.yml')
    expect(err).toMatch(/2:3: unknown rule 'DL9999'/)
    expect(err).toMatch(/3:1: unknown key 'fail_on' \(did you mean 'fail-on'\?\)/)
  })

  it('tty output has code frames and fix diffs, and no colour without a TTY', () => {
    const dir = sandbox({ Dockerfile: 'FROM debian:12\nMAINTAINER me\n' })
    const { out } = cli(dir, 'lint')
    expect(out).toContain('2 | MAINTAINER me')
    expect(out).toContain('| ^^^^^^^^^^')
    expect(out).toContain('- MAINTAINER me')
    expect(out).toContain('+ LABEL maintainer="me"')
    expect(out).not.toContain('\u001b[')
    expect(cli(dir, 'lint', '--color').out).toContain('\u001b[')
  })

  it('looks for ShellCheck only when a Dockerfile is linted', () => {
    const dir = sandbox({
      'compose.yaml': 'services:\n  a:\n    image: x:1\n',
      Dockerfile: 'FROM x:1\n'
    })
    let asked = 0
    const tools = (): Record<string, never> => {
      asked++
      return {}
    }
    cliWith(dir, { tools }, 'lint', 'compose.yaml')
    expect(asked).toBe(0)
    const both = cliWith(dir, { tools }, 'lint')
    expect(asked).toBe(1)
    expect(both.err).toContain('shellcheck (>= 0.7) not found')
  })

  it('github format writes workflow commands with escaped data', () => {
    const dir = sandbox({ 'we,ird:dir/Dockerfile': 'FROM debian:12\nMAINTAINER me\n' })
    const { out } = cli(dir, 'lint', '--format', 'github')
    expect(out).toContain(
      '::error file=we%2Cird%3Adir/Dockerfile,line=2,endLine=2,col=1,endColumn=11,title=DL4000 (error)::MAINTAINER is deprecated'
    )
  })
})

describe('corpus', () => {
  const corpus = join(import.meta.dirname, '../../../shared/corpus/dockerfiles')
  it('lints a copy of the Dockerfile corpus; --fix is idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-corpus-'))
    cpSync(corpus, dir, { recursive: true })
    expect(readdirSync(dir).length).toBeGreaterThan(50)
    // Each CLI run lints each distinct text once (lint-memo.ts): the run's own repeats are remembered.
    const lintFix = () =>
      oneLintPerText(() => cli(dir, 'lint', '--kind', 'dockerfile', '--fix', '--format', 'json'))
    const first = lintFix()
    expect(first.code).not.toBe(2)
    expect(JSON.parse(first.out).errors).toEqual([])
    const snapshot = (): Map<string, string> => {
      const m = new Map<string, string>()
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name))
          else m.set(join(d, e.name), readFileSync(join(d, e.name), 'utf8'))
        }
      }
      walk(dir)
      return m
    }
    const after1 = snapshot()
    const second = lintFix()
    expect(second.code).not.toBe(2)
    console.log(`corpus --fix twice: ${memoStats.linted} lints, ${memoStats.remembered} remembered`)
    const after2 = snapshot()
    const changed = [...after1].filter(([k, v]) => after2.get(k) !== v).map(([k]) => k)
    expect(changed).toEqual([])
  }, 300_000)
})
