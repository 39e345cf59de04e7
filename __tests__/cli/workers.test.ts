import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chunkSize,
  MIN_TEXT_FOR_WORKERS,
  workerCount,
  workerLimits,
  WORKER_OLD_MB
} from '../../src/cli/pool.js'
import { sandbox } from './harness.js'

/**
 * `docker-review lint` over many files in worker threads (src/cli/pool.ts), as users run it: the
 * bundle built by scripts/package.mjs (workers exist only there), run as a process. Whatever the
 * number of workers — or none — the output and the exit code are the same, byte for byte.
 */

const ROOT = join(import.meta.dirname, '../..')
const scratch = mkdtempSync(join(tmpdir(), 'dr-workers-'))
const bundle = join(scratch, 'dist')
/** A PATH without ShellCheck (the runs that compare formats need no ShellCheck). */
const noTools = join(scratch, 'no-tools')
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/package.mjs', '--out', bundle, '--only', 'cli'], {
    cwd: ROOT,
    stdio: 'ignore'
  })
}, 180_000)

const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\n'
/**
 * Files of both kinds, with findings, fixes, non-ASCII text, one that cannot be linted and one
 * linted with a warning.
 */
const project = sandbox({
  Dockerfile: `${APT}COPY . /app\nCMD node app.js\n`,
  'api/Dockerfile': 'FROM node:latest\nWORKDIR app\nRUN cd /tmp && npm install\nUSER root\n',
  'api/compose.yaml':
    'services:\n  api:\n    image: node\n    privileged: true\n    ports: ["80:80"]\n',
  'web/Containerfile': 'FROM alpine\n# café ✓\nRUN apk add curl wget\nADD https://e.x/a.tgz /\n',
  'web/docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      - A=1\n',
  'bad/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0xff, 0xfe, 0x0a]),
  'ok/Dockerfile': 'FROM alpine:3.20\nUSER nobody\n',
  // Linted with a warning (a problem of the run, not of a rule): invalid UTF-8.
  'enc/Dockerfile': Buffer.concat([
    Buffer.from('FROM alpine:3.20\n# '),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('\nUSER 10001\n')
  ]),
  'ops/Dockerfile.prod':
    'FROM ubuntu\nRUN sudo apt-get install -y vim\nRUN for f in $(ls *.txt); do echo $f; done\nEXPOSE 99999\n'
})

function lint(env: Record<string, string>, ...argv: string[]) {
  const run = spawnSync(process.execPath, [join(bundle, 'cli', 'index.js'), 'lint', ...argv], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: noTools, XDG_CACHE_HOME: join(scratch, 'cache'), ...env }
  })
  return { code: run.status, out: run.stdout, err: run.stderr }
}

