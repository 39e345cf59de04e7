import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configFormat } from '../../src/cli/lint.js'
import { sniffKind } from '../../src/cli/sniff.js'
import { progressLine } from '../../src/cli/terminal.js'
import { cli, cliWith, sandbox, spawnCli } from './harness.js'

/** The CLI's contract with shells and CI: exit codes, stdin, config files, colour, progress. */

const ESC = '\u001b['
const ONE_LINE = /^docker-review: [^\n]+\n$/

describe('exit 2: one line on stderr for usage, path and configuration errors', () => {
  const dir = sandbox({ Dockerfile: 'FROM debian:12\n', 'conf/bad.yml': 'rules:\n  DL9999: off\n' })

  it('a missing path is exit 2, even with --fail-on none, and nothing is linted', () => {
    for (const extra of [[], ['--fail-on', 'none']]) {
      const run = cli(dir, 'lint', 'Dockerfile', 'nope/Dockerfile', ...extra)
      expect(run.code).toBe(2)
      expect(run.err).toBe('docker-review: no such file or directory: nope/Dockerfile\n')
      expect(run.out).toBe('')
    }
  })

  it('a bad flag or value is exit 2 with one line that points at --help', () => {
    for (const argv of [
      ['--bogus'],
      ['--format', 'xml'],
      ['--kind', 'yaml'],
      ['--fix-unsafe'],
      ['--stdin-filename', 'Dockerfile'],
      ['-', '-']
    ]) {
      const run = cli(dir, 'lint', ...argv)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.err, argv.join(' ')).toMatch(ONE_LINE)
      expect(run.err).toContain("(see 'docker-review lint --help')")
    }
    expect(cli(dir, 'lint', '--bogus').err).toBe(
      "docker-review: Unknown option '--bogus' (see 'docker-review lint --help')\n"
    )
  })

  it('a config file that cannot be read is exit 2 with one line, relative or absolute', () => {
    const missing = cli(dir, 'lint', '--config', 'conf/nope.yml')
    expect(missing).toMatchObject({ code: 2, out: '' })
    expect(missing.err).toBe('docker-review: cannot read config file conf/nope.yml: no such file\n')
    const absolute = cli(dir, 'lint', '--config', join(dir, 'conf/nope.yml'))
    expect(absolute.code).toBe(2)
    expect(absolute.err).toBe(
      `docker-review: cannot read config file ${join(dir, 'conf/nope.yml')}: no such file\n`
    )
    const directory = cli(dir, 'lint', '--config', 'conf')
    expect(directory.code).toBe(2)
    expect(directory.err).toBe('docker-review: cannot read config file conf: is a directory\n')
  })

  it('an invalid config is exit 2: one line naming the file, then its located problems', () => {
    const run = cli(dir, 'lint', '--config', join(dir, 'conf/bad.yml'))
    expect(run.code).toBe(2)
    const [first, ...rest] = run.err.trimEnd().split('\n')
    expect(first).toBe(`docker-review: ${join(dir, 'conf/bad.yml')}: invalid configuration`)
    expect(rest).toEqual(["  - 2:3: unknown rule 'DL9999'"])
  })

  it('the real process exits 2 with no stack trace', () => {
    const missing = spawnCli(dir, ['lint', 'nope'])
    expect(missing).toEqual({
      code: 2,
      out: '',
      err: 'docker-review: no such file or directory: nope\n'
    })
    const config = spawnCli(dir, ['lint', '--config', '/nonexistent/.hadolint.yaml'])
    expect(config.code).toBe(2)
    expect(config.err).toMatch(ONE_LINE)
    expect(config.err).not.toMatch(/\n\s+at /)
  })
})

