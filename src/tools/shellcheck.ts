import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ShellcheckComment,
  ShellcheckFn,
  ShellcheckReplacement,
  ShellcheckRequest
} from '../core/tools.js'

/**
 * The real ShellCheck at the edge: scripts are written to a temporary folder and checked by
 * `shellcheck -f json1 f1 f2 …`, a bounded number of processes per call running in parallel.
 * Results are cached by script text, so identical RUN bodies (official-image repositories repeat
 * them across variants) are checked once per process lifetime.
 */

export interface ShellcheckOptions {
  /** The binary (default `shellcheck`, looked up on PATH). */
  binary?: string
  /** Processes run in parallel per call (default: the CPU count, at most 4). */
  jobs?: number
  /** Scripts per process at most (default 250). */
  chunk?: number
  /** Time limit for one call, in ms (default 120 000). */
  timeoutMs?: number
  /** Remember results by script text (default true). */
  cache?: boolean
}

export interface Shellcheck extends ShellcheckFn {
  /** `0.9.0` */
  readonly version: string
  /**
   * Check scripts ahead of time (e.g. every RUN of every file of a run) so later calls are
   * answered from the cache; one batch spreads over all `jobs`.
   */
  prefetch(requests: ShellcheckRequest[]): void
}

/** Codes hadolint never reports on RUN bodies (ash dialect note, sourced files). */
export const EXCLUDED_CODES = [2187, 1090, 1091]

const MAX_CACHE = 50_000
/** Scripts below which a batch is not split over processes. */
const MIN_CHUNK = 24
const LEVELS = new Set(['error', 'warning', 'info', 'style'])

/** `shellcheck --version` → `0.9.0`, or undefined when the binary is missing or unusable. */
export function shellcheckVersion(binary = 'shellcheck'): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 })
  if (result.error || result.status !== 0) return undefined
  return /^version:\s*(\S+)/m.exec(result.stdout)?.[1]
}