describe('lint in worker threads (the bundle)', () => {
  it.each(['json', 'sarif', 'tty', 'github', 'gitlab', 'checkstyle', 'rdjson'])(
    'prints the same %s report with 0, 2 or 3 workers',
    (format) => {
      const inProcess = lint({ DOCKER_REVIEW_WORKERS: '0' }, '--format', format)
      expect(inProcess.out.length).toBeGreaterThan(100)
      for (const workers of ['2', '3']) {
        const pooled = lint({ DOCKER_REVIEW_WORKERS: workers }, '--format', format)
        expect(pooled.out).toBe(inProcess.out)
        expect(pooled.err).toBe(inProcess.err)
        expect(pooled.code).toBe(inProcess.code)
      }
      // The files were really linted: findings of both kinds, and the file that cannot be.
      if (format === 'json') {
        const report = JSON.parse(inProcess.out) as {
          files: unknown[]
          findings: { rule: string }[]
        }
        expect(report.files).toHaveLength(9)
        const rules = new Set(report.findings.map((f) => f.rule))
        expect([...rules].some((r) => r.startsWith('DL'))).toBe(true)
        expect([...rules].some((r) => r.startsWith('DC'))).toBe(true)
        expect(rules).toContain('DR0001')
        expect(inProcess.code).toBe(1)
      }
    },
    60_000
  )

  it('gives the files of a worker that runs out of memory to the main thread: same report', () => {
    const inProcess = lint({ DOCKER_REVIEW_WORKERS: '0' }, '--format', 'json')
    const starved = lint(
      { DOCKER_REVIEW_WORKERS: '2', DOCKER_REVIEW_WORKER_MEMORY_MB: '1' },
      '--format',
      'json'
    )
    expect(starved.err).toMatch(/a lint worker ran out of memory \(limit 1 MB\)/)
    expect(starved.out).toBe(inProcess.out)
    expect(starved.code).toBe(inProcess.code)
  }, 60_000)

  it('makes the same report in pieces (JSON, terminal) when a worker dies, with --review', () => {
    for (const argv of [
      ['--format', 'tty', '--review'],
      ['--format', 'tty', '--color'],
      ['--format', 'json', '--fail-on', 'none']
    ]) {
      const inProcess = lint({ DOCKER_REVIEW_WORKERS: '0' }, ...argv)
      expect(inProcess.out).toMatch(/invalid UTF-8/)
      for (const env of <Array<Record<string, string>>>[
        { DOCKER_REVIEW_WORKERS: '2' },
        { DOCKER_REVIEW_WORKERS: '2', DOCKER_REVIEW_WORKER_MEMORY_MB: '1' }
      ]) {
        const pooled = lint(env, ...argv)
        expect(pooled.out).toBe(inProcess.out)
        expect(pooled.code).toBe(inProcess.code)
      }
    }
    expect(lint({ DOCKER_REVIEW_WORKERS: '2' }, '--format', 'tty', '--review').out).toMatch(
      /review preview: \d+ inline, \d+ summary only/
    )
    expect(lint({ DOCKER_REVIEW_WORKERS: '2' }, '--format', 'json', '--fail-on', 'none').code).toBe(
      0
    )
  }, 60_000)

  it('checks ShellCheck through the workers as in one thread', () => {
    const shellcheck = spawnSync('shellcheck', ['--version'])
    if (shellcheck.status !== 0) return
    const path = process.env.PATH ?? ''
    const inProcess = lint({ DOCKER_REVIEW_WORKERS: '0', PATH: path }, '--format', 'json')
    const pooled = lint({ DOCKER_REVIEW_WORKERS: '2', PATH: path }, '--format', 'json')
    expect(inProcess.out).toMatch(/"rule": "SC\d+"/)
    expect(pooled.out).toBe(inProcess.out)
    expect(pooled.code).toBe(inProcess.code)
    // Every worker dies at once (the one finding the scripts too): the same report, from here.
    const starved = lint(
      { DOCKER_REVIEW_WORKERS: '2', DOCKER_REVIEW_WORKER_MEMORY_MB: '1', PATH: path },
      '--format',
      'json'
    )
    expect(starved.err).toMatch(/a lint worker ran out of memory/)
    expect(starved.out).toBe(inProcess.out)
    expect(starved.code).toBe(inProcess.code)
  }, 60_000)

  it('leaves the code cache to runs in one thread (a pre-commit hook reads it)', () => {
    const cache = join(scratch, 'cache-pooled')
    const entries = (): string[] => {
      const base = join(cache, 'docker-review')
      if (!existsSync(base)) return []
      return readdirSync(base).flatMap((runtime) =>
        readdirSync(join(base, runtime)).map((e) => join(base, runtime, e))
      )
    }
    const startEntries = (): string[] =>
      entries().filter((e) => /start\.js\.[0-9a-f]+\.v8$/.test(e))
    lint({ DOCKER_REVIEW_WORKERS: '2', XDG_CACHE_HOME: cache }, '--format', 'json')
    expect(startEntries()).toEqual([])
    lint({ DOCKER_REVIEW_WORKERS: '0', XDG_CACHE_HOME: cache }, '--format', 'json')
    const [entry] = startEntries()
    expect(entry).toBeDefined()
    const written = readFileSync(entry)
    lint({ DOCKER_REVIEW_WORKERS: '2', XDG_CACHE_HOME: cache }, '--format', 'json')
    expect(readFileSync(entry).equals(written)).toBe(true)
  }, 60_000)

  it('refuses a DOCKER_REVIEW_WORKERS that is not a number', () => {
    const run = lint({ DOCKER_REVIEW_WORKERS: 'many' }, '--format', 'json')
    expect(run.code).toBe(2)
    expect(run.err).toContain(
      "docker-review: DOCKER_REVIEW_WORKERS must be a number of workers (0: none), not 'many'\n"
    )
  }, 60_000)
})

describe('how many workers', () => {
  it('none below MIN_TEXT_FOR_WORKERS or for one file, else one per core but one', () => {
    const cores = Math.max(1, availableParallelism() - 1)
    expect(workerCount({}, 1, 10 * MIN_TEXT_FOR_WORKERS)).toBe(0)
    expect(workerCount({}, 5000, MIN_TEXT_FOR_WORKERS - 1)).toBe(0)
    expect(workerCount({}, 5000, MIN_TEXT_FOR_WORKERS)).toBe(cores)
    expect(workerCount({}, 2, MIN_TEXT_FOR_WORKERS)).toBe(Math.min(2, cores))
    expect(workerCount({ DOCKER_REVIEW_WORKERS: '0' }, 5000, 1e9)).toBe(0)
    expect(workerCount({ DOCKER_REVIEW_WORKERS: '3' }, 2, 0)).toBe(2)
    expect(workerCount({ DOCKER_REVIEW_WORKERS: '3' }, 10, 0)).toBe(3)
    expect(workerCount({ DOCKER_REVIEW_WORKERS: '' }, 1, 0)).toBe(0)
    expect(() => workerCount({ DOCKER_REVIEW_WORKERS: '-1' }, 10, 0)).toThrow(/must be a number/)
  })

  it('chunks several per worker, at most 64 files', () => {
    expect(chunkSize(2114, 2)).toBe(64)
    expect(chunkSize(200, 2)).toBe(13)
    expect(chunkSize(3, 2)).toBe(1)
  })

  it('caps both generations of a worker; the old one can be set', () => {
    expect(workerLimits({})).toEqual({
      maxYoungGenerationSizeMb: 16,
      maxOldGenerationSizeMb: WORKER_OLD_MB
    })
    expect(workerLimits({ DOCKER_REVIEW_WORKER_MEMORY_MB: '512' }).maxOldGenerationSizeMb).toBe(512)
    expect(() => workerLimits({ DOCKER_REVIEW_WORKER_MEMORY_MB: '0' })).toThrow(/number of MB/)
  })
})