describe('--config takes either format, told apart by name or content', () => {
  const DOCKERFILE = 'FROM ubuntu\nMAINTAINER me\n'
  const rules = (run: { out: string }): string[] =>
    JSON.parse(run.out)
      .findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)
      .filter((r: string) => r.startsWith('DL'))
      .sort()

  it('a hadolint config under any name, relative or absolute', () => {
    const dir = sandbox({
      Dockerfile: DOCKERFILE,
      'ci/lint.yml': 'ignored: [DL4000]\noverride:\n  error: [DL3006]\n',
      '.hadolint.yaml': 'ignored: [DL3006]\n'
    })
    const expected = ['DL3006:error']
    expect(rules(cli(dir, 'lint', '-f', 'json', '--config', 'ci/lint.yml'))).toEqual(expected)
    expect(rules(cli(dir, 'lint', '-f', 'json', '-c', join(dir, 'ci/lint.yml')))).toEqual(expected)
    // An explicit --config replaces the files found in the working directory.
    expect(rules(cli(dir, 'lint', '-f', 'json'))).toEqual(['DL4000:error'])
  })

  it('our own format under any name, relative or absolute', () => {
    const elsewhere = sandbox({ 'settings.yaml': 'rules:\n  DL4000: off\n  DL3006: info\n' })
    const dir = sandbox({ Dockerfile: DOCKERFILE })
    const file = join(elsewhere, 'settings.yaml')
    expect(rules(cli(dir, 'lint', '-f', 'json', '--config', file))).toEqual(['DL3006:info'])
  })

  it('configFormat: name first, then top-level keys', () => {
    expect(configFormat('/x/.hadolint.yaml', 'rules: {}')).toBe('hadolint')
    expect(configFormat('team.docker-review.yml', 'ignored: []')).toBe('own')
    expect(configFormat('lint.yml', 'failure-threshold: warning\n')).toBe('hadolint')
    expect(configFormat('lint.yml', 'trustedRegistries: [docker.io]\n')).toBe('hadolint')
    expect(configFormat('lint.yml', 'fail-on: warning\n')).toBe('own')
    expect(configFormat('lint.yml', '')).toBe('own')
    // Mixed keys are ours, and our schema then reports the hadolint key as unknown.
    expect(configFormat('lint.yml', 'ignored: []\nrules: {}\n')).toBe('own')
  })
})

describe('lint - (standard input) and named files of any name', () => {
  const stdin = (text: string) => (): Buffer => Buffer.from(text)
  const files = (run: { out: string }): unknown => JSON.parse(run.out).files

  it('reads stdin; the kind comes from --stdin-filename, --kind, or the content', () => {
    const dir = sandbox({})
    const compose = 'services:\n  web:\n    image: nginx\n'
    const named = cliWith(
      dir,
      { readStdin: stdin(compose) },
      'lint',
      '-',
      '-f',
      'json',
      '--stdin-filename',
      'deploy/compose.yaml'
    )
    expect(files(named)).toEqual([{ path: 'deploy/compose.yaml', kind: 'compose' }])
    expect(JSON.parse(named.out).findings[0].file).toBe('deploy/compose.yaml')
    const sniffed = cliWith(dir, { readStdin: stdin('FROM alpine\n') }, 'lint', '-', '-f', 'json')
    expect(files(sniffed)).toEqual([{ path: '-', kind: 'dockerfile' }])
    const forced = cliWith(
      dir,
      { readStdin: stdin('services: {}\n') },
      'lint',
      '-',
      '-f',
      'json',
      '--kind',
      'compose',
      '--stdin-filename',
      'Dockerfile'
    )
    expect(files(forced)).toEqual([{ path: 'Dockerfile', kind: 'compose' }])
    const unknown = cliWith(dir, { readStdin: stdin('hello\n') }, 'lint', '-')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toBe(
      'docker-review: cannot tell whether - is a Dockerfile or a compose file: use --kind dockerfile|compose\n'
    )
    expect(cli(dir, 'lint', '-', '--fix').code).toBe(2)
  })

  it('the real process reads a pipe', () => {
    const run = spawnCli(
      sandbox({}),
      ['lint', '-', '--format', 'json', '--stdin-filename', 'app.Dockerfile'],
      {
        input: 'FROM debian:12\nMAINTAINER me\n'
      }
    )
    expect(run.code).toBe(1)
    const doc = JSON.parse(run.out)
    expect(doc.files).toEqual([{ path: 'app.Dockerfile', kind: 'dockerfile' }])
    expect(doc.findings.map((f: { rule: string }) => f.rule)).toContain('DL4000')
  })

  it('a named file is linted whatever its name, its kind from the content', () => {
    const dir = sandbox({
      'build/recipe.txt': '# syntax=docker/dockerfile:1\n\nARG BASE=debian:12\nFROM $BASE\n',
      'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n',
      'notes.txt': 'hello\n'
    })
    expect(files(cli(dir, 'lint', '-f', 'json', 'build/recipe.txt', 'stack.yml'))).toEqual([
      { path: 'build/recipe.txt', kind: 'dockerfile' },
      { path: 'stack.yml', kind: 'compose' }
    ])
    expect(files(cli(dir, 'lint', '-f', 'json', 'notes.txt', '--kind', 'dockerfile'))).toEqual([
      { path: 'notes.txt', kind: 'dockerfile' }
    ])
    const unknown = cli(dir, 'lint', 'notes.txt', 'stack.yml')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/^docker-review: cannot tell whether notes\.txt is a Dockerfile/)
    // Walking a directory still picks files by name: build/recipe.txt is not a Dockerfile there.
    expect(files(cli(dir, 'lint', '-f', 'json'))).toEqual([])
  })

  it('sniffKind', () => {
    expect(sniffKind('FROM alpine\n')).toBe('dockerfile')
    expect(sniffKind('\uFEFF# comment\n\n  from alpine AS base\n')).toBe('dockerfile')
    expect(sniffKind('ARG V=1\nFROM x:$V\n')).toBe('dockerfile')
    expect(sniffKind('LABEL a=b\nFROM alpine\n')).toBe('dockerfile')
    expect(sniffKind('services:\n  a:\n    image: x\n')).toBe('compose')
    expect(sniffKind('# compose\ninclude:\n  - other.yaml\n')).toBe('compose')
    expect(sniffKind('FROM: alpine\n')).toBeUndefined()
    expect(sniffKind('name: x\nsteps: []\n')).toBeUndefined()
    expect(sniffKind('hello world\n')).toBeUndefined()
    expect(sniffKind('')).toBeUndefined()
  })
})

