import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import {
  accessSync,
  constants as fsConstants,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { availableParallelism, constants, tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ShellcheckComment,
  ShellcheckFn,
  ShellcheckReplacement,
  ShellcheckRequest,
  ShellcheckResult,
  ShellcheckSession
} from '../core/tools.js'

/**
 * The real ShellCheck at the edge: scripts are written to a private temporary folder (in memory
 * where the system has room: `scratchBase`), removed after, and checked by
 * `shellcheck -f json1 f1 f2 …`, a bounded number of processes per call running in parallel.
 * Results are cached by script text, so identical RUN bodies (official-image repositories repeat
 * them across variants) are checked once per process lifetime.
 *
 * Every process runs under an address-space and a CPU-time limit (`ulimit -v`, `ulimit -t`): a
 * script that makes ShellCheck blow up costs at most that, never the runner. A process that fails
 * is run again one script at a time, so only the script that caused it goes unchecked; such a
 * script's result says why (`{ notChecked }`), and the rules report it (DR0010). The wall clock
 * only bounds a whole call, as a last resort.
 */

export interface ShellcheckOptions {
  /** The binary (default `shellcheck`, looked up on PATH). */
  binary?: string
  /** Processes run in parallel per call (default: the CPU count, at most 4). */
  jobs?: number
  /** Scripts per process at most (default 100). */
  chunk?: number
  /** Wall-clock limit for one call, in ms (default 600 000): a last resort, see cpuSeconds. */
  timeoutMs?: number
  /** Address space per process, in bytes (default 4 GiB). */
  memoryBytes?: number
  /** CPU time per process, in seconds (default 60). */
  cpuSeconds?: number
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
  /**
   * The same without blocking: a pool of `jobs` asynchronous processes, each taking the next
   * batch of at most `chunk` scripts as soon as it is free. Meant for the whole run at once,
   * before linting (see prefetchShellcheck in src/rules/dockerfile/lib/shellcheck-prefetch.ts).
   */
  prefetchAsync(requests: ShellcheckRequest[]): Promise<void>
  /**
   * The same pool fed while the scripts are being found: a free process takes the next batch of
   * those added so far, so checking starts with the first file (src/cli/lint.ts runShellcheck).
   */
  session(onChecked?: (scripts: string[]) => void): ShellcheckSession
}

/** Codes hadolint never reports on RUN bodies (ash dialect note, sourced files). */
export const EXCLUDED_CODES = [2187, 1090, 1091]

const MAX_CACHE = 50_000
/**
 * ShellCheck 0.9 on the largest script the rule library hands it (see SHELLCHECK_LIMITS: 500
 * commands in chains of 200 using 500 names) peaks around 0.9 GB resident and 1.8 s of CPU;
 * 4 GiB of address space leaves room for GHC's own reservations and a full chunk.
 */
export const DEFAULT_MEMORY_BYTES = 4 * 1024 ** 3
/** CPU seconds per process: a full chunk of the corpus's scripts takes well under one. */
export const DEFAULT_CPU_SECONDS = 60
/** GHC's exit status when the heap cannot grow ("out of memory"). */
const GHC_OUT_OF_MEMORY = 251
/** Scripts below which a batch is not split over processes. */
const MIN_CHUNK = 24

/** Free space a memory-backed folder must have for the scripts to go there (`scratchBase`). */
export const SHM_MIN_FREE_BYTES = 256 * 1024 * 1024

/**
 * Where the scripts' folder is made: `/dev/shm` on Linux when TMPDIR is not set and it has
 * SHM_MIN_FREE_BYTES free (a container's default 64 MB does not), else the temporary folder.
 * Creating thousands of small files on a disk's file system was slow and uneven here (ext4,
 * mounted with `discard`: 3,204 scripts took 0.07-1.8 s to write, 0.56 ms a file in a corpus
 * run, on the thread that feeds the pool); in memory it takes ~30 ms. Over the corpus with
 * ShellCheck on Node 24, alternated, 3 runs each: 10.5-10.9 s → 9.3-9.8 s, system CPU 2.9-3.1 →
 * 1.1-1.3 s.
 */
export function scratchBase(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  shmFree: () => number = () => {
    const s = statfsSync('/dev/shm')
    return s.bavail * s.bsize
  }
): string {
  if (platform !== 'linux' || (env.TMPDIR !== undefined && env.TMPDIR !== '')) return tmpdir()
  try {
    return shmFree() >= SHM_MIN_FREE_BYTES ? '/dev/shm' : tmpdir()
  } catch {
    return tmpdir()
  }
}
const LEVELS = new Set(['error', 'warning', 'info', 'style'])

/**
 * Whether `binary` may be started: a path is left to the spawn; a bare name must be an executable
 * file in a folder of PATH (an empty entry is the current folder, as for execvp; PATHEXT on
 * Windows). Answering this without a spawn saves a process start (~1-3 ms) on every run of a
 * machine without ShellCheck.
 */
export function onPath(
  binary: string,
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform
): boolean {
  if (binary.includes('/') || binary.includes('\\')) return true
  const windows = platform === 'win32'
  const path = (windows ? (env.PATH ?? env.Path) : env.PATH) ?? ''
  const exts = windows ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : ['']
  for (const dir of path.split(windows ? ';' : ':')) {
    for (const ext of exts) {
      try {
        const file = join(dir || '.', binary + ext)
        accessSync(file, fsConstants.X_OK)
        if (statSync(file).isFile()) return true
      } catch {
        // not there
      }
    }
  }
  return false
}

/** `shellcheck --version` → `0.9.0`, or undefined when the binary is missing or unusable. */
export function shellcheckVersion(binary = 'shellcheck'): string | undefined {
  if (!onPath(binary)) return undefined
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
  const chunk = Math.max(1, options.chunk ?? 100)
  const run: RunOptions = {
    binary,
    args: ['-f', 'json1', '-e', EXCLUDED_CODES.join(',')],
    jobs,
    timeout: options.timeoutMs ?? 600_000,
    memoryBytes: options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
    cpuSeconds: options.cpuSeconds ?? DEFAULT_CPU_SECONDS
  }
  if (atLeast(version, [0, 7, 1])) run.args.push('--norc')
  const cache = options.cache === false ? undefined : new Map<string, ShellcheckResult>()

  /** Scripts not yet known, to a temporary folder as `<i>.sh`, in chunks for the processes. */
  const prepare = (scripts: string[]): { dir: string; chunks: string[][] } => {
    const dir = mkdtempSync(join(scratchBase(), 'docker-review-sc-'))
    scripts.forEach((s, i) => writeFileSync(join(dir, `${i}.sh`), s))
    const names = scripts.map((_, i) => `${i}.sh`)
    // Small batches (one Dockerfile's RUNs) go to one process: starting more costs more than
    // it saves. Large ones are spread over `jobs` processes of at most `chunk` scripts.
    const chunks: string[][] = []
    const size = Math.max(Math.min(chunk, Math.ceil(names.length / jobs)), MIN_CHUNK)
    for (let i = 0; i < names.length; i += size) chunks.push(names.slice(i, i + size))
    return { dir, chunks }
  }
  /** Each chunk's process result → an outcome per script; the scripts of failed chunks to retry. */
  const collect = (
    byName: Map<string, Outcome>,
    list: string[][],
    results: ProcessResult[]
  ): string[] => {
    const failed: string[] = []
    list.forEach((group, k) => {
      const r = results[k]
      if (r.failure !== undefined) {
        if (group.length > 1 && r.retry) failed.push(...group)
        else for (const name of group) byName.set(name, { notChecked: r.failure, keep: r.retry })
        return
      }
      const found = parseJson1(r.stdout)
      for (const name of group) byName.set(name, { comments: found.get(name) ?? [] })
    })
    return failed
  }
  const outcomes = (scripts: string[], byName: Map<string, Outcome>): Map<string, Outcome> =>
    new Map(scripts.map((s, i) => [s, byName.get(`${i}.sh`)!]))

  const runUncached = (scripts: string[]): Map<string, Outcome> => {
    if (scripts.length === 0) return new Map()
    const { dir, chunks } = prepare(scripts)
    try {
      const byName = new Map<string, Outcome>()
      const failed = collect(byName, chunks, runChunks(run, dir, chunks))
      // A failed process: each of its scripts alone, so only the culprit goes unchecked.
      if (failed.length > 0) {
        const singles = failed.map((name) => [name])
        collect(byName, singles, runChunks(run, dir, singles))
      }
      return outcomes(scripts, byName)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  const missingOf = (
    requests: ShellcheckRequest[],
    known: Map<string, ShellcheckResult>
  ): string[] => {
    const missing = new Set<string>()
    for (const r of requests) {
      const hit = cache?.get(r.script)
      if (hit) known.set(r.script, hit)
      else missing.add(r.script)
    }
    return [...missing]
  }
  const remember = (found: Map<string, Outcome>, known: Map<string, ShellcheckResult>): void => {
    for (const [script, outcome] of found) {
      const result: ShellcheckResult =
        outcome.notChecked !== undefined ? { notChecked: outcome.notChecked } : outcome.comments
      known.set(script, result)
      // A call cut short by the wall clock is not remembered: the next one may finish.
      if (cache && (outcome.notChecked === undefined || outcome.keep)) {
        if (cache.size >= MAX_CACHE) cache.clear()
        cache.set(script, result)
      }
    }
  }
  const resolve = (requests: ShellcheckRequest[]): Map<string, ShellcheckResult> => {
    const known = new Map<string, ShellcheckResult>()
    remember(runUncached(missingOf(requests, known)), known)
    return known
  }

  const fn = ((requests: ShellcheckRequest[]): ShellcheckResult[] => {
    const results = resolve(requests)
    return requests.map((r) => results.get(r.script) ?? [])
  }) as Shellcheck
  Object.defineProperty(fn, 'version', { value: version, enumerable: true })
  fn.prefetch = (requests) => {
    resolve(requests)
  }
  fn.session = (onChecked) => {
    const added = new Set<string>()
    const pool = openPool(run, chunk, (found) => {
      remember(found, new Map())
      onChecked?.([...found.keys()])
    })
    return {
      add(requests) {
        const fresh: string[] = []
        const known: string[] = []
        for (const { script } of requests) {
          if (added.has(script)) continue
          added.add(script)
          if (cache?.has(script)) known.push(script)
          else fresh.push(script)
        }
        if (known.length > 0) onChecked?.(known)
        if (fresh.length > 0) pool.add(fresh)
      },
      close: () => pool.close()
    }
  }
  fn.prefetchAsync = async (requests) => {
    const session = fn.session()
    session.add(requests)
    await session.close()
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

type Outcome =
  | { comments: ShellcheckComment[]; notChecked?: undefined }
  | { notChecked: string; keep: boolean; comments?: undefined }

interface RunOptions {
  binary: string
  args: string[]
  jobs: number
  timeout: number
  memoryBytes: number
  cpuSeconds: number
}

interface ProcessResult {
  stdout: string
  /** Why the process's scripts were not checked; undefined when it finished (status 0 or 1). */
  failure?: string
  /** The failure belongs to the scripts (memory, CPU, crash), not to a call cut short. */
  retry: boolean
}

const MIB = 1024 * 1024

/** Why a process that ended with `status` (the shell's `$?`) did not check its scripts. */
function failureOf(status: number, stderr: string, run: RunOptions): string {
  if (status === GHC_OUT_OF_MEMORY || /out of memory|heap overflow/i.test(stderr))
    return `ShellCheck ran out of memory (limit ${Math.round(run.memoryBytes / MIB)} MiB per process)`
  // SIGXCPU (24) at the soft CPU limit, SIGKILL (9) at the hard one.
  if (status === 128 + 24 || status === 128 + 9)
    return `ShellCheck used up its CPU time (limit ${run.cpuSeconds} s per process)`
  if (status > 128) return `ShellCheck was stopped by signal ${status - 128}`
  return `ShellCheck failed (exit ${status})`
}

function timedOut(run: RunOptions): string {
  return `ShellCheck did not finish within ${Math.round(run.timeout / 1000)} s`
}

function spawnFailed(error: Error): Error {
  return new Error(`shellcheck could not run: ${error.message}`, { cause: error })
}

/** A process that ended with `status` (the shell's `$?`) → its result; 126/127 throw. */
function resultOf(status: number, stdout: string, stderr: string, run: RunOptions): ProcessResult {
  if (status === 0 || status === 1) return { stdout, retry: false }
  // The binary itself cannot be run: not a matter of any script.
  if (process.platform !== 'win32' && (status === 126 || status === 127))
    throw new Error(`shellcheck could not run (exit ${status}): ${stderr.trim()}`)
  return { stdout: '', failure: failureOf(status, stderr, run), retry: true }
}

/** The memory and CPU limits, for `sh`; inherited by every process the shell starts. */
function limitsOf(run: RunOptions): string {
  return `ulimit -v ${Math.floor(run.memoryBytes / 1024)} 2>/dev/null; ulimit -t ${run.cpuSeconds} 2>/dev/null`
}

/** Calls of runChunks so far: names each call's control files. */
let calls = 0

/**
 * Run one process per chunk, `jobs` lanes in parallel, through `sh` so each runs under the memory
 * and CPU limits. Windows has neither `sh` nor these limits: its processes run one by one, as is.
 */
function runChunks(run: RunOptions, dir: string, chunks: string[][]): ProcessResult[] {
  if (process.platform === 'win32') {
    return chunks.map((names) => {
      const r = spawnSync(run.binary, [...run.args, ...names], {
        cwd: dir,
        encoding: 'utf8',
        timeout: run.timeout,
        maxBuffer: 256 * 1024 * 1024
      })
      if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT')
        throw spawnFailed(r.error)
      if (r.status === null) return { stdout: '', failure: timedOut(run), retry: false }
      return resultOf(r.status, r.stdout, r.stderr, run)
    })
  }
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`
  const command = [run.binary, ...run.args].map(quote).join(' ')
  // Its control files are named apart from those of an earlier call on the same folder (a retry).
  const p = `p${++calls}-`
  const lanes = Math.min(run.jobs, chunks.length)
  const check = (names: string, k: number | string): string =>
    `${command} ${names} >"${p}o${k}" 2>"${p}e${k}"; echo $? >"${p}r${k}"`
  let body: string
  if (lanes === 1) {
    // One lane (one Dockerfile's scripts, a retry of one script): its chunks in order.
    body = chunks.map((names, k) => check(names.join(' '), k)).join('\n')
  } else {
    // `jobs` lanes in parallel; each takes the next chunk no lane has claimed yet (`mkdir` is
    // atomic), so a lane that drew quick chunks does not sit idle behind a slow one.
    chunks.forEach((names, k) => writeFileSync(join(dir, `${p}c${k}`), names.join(' ')))
    const lane = [
      'k=0',
      `while [ $k -lt ${chunks.length} ]; do`,
      `  if mkdir "${p}l$k" 2>/dev/null; then ${check(`$(cat "${p}c$k")`, '$k')}; fi`,
      '  k=$((k+1))',
      'done'
    ].join('\n')
    body = Array.from({ length: lanes }, () => `(\n${lane}\n) &`).join('\n')
  }
  const script = `${limitsOf(run)}\n${body}\nwait\n`
  const r = spawnSync('/bin/sh', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    timeout: run.timeout
  })
  if (r.error && (r.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw spawnFailed(r.error)
  const read = (name: string): string | undefined =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : undefined
  return chunks.map((_, k) => {
    const status = Number.parseInt(read(`${p}r${k}`) ?? '', 10)
    if (Number.isNaN(status)) return { stdout: '', failure: timedOut(run), retry: false }
    return resultOf(status, read(`${p}o${k}`) ?? '', read(`${p}e${k}`) ?? '', run)
  })
}

/**
 * The same without blocking, fed as scripts are found: a pool of `jobs` asynchronous processes,
 * each taking the next batch of the scripts added so far as soon as it is free (no lane waits
 * behind a slow batch). While more may come a batch holds at least MIN_CHUNK scripts, so the first
 * scripts found do not start a process each; once the pool is closed, the rest is spread over the
 * processes. Each process runs under the memory and CPU limits (`sh` applies them, then `exec`s
 * ShellCheck); a batch whose process fails is run again one script at a time, so only the culprit
 * goes unchecked. At the deadline (`run.timeout` after opening) the processes still running are
 * killed and their scripts, like those not started, are not checked. `answer` hears each batch's
 * outcomes as it ends.
 */
function openPool(
  run: RunOptions,
  chunk: number,
  answer: (found: Map<string, Outcome>) => void
): { add(scripts: string[]): void; close(): Promise<void> } {
  let dir: string | undefined
  /** Every script added; script i is the file `<i>.sh`. */
  const scripts: string[] = []
  const pending: number[] = []
  /** Scripts of a failed batch, each to run alone. */
  const retries: number[] = []
  const running = new Set<ChildProcess>()
  let closed = false
  let expired = false
  let fatal: Error | undefined
  let scheduled = false
  let ended: { resolve: () => void; reject: (error: Error) => void } | undefined
  const timer = setTimeout(() => {
    expired = true
    for (const child of running) child.kill('SIGKILL')
    schedule()
  }, run.timeout)
  timer.unref()

  const name = (i: number): string => `${i}.sh`
  const give = (group: number[], outcome: (i: number) => Outcome): void => {
    try {
      answer(new Map(group.map((i) => [scripts[i], outcome(i)])))
    } catch (error) {
      fatal ??= error as Error
    }
  }
  const cutShort = (group: number[]): void =>
    give(group, () => ({ notChecked: timedOut(run), keep: false }))
  const settle = (group: number[], r: ProcessResult): void => {
    if (r.failure !== undefined) {
      if (group.length > 1 && r.retry) retries.push(...group)
      else give(group, () => ({ notChecked: r.failure!, keep: r.retry }))
      return
    }
    const found = parseJson1(r.stdout)
    give(group, (i) => ({ comments: found.get(name(i)) ?? [] }))
  }
  const take = (): number[] | undefined => {
    if (retries.length > 0) return [retries.shift()!]
    if (pending.length === 0 || (!closed && pending.length < Math.min(chunk, MIN_CHUNK))) return
    const size = closed
      ? Math.min(chunk, Math.max(MIN_CHUNK, Math.ceil(pending.length / run.jobs)))
      : chunk
    return pending.splice(0, size)
  }
  const launch = (group: number[]): void => {
    const names = group.map(name)
    const child =
      process.platform === 'win32'
        ? spawn(run.binary, [...run.args, ...names], { cwd: dir })
        : spawn(
            '/bin/sh',
            ['-c', `${limitsOf(run)}; exec "$0" "$@"`, run.binary, ...run.args, ...names],
            { cwd: dir }
          )
    running.add(child)
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    let settled = false
    const end = (result: () => ProcessResult | undefined): void => {
      if (settled) return
      settled = true
      running.delete(child)
      try {
        const r = result()
        if (r) settle(group, r)
        else cutShort(group)
      } catch (error) {
        fatal ??= error as Error
        cutShort(group)
      }
      pump()
    }
    child.on('error', (error) =>
      end(() => {
        throw spawnFailed(error)
      })
    )
    // Killed at the deadline: done now, even if a grandchild still holds its output open.
    child.on('exit', () => {
      if (expired) end(() => undefined)
    })
    child.on('close', (code, signal) =>
      end(() => {
        if (expired) return undefined
        const status = code ?? 128 + (signal ? constants.signals[signal] : 0)
        const text = (list: Buffer[]): string => Buffer.concat(list).toString('utf8')
        return resultOf(status, text(out), text(err), run)
      })
    )
  }
  const pump = (): void => {
    scheduled = false
    while (running.size < run.jobs) {
      const group = take()
      if (!group) break
      if (expired || fatal) cutShort(group)
      else launch(group)
    }
    if (!ended || running.size > 0 || pending.length > 0 || retries.length > 0) return
    clearTimeout(timer)
    if (dir) rmSync(dir, { recursive: true, force: true })
    const { resolve, reject } = ended
    if (fatal) reject(fatal)
    else resolve()
  }
  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    queueMicrotask(pump)
  }
  return {
    add(list) {
      if (closed) throw new Error('ShellCheck pool: scripts added after close')
      dir ??= mkdtempSync(join(scratchBase(), 'docker-review-sc-'))
      for (const script of list) {
        const i = scripts.push(script) - 1
        writeFileSync(join(dir, name(i)), script)
        pending.push(i)
      }
      schedule()
    },
    close() {
      closed = true
      return new Promise<void>((resolve, reject) => {
        ended = { resolve, reject }
        schedule()
      })
    }
  }
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