/** A ShellCheck runner, or undefined when no usable `shellcheck` (≥ 0.7, for `json1`) is found. */
export function createShellcheck(options: ShellcheckOptions = {}): Shellcheck | undefined {
  const binary = options.binary ?? 'shellcheck'
  const version = shellcheckVersion(binary)
  if (!version || !atLeast(version, [0, 7, 0])) return undefined
  const jobs = Math.max(1, options.jobs ?? Math.min(4, availableParallelism()))
  const chunk = Math.max(1, options.chunk ?? 250)
  const timeout = options.timeoutMs ?? 120_000
  const args = ['-f', 'json1', '-e', EXCLUDED_CODES.join(',')]
  if (atLeast(version, [0, 7, 1])) args.push('--norc')
  const cache = options.cache === false ? undefined : new Map<string, ShellcheckComment[]>()

  const runUncached = (scripts: string[]): Map<string, ShellcheckComment[]> => {
    const out = new Map<string, ShellcheckComment[]>()
    if (scripts.length === 0) return out
    const dir = mkdtempSync(join(tmpdir(), 'docker-review-sc-'))
    try {
      scripts.forEach((s, i) => writeFileSync(join(dir, `${i}.sh`), s))
      const names = scripts.map((_, i) => `${i}.sh`)
      // Small batches (one Dockerfile's RUNs) go to one process: starting more costs more than
      // it saves. Large ones are spread over `jobs` processes of at most `chunk` scripts.
      const chunks: string[][] = []
      const size = Math.max(Math.min(chunk, Math.ceil(names.length / jobs)), MIN_CHUNK)
      for (let i = 0; i < names.length; i += size) chunks.push(names.slice(i, i + size))
      const outputs = runChunks(binary, args, dir, chunks, jobs, timeout)
      const byName = new Map<string, ShellcheckComment[]>()
      for (const output of outputs) {
        for (const [name, comments] of parseJson1(output)) {
          const list = byName.get(name) ?? []
          list.push(...comments)
          byName.set(name, list)
        }
      }
      scripts.forEach((s, i) => out.set(s, byName.get(`${i}.sh`) ?? []))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return out
  }

  const resolve = (requests: ShellcheckRequest[]): Map<string, ShellcheckComment[]> => {
    const known = new Map<string, ShellcheckComment[]>()
    const missing = new Set<string>()
    for (const r of requests) {
      const hit = cache?.get(r.script)
      if (hit) known.set(r.script, hit)
      else missing.add(r.script)
    }
    for (const [script, comments] of runUncached([...missing])) {
      known.set(script, comments)
      if (cache) {
        if (cache.size >= MAX_CACHE) cache.clear()
        cache.set(script, comments)
      }
    }
    return known
  }

  const fn = ((requests: ShellcheckRequest[]): ShellcheckComment[][] => {
    const results = resolve(requests)
    return requests.map((r) => results.get(r.script) ?? [])
  }) as Shellcheck
  Object.defineProperty(fn, 'version', { value: version, enumerable: true })
  fn.prefetch = (requests) => {
    resolve(requests)
  }
  return fn
}

function atLeast(version: string, min: number[]): boolean {
  const parts = version.split(/[.-]/).map((p) => Number.parseInt(p, 10))
  for (let i = 0; i < min.length; i++) {
    const v = Number.isFinite(parts[i]) ? parts[i] : 0
    if (v !== min[i]) return v > min[i]
  }
  return true
}

/** Run one process per chunk (in parallel through `sh` when there are several); stdout of each. */
function runChunks(
  binary: string,
  args: string[],
  dir: string,
  chunks: string[][],
  jobs: number,
  timeout: number
): string[] {
  if (chunks.length === 1 || jobs === 1 || process.platform === 'win32') {
    return chunks.map((names) => {
      const r = spawnSync(binary, [...args, ...names], {
        cwd: dir,
        encoding: 'utf8',
        timeout,
        maxBuffer: 256 * 1024 * 1024
      })
      if (r.error)
        throw new Error(`shellcheck could not run: ${r.error.message}`, { cause: r.error })
      check(r.status, r.stderr)
      return r.stdout
    })
  }
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  const command = [binary, ...args].map(quote).join(' ')
  // `jobs` lanes in parallel, each running its chunks one after another.
  const lanes: string[][] = Array.from({ length: Math.min(jobs, chunks.length) }, () => [])
  chunks.forEach((names, k) => {
    lanes[k % lanes.length].push(`${command} ${names.join(' ')} >o${k} 2>e${k}; echo $? >r${k}`)
  })
  const script = lanes.map((lane) => `(${lane.join('; ')}) &`).join('\n') + '\nwait\n'
  const r = spawnSync('/bin/sh', ['-c', script], { cwd: dir, encoding: 'utf8', timeout })
  if (r.error) throw new Error(`shellcheck could not run: ${r.error.message}`, { cause: r.error })
  return chunks.map((_, k) => {
    const rc = join(dir, `r${k}`)
    const status = existsSync(rc) ? Number.parseInt(readFileSync(rc, 'utf8'), 10) : null
    check(status, existsSync(join(dir, `e${k}`)) ? readFileSync(join(dir, `e${k}`), 'utf8') : '')
    return readFileSync(join(dir, `o${k}`), 'utf8')
  })
}

/** 0 = clean, 1 = comments found; anything else is a failure of ShellCheck itself. */
function check(status: number | null, stderr: string): void {
  if (status === 0 || status === 1) return
  const detail = stderr.trim().split('\n').slice(0, 3).join(' ')
  throw new Error(`shellcheck failed (exit ${status ?? 'signal'})${detail ? `: ${detail}` : ''}`)
}

interface Json1Comment {
  file: string
  line: number
  endLine: number
  column: number
  endColumn: number
  level: string
  code: number
  message: string
  fix: { replacements: ShellcheckReplacement[] } | null
}

/** `{"comments":[…]}` → comments per file name. */
export function parseJson1(output: string): Map<string, ShellcheckComment[]> {
  const out = new Map<string, ShellcheckComment[]>()
  const trimmed = output.trim()
  if (trimmed === '') return out
  let data: { comments?: Json1Comment[] }
  try {
    data = JSON.parse(trimmed) as { comments?: Json1Comment[] }
  } catch (error) {
    throw new Error(`shellcheck printed something that is not JSON: ${trimmed.slice(0, 80)}`, {
      cause: error
    })
  }
  for (const c of data.comments ?? []) {
    const comment: ShellcheckComment = {
      code: c.code,
      level: (LEVELS.has(c.level) ? c.level : 'error') as ShellcheckComment['level'],
      message: c.message,
      line: c.line,
      column: c.column,
      endLine: c.endLine,
      endColumn: c.endColumn
    }
    if (c.fix && c.fix.replacements.length > 0) {
      comment.fix = {
        replacements: c.fix.replacements.map((r) => ({
          line: r.line,
          column: r.column,
          endLine: r.endLine,
          endColumn: r.endColumn,
          replacement: r.replacement
        }))
      }
    }
    const list = out.get(c.file) ?? []
    list.push(comment)
    out.set(c.file, list)
  }
  return out
}