describe('colour: --color, FORCE_COLOR, NO_COLOR, then the terminal', () => {
  const dir = sandbox({ Dockerfile: 'FROM debian:12\nMAINTAINER me\n' })
  const coloured = (env: Record<string, string>, isTTY: boolean, ...flags: string[]): boolean =>
    cliWith(dir, { env, isTTY }, 'lint', ...flags).out.includes(ESC)

  it('follows the terminal by default, and TERM=dumb turns it off', () => {
    expect(coloured({}, true)).toBe(true)
    expect(coloured({}, false)).toBe(false)
    expect(coloured({ TERM: 'dumb' }, true)).toBe(false)
  })

  it('NO_COLOR (non-empty) turns it off on a terminal', () => {
    expect(coloured({ NO_COLOR: '1' }, true)).toBe(false)
    expect(coloured({ NO_COLOR: '' }, true)).toBe(true)
  })

  it('FORCE_COLOR turns it on into a pipe, FORCE_COLOR=0 off; the flags win over both', () => {
    expect(coloured({ FORCE_COLOR: '1' }, false)).toBe(true)
    expect(coloured({ FORCE_COLOR: '' }, false)).toBe(true)
    expect(coloured({ FORCE_COLOR: '0' }, true)).toBe(false)
    expect(coloured({ FORCE_COLOR: 'false' }, true)).toBe(false)
    expect(coloured({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true)
    expect(coloured({ FORCE_COLOR: '1' }, true, '--no-color')).toBe(false)
    expect(coloured({ NO_COLOR: '1' }, false, '--color')).toBe(true)
  })

  it('the real process: FORCE_COLOR colours a pipe, NO_COLOR does not', () => {
    expect(spawnCli(dir, ['lint'], { env: { FORCE_COLOR: '1' } }).out).toContain(ESC)
    expect(spawnCli(dir, ['lint'], { env: { NO_COLOR: '1' } }).out).not.toContain(ESC)
  })
})

describe('progress line on stderr', () => {
  const files = Object.fromEntries(
    [1, 2, 3, 4, 5].map((i) => [`s${i}/Dockerfile`, 'FROM debian:12\n'])
  )
  const dir = sandbox({ ...files, '.docker-review.yml': 'settings:\n  shellcheck: false\n' })
  /** A clock that moves 400 ms every time it is read. */
  const slow = (): (() => number) => {
    let t = 0
    return () => (t += 400)
  }

  it('on a terminal, once the run takes over a second: redrawn in place, then wiped', () => {
    const run = cliWith(dir, { stderrIsTTY: true, clock: slow() }, 'lint', '-f', 'json')
    expect(run.err).not.toContain('linting 2/5')
    expect(run.err).toContain('\rlinting 3/5 files…')
    expect(run.err).toContain('\rlinting 5/5 files…')
    expect(run.err.endsWith(`\r${' '.repeat('linting 5/5 files…'.length)}\r`)).toBe(true)
    expect(run.err).not.toContain('\n')
    expect(JSON.parse(run.out).files).toHaveLength(5)
  })

  it('never when stderr is not a terminal, nor for a run under a second', () => {
    expect(cliWith(dir, { stderrIsTTY: false, clock: slow() }, 'lint').err).toBe('')
    expect(cliWith(dir, { stderrIsTTY: true, clock: () => 5 }, 'lint').err).toBe('')
    expect(spawnCli(dir, ['lint']).err).toBe('')
  })

  it('--fix shows its own pass', () => {
    const run = cliWith(dir, { stderrIsTTY: true, clock: slow() }, 'lint', '--fix')
    expect(run.err).toContain('fixing 5/5 files…')
  })

  it('progressLine pads over a longer previous line and redraws at most every 100 ms', () => {
    let out = ''
    let t = 0
    const p = progressLine({
      enabled: true,
      write: (s) => (out += s),
      now: () => t,
      started: 0,
      verb: 'linting',
      total: 1000
    })
    t = 1000
    for (let i = 0; i < 10; i++) p.tick() // one draw: the clock did not move
    expect(out).toBe('\rlinting 1/1000 files…')
    t = 1100
    p.tick()
    expect(out.split('\r')).toHaveLength(3)
    p.done()
    expect(out.endsWith(`\r${' '.repeat('linting 11/1000 files…'.length)}\r`)).toBe(true)
  })
})

describe('walking directories never follows a symlink out of the root', () => {
  function tree(): { root: string; outside: string } {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'dr-links-')))
    const root = join(base, 'repo')
    const outside = join(base, 'outside')
    mkdirSync(join(outside, 'more'), { recursive: true })
    writeFileSync(join(outside, 'Dockerfile'), 'FROM secret-registry/SECRET-OUTSIDE\n')
    writeFileSync(join(outside, 'more', 'Dockerfile'), 'FROM secret-registry/SECRET-DIR\n')
    for (const d of ['in', 'alias', 'app', 'linked', '.git'])
      mkdirSync(join(root, d), { recursive: true })
    writeFileSync(join(root, 'in', 'Dockerfile'), 'FROM debian:12\n')
    writeFileSync(
      join(root, '.git', 'config'),
      '[http]\n  extraheader = AUTHORIZATION: basic SECRET-TOKEN\n'
    )
    symlinkSync(join(outside, 'Dockerfile'), join(root, 'app', 'Dockerfile')) // absolute, outside
    symlinkSync('../../outside/Dockerfile', join(root, 'app', 'Dockerfile.rel')) // relative, outside
    symlinkSync('../in/Dockerfile', join(root, 'alias', 'Dockerfile')) // inside: linted once
    symlinkSync(join(outside, 'more'), join(root, 'linked', 'dir')) // a folder outside
    symlinkSync('.git/config', join(root, 'compose.yaml')) // inside, but .git
    symlinkSync('missing', join(root, 'in', 'Dockerfile.dangling'))
    return { root, outside }
  }

  it('reads nothing outside the root (or in .git), and says which links it did not follow', () => {
    const { root } = tree()
    const run = cli(root, 'lint', '--format', 'json')
    expect(run.out).not.toMatch(/SECRET/)
    const doc = JSON.parse(run.out)
    expect(doc.files).toEqual([{ path: 'alias/Dockerfile', kind: 'dockerfile' }])
    expect(doc.errors).toEqual([
      { file: 'app/Dockerfile', message: 'symlink to a file outside ., not read' },
      { file: 'app/Dockerfile.rel', message: 'symlink to a file outside ., not read' },
      { file: 'compose.yaml', message: 'symlink to a file in .git, not read' }
    ])
    expect(run.code).toBe(1) // a file that was not linted fails the run, as in the action
    for (const format of ['tty', 'sarif', 'gitlab', 'checkstyle', 'rdjson', 'github']) {
      expect(cli(root, 'lint', '--format', format).out, format).not.toMatch(/SECRET/)
    }
  })

  it('the boundary is the directory given, wherever the command runs', () => {
    const { root } = tree()
    const doc = JSON.parse(cli(join(root, '..'), 'lint', '--format', 'json', 'repo/app').out)
    expect(doc.files).toEqual([])
    expect(doc.errors.map((e: { message: string }) => e.message)).toEqual([
      'symlink to a file outside repo/app, not read',
      'symlink to a file outside repo/app, not read'
    ])
    // alias/ points into in/, which is outside repo/alias when that is the root walked.
    expect(JSON.parse(cli(root, 'lint', '-f', 'json', 'alias').out).errors).toHaveLength(1)
  })

  it('an explicit symlink argument is followed', () => {
    const { root } = tree()
    const doc = JSON.parse(cli(root, 'lint', '--format', 'json', 'app/Dockerfile').out)
    expect(doc.files).toEqual([{ path: 'app/Dockerfile', kind: 'dockerfile' }])
    expect(doc.errors).toEqual([])
  })
})
