import { availableParallelism } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { ConfigLayer, ConfigTexts, ResolvedConfig } from '../config/config.js'
import type { ShellcheckResult, Tools } from '../core/tools.js'
import { type Budget, type FileResult, type LintInput, type LintOptions } from '../lint/engine.js'
import { diskWorkspace } from '../io/workspace.js'
import { registry } from '../rules/index.js'
import { CliError } from './args.js'
import type { PieceJob, ReportPiece } from './lint.js'
import { LINT_WORKER } from './worker-data.js'

/**
 * `docker-review lint` over many files in a pool of worker threads (issue 16).
 *
 * Every file is linted on its own — the engine is a pure function of the file, the configuration
 * and the disk — so which worker lints which file cannot change a result: the main thread reads
 * and decodes the files, hands them out in chunks of consecutive files to whichever worker is
 * free, and puts the results back in input order; the output is byte for byte that of a run in
 * one thread. A worker has its own young generation, capped (Node 24's default semi-space made
 * the one-thread corpus run peak at 360-460 MB), and its own workspace view, ShellCheck runner and
 * code cache.
 *
 * The report is never made from the results in the main thread: on Node 24 its young generation,
 * which no code can cap, grew to 134 MB making it. In JSON and the terminal's format each worker
 * makes the piece of the report of each chunk it lints (reportPiece in src/cli/lint.ts), sent as
 * UTF-8 bytes, and the main thread writes the pieces out in order: no thread ever holds every
 * result. Over the corpus on Node 24 this took the peak RSS from 284-333 MB to 228-240 MB (the
 * worker that made the report from every result, started at the end, set the peak). The other
 * formats sort or number across files (SARIF's rule indexes, GitHub's annotations by severity):
 * their results travel serialized (v8.serialize, the structured clone of postMessage), stay off
 * the main thread's heap, and a worker of its own makes the report from all of them.
 *
 * No file is dropped and no result depends on the pool: a worker that dies (out of memory — its
 * old generation is capped too —, a crash) says so on stderr, and the files of the chunk it was
 * linting go again one per worker; a file that a worker dies on alone is linted in the main
 * thread, exactly as without workers (and a file that exhausts the main thread's memory ends the
 * run as it did without workers). After MAX_FAILED_WORKERS deaths in a row, all the rest is
 * linted in the main thread; a report whose worker dies is made there too.
 */

/** Where workers come from: the bundle's entry (src/cli/index.ts), which serves them. */
export interface LintWorkers {
  /** The script a worker runs: the bundle's `index.js`. */
  entry: string
  /** Called once a run uses workers. */
  used?: () => void
  /** What the run does (`dockerfile`, `compose`, `shellcheck`): the code cache keeps it. */
  did?: (work: string) => void
}

/** What a worker needs to lint as the main thread would (structured-clone data only). */
export interface WorkerSetup {
  cwd: string
  config: ConfigTexts
  /** The command line's configuration layer, on top of the files'. */
  cli: ConfigLayer
  budgetMs: number
  /** Run ShellCheck (the main thread found it on PATH and the configuration wants it). */
  shellcheck: boolean
  /**
   * When the format is made in pieces (reportPiece in src/cli/lint.ts): a worker answers each
   * chunk with its piece of the report instead of its results.
   */
  report?: PieceJob
}

/** The report of a run: what goes to stdout and stderr, and the exit code. */
export interface Rendered {
  /**
   * Text, or its UTF-8 bytes when a worker made it: moved to the main thread, not copied (a string
   * is copied twice on the way, and written out it is encoded once more: over the corpus's 9 MB
   * JSON report the copies set the run's peak memory), or texts and bytes to write one after the
   * other (a report joined from pieces, joinReport in src/cli/lint.ts).
   */
  stdout: string | Uint8Array | ReadonlyArray<string | Uint8Array>
  stderr: string
  code: number
}

/** What the report needs besides the results (src/cli/lint.ts reportResults), as data. */
export interface RenderJob {
  /** Files of the run. */
  total: number
  /** The `lint` command line (its format and options). */
  argv: string[]
  /** Problems found before linting (unreadable files…). */
  errors: Array<{ file: string; message: string }>
  /** Each file's text, for the formats that quote or fingerprint it. */
  texts: Array<[string, string]>
  env: Record<string, string | undefined>
  isTTY: boolean
}

/** Results of some files, serialized (v8.serialize: structured clone, off the heap until read). */
export interface Part {
  /** Indexes into the inputs, in the order of the serialized results. */
  files: number[]
  data: Uint8Array
}

/**
 * ShellCheck for a run in workers, in the main thread: every distinct script of the run checked
 * through one pool of processes (src/tools/shellcheck.ts session), fed file by file as the scripts
 * are found, and each chunk goes to a worker with the results of its scripts once they are all in.
 * Measured over the corpus, a prefetch per worker and chunk took 26-47 s against 21-36 s in one
 * thread (alternated, under load): more ShellCheck processes, and the scripts two workers share
 * checked twice. Checking everything before linting anything left cores idle while the scripts
 * were found and while the last chunks were linted (see runShellcheck in src/cli/lint.ts).
 */
export interface RunShellcheck {
  /** Whether every script of these files (indexes into the inputs) is answered. */
  ready(files: number[]): boolean
  /** Call `listener` whenever more files may be ready. */
  onProgress(listener: () => void): void
  /** Resolves once every script of the run is answered; rejects when ShellCheck cannot run. */
  done: Promise<void>
  /** The results for the scripts of these files (indexes into the inputs). */
  resultsOf(files: number[]): Array<[string, ShellcheckResult]>
}

/** Main thread → worker: a chunk to lint, the report to make, scripts to find, or null: no more. */
export type ToWorker =
  | { chunk: number; inputs: LintInput[]; shellcheck?: Array<[string, ShellcheckResult]> }
  | { render: RenderJob; parts: Part[] }
  | { scriptsOf: LintInput[] }
  | null
/**
 * Worker → main thread: a chunk's results (serialized FileResult[], in its order), the report, or
 * the ShellCheck scripts of the next few files (in their order).
 */
export type FromWorker =
  | { chunk: number; data: Uint8Array }
  | { chunk: number; piece: ReportPiece }
  | { rendered: Rendered }
  | { scripts: string[][] }

/** Files whose scripts a worker finds before it hands them over (findScriptsInWorker). */
export const FILES_PER_MESSAGE = 8

/**
 * Find the ShellCheck scripts of `inputs` (src/rules/dockerfile/lib/shellcheck-prefetch.ts) in
 * `worker`, the run's first lint worker, before it lints anything (the chunks it is given wait in
 * its queue), handing each file's scripts to `found` in order as they come. Found in the main
 * thread, whose young generation no code can cap, they took a Node 24 run of the corpus with
 * ShellCheck to 440-530 MB; in a worker of their own, a third isolate, to 275-285 MB. Resolves
 * with the number of files done: all of them, or fewer when the worker died (the caller finds the
 * rest itself).
 */
export function findScriptsInWorker(
  worker: Worker,
  inputs: readonly LintInput[],
  found: (scripts: string[]) => void
): Promise<number> {
  return new Promise((resolve) => {
    let done = 0
    const finish = (): void => {
      worker.off('message', onMessage)
      worker.off('exit', finish)
      resolve(Math.min(done, inputs.length))
    }
    const onMessage = (message: FromWorker): void => {
      if (!('scripts' in message)) return
      for (const scripts of message.scripts) {
        if (done < inputs.length) found(scripts)
        done++
      }
      if (done >= inputs.length) finish()
    }
    worker.on('message', onMessage)
    // Its death is the pool's to handle; whatever it did not find, the caller finds.
    worker.on('exit', finish)
    worker.postMessage({ scriptsOf: [...inputs] } satisfies ToWorker)
  })
}

/** The lint options of a run, the same in the main thread and in every worker. */
export function lintOptions(run: {
  cwd: string
  config: ResolvedConfig
  tools: Tools
  budget: Budget
  afterFile?: () => void
}): LintOptions {
  return {
    registry,
    config: run.config,
    workspace: diskWorkspace(run.cwd),
    tools: run.tools,
    budget: run.budget,
    afterFile: run.afterFile
  }
}

/**
 * Below this much text (UTF-16 code units, all files together) a run lints in its own thread. A
 * worker costs ~0.2-0.3 s before it is up to speed (its isolate loads the bundle from the code
 * cache, then compiles its hot code again); what it saves is garbage collection, which grows with
 * the work. Measured on 2 cores, one worker against none, wall time (Node 20): 355 small corpus
 * files (0.85 M characters) 1.46 vs 1.23 s; 600 files (1.7 M) 3.2 vs 3.5 s; 1,000 files (2.85 M)
 * 4.4-4.7 vs 5.2 s. A pre-commit run of a few files never pays for one.
 */
export const MIN_TEXT_FOR_WORKERS = 1_250_000

/**
 * Each worker's heap, MB. Both generations are capped; measured over the 2,114 corpus Dockerfiles
 * with two workers (Node 20, peak RSS of the process): young generation at 16 MB and the old one
 * uncapped, 470 MB (each worker's old generation grew to 130-230 MB before its first full
 * collection); old capped at 64 / 96 / 128 / 192 MB, 270-280 MB, and less CPU than pacing
 * (src/io/heap.ts) at a 16 MB step (275 MB, +15 % CPU) or 8 MB (245 MB, +25 %). With one worker
 * (workerCount), two runs each, Node 20 / Node 24 peak RSS and CPU: old at 128 MB 246-271 /
 * 383-391 MB, 10.1-10.5 / 7.9-8.0 s; 96 MB 250-263 / 365-374 MB, 10.4-11.4 / 7.6-8.7 s; 64 MB
 * 229-234 / 333-341 MB, 11.4-11.7 / 8.2-9.0 s (one thread: 206 / 373 MB, 12.3 / 9.6 s). A worker's
 * live heap is ~35-40 MB; a file or a report that needs more than the cap is made again in the
 * main thread (lintInWorkers), so the cap bounds memory, never a result.
 */
export const WORKER_YOUNG_MB = 16
export const WORKER_OLD_MB = 64
/** The worker that makes the report may use this many times a linting worker's old generation. */
export const RENDER_OLD_FACTOR = 4

/** The resource limits of each worker: `DOCKER_REVIEW_WORKER_MEMORY_MB` sets the old generation's. */
export function workerLimits(env: Record<string, string | undefined>): ResourceLimits {
  const given = env.DOCKER_REVIEW_WORKER_MEMORY_MB
  if (given !== undefined && given !== '' && !/^[1-9]\d*$/.test(given)) {
    throw new CliError(`DOCKER_REVIEW_WORKER_MEMORY_MB must be a number of MB, not '${given}'`)
  }
  return {
    maxYoungGenerationSizeMb: WORKER_YOUNG_MB,
    maxOldGenerationSizeMb: given ? Number(given) : WORKER_OLD_MB
  }
}

/** Consecutive workers dying without finishing a chunk before the pool gives up. */
export const MAX_FAILED_WORKERS = 3

/**
 * How many workers lint `files` files of `chars` characters in all: `DOCKER_REVIEW_WORKERS` when
 * set (0: none, in this thread); else none below MIN_TEXT_FOR_WORKERS, and one per core but one
 * (at least one) above. Not one per core: one thread linting already keeps ~1.7 of 2 cores busy
 * (V8 collects and compiles on other threads). Over the 2,114 corpus Dockerfiles on 2 cores,
 * alternated, three runs each (load 3.4-4.5), wall / CPU / peak RSS:
 * - Node 20: one thread 7.7-8.8 s / 13.5-15.4 s / 205-211 MB; one worker 6.8-7.4 s / 11.4-12.4 s /
 *   255-269 MB; two workers 7.2-8.1 s / 13.7-15.7 s / 292-299 MB;
 * - Node 24: one thread 6.5-6.9 s / 10.7-11.3 s / 373-430 MB; one worker 5.2-6.2 s / 8.4-9.9 s /
 *   359-413 MB; two workers 5.6-6.2 s / 10.5-11.6 s / 427-444 MB.
 */
export function workerCount(
  env: Record<string, string | undefined>,
  files: number,
  chars: number
): number {
  const given = env.DOCKER_REVIEW_WORKERS
  if (given !== undefined && given !== '') {
    if (!/^\d+$/.test(given)) {
      throw new CliError(
        `DOCKER_REVIEW_WORKERS must be a number of workers (0: none), not '${given}'`
      )
    }
    return Math.min(Number(given), files)
  }
  if (files < 2 || chars < MIN_TEXT_FOR_WORKERS) return 0
  return Math.min(Math.max(1, availableParallelism() - 1), files)
}

/** Consecutive files per chunk: several chunks per worker, so a slow one does not hold the rest. */
export function chunkSize(files: number, workers: number): number {
  return Math.max(1, Math.min(64, Math.ceil(files / (workers * 8))))
}

interface Chunk {
  /** Indexes into the inputs. */
  files: number[]
}

/** Why a worker stopped, for the note on stderr. */
function stopReason(error: Error | undefined, code: number, limits: ResourceLimits): string {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const cap = limits.maxOldGenerationSizeMb
    return `ran out of memory${cap ? ` (limit ${cap} MB)` : ''}`
  }
  if (error) return `crashed (${error.message.split('\n')[0]})`
  return `stopped (exit code ${code})`
}

/** Put serialized parts back into one list of results in input order. */
export function joinParts(parts: readonly Part[], total: number): FileResult[] {
  const results = new Array<FileResult>(total)
  for (const part of parts) {
    const found = deserialize(part.data) as FileResult[]
    part.files.forEach((index, k) => (results[index] = found[k]))
  }
  return results
}

/** This thread's own way to lint and report: for the files and the report no worker could make. */
export interface InProcess {
  lint(inputs: LintInput[]): FileResult[]
  render(results: FileResult[]): Rendered
  /** The piece of the report of these files (when `setup.report`: the format is made in pieces). */
  piece(inputs: LintInput[], results: FileResult[]): ReportPiece
  /** The report from the pieces of every file, in order. */
  join(pieces: ReportPiece[]): Rendered
  /** A note for stderr (a worker that died). */
  warn(text: string): void
}

/**
 * Lint `inputs` in `pool.count` workers and make the report: from the pieces the workers made with
 * each chunk when the format is made in pieces (`setup.report`), else in a worker of its own.
 * `done(n)`: n more files done (the progress line).
 */
export function lintInWorkers(
  inputs: readonly LintInput[],
  pool: {
    workers: LintWorkers
    count: number
    setup: WorkerSetup
    resourceLimits: ResourceLimits
    shellcheck?: RunShellcheck
    /** Given the first worker, before its first chunk (findScriptsInWorker). */
    first?: (worker: Worker) => void
  },
  job: RenderJob,
  here: InProcess,
  done: (files: number) => void
): Promise<Rendered> {
  const size = chunkSize(inputs.length, pool.count)
  const queue: Chunk[] = []
  for (let i = 0; i < inputs.length; i += size) {
    queue.push({ files: inputs.slice(i, i + size).map((_, k) => i + k) })
  }
  const parts: Part[] = []
  /** The pieces of the report, when it is made in pieces: the first file of each, and the piece. */
  const pieces: Array<[number, ReportPiece]> = []
  /** Files a worker died on alone: linted in this thread. */
  const leftOver: number[] = []
  const idle: Worker[] = []
  /** Workers waiting for ShellCheck, and how each takes its next chunk. */
  const waiting = new Map<Worker, () => void>()
  let busy = 0
  let running = 0
  let failedInARow = 0
  let rendering = false
  pool.workers.used?.()

  return new Promise<Rendered>((resolve, reject) => {
    const guard =
      <A extends unknown[]>(body: (...args: A) => void) =>
      (...args: A): void => {
        try {
          body(...args)
        } catch (error) {
          reject(error as Error)
        }
      }
    /** Every file is linted: the rest in this thread, then the report (joined, or in a worker). */
    const lintedAll = (): void => {
      if (leftOver.length > 0) {
        const files = leftOver.splice(0).sort((a, b) => a - b)
        if (pool.setup.report) {
          // A piece per file: the files left over need not be consecutive.
          for (const index of files) {
            const input = [inputs[index]]
            pieces.push([index, here.piece(input, here.lint(input))])
          }
        } else parts.push({ files, data: serialize(here.lint(files.map((i) => inputs[i]))) })
        done(files.length)
      }
      for (const worker of [...idle.splice(0), ...waiting.keys()]) {
        worker.postMessage(null satisfies ToWorker)
      }
      waiting.clear()
      rendering = true
      if (pool.setup.report) {
        resolve(here.join(pieces.sort((a, b) => a[0] - b[0]).map(([, piece]) => piece)))
      } else renderIn(pool.workers.entry)
    }
    /**
     * The report, in a worker of its own with more room than a linting one (RENDER_OLD_FACTOR):
     * over the corpus with ShellCheck, a linting worker at 64 MB ran out of memory making it.
     */
    const renderIn = (entry: string): void => {
      const limits = {
        ...pool.resourceLimits,
        maxOldGenerationSizeMb:
          (pool.resourceLimits.maxOldGenerationSizeMb ?? WORKER_OLD_MB) * RENDER_OLD_FACTOR
      }
      const worker = new Worker(entry, {
        workerData: { [LINT_WORKER]: pool.setup },
        resourceLimits: limits
      })
      let failure: Error | undefined
      let rendered = false
      worker.on(
        'message',
        guard((message: FromWorker) => {
          if (!('rendered' in message)) return
          rendered = true
          worker.postMessage(null satisfies ToWorker)
          resolve(message.rendered)
        })
      )
      worker.on('error', (error) => (failure = error))
      worker.on(
        'exit',
        guard((code: number) => {
          if (rendered) return
          here.warn(
            `the worker making the report ${stopReason(failure, code, limits)}; it was made in the main thread`
          )
          resolve(here.render(joinParts(parts, job.total)))
        })
      )
      worker.postMessage({ render: job, parts } satisfies ToWorker)
    }
    /**
     * The first chunk whose ShellCheck results are all in; when chunks are left but none is ready,
     * the worker waits (`resume`, called again as ShellCheck moves on).
     */
    const next = (worker: Worker, resume: () => void): Chunk | undefined => {
      const sc = pool.shellcheck
      const at = sc ? queue.findIndex((c) => sc.ready(c.files)) : 0
      if (queue.length > 0 && at < 0) {
        waiting.set(worker, resume)
        return undefined
      }
      const chunk = queue.splice(at, 1)[0] as Chunk | undefined
      if (chunk) {
        busy++
        worker.postMessage({
          chunk: chunk.files[0],
          inputs: chunk.files.map((i) => inputs[i]),
          shellcheck: pool.shellcheck?.resultsOf(chunk.files)
        } satisfies ToWorker)
      } else {
        idle.push(worker)
        if (busy === 0 && !rendering) lintedAll()
      }
      return chunk
    }
    const spawn = (): void => {
      const worker = new Worker(pool.workers.entry, {
        workerData: { [LINT_WORKER]: pool.setup },
        resourceLimits: pool.resourceLimits
      })
      running++
      if (pool.first) {
        pool.first(worker)
        pool.first = undefined
      }
      let current: Chunk | undefined
      const assign = (): void => {
        current = next(worker, assign)
      }
      assign()
      let failure: Error | undefined
      worker.on(
        'message',
        guard((message: FromWorker) => {
          if (!('chunk' in message)) return
          if (!current || message.chunk !== current.files[0]) return
          if ('piece' in message) pieces.push([message.chunk, message.piece])
          else parts.push({ files: current.files, data: message.data })
          done(current.files.length)
          busy--
          failedInARow = 0
          assign()
        })
      )
      worker.on('error', (error) => (failure = error))
      worker.on(
        'exit',
        guard((code: number) => {
          running--
          const waited = waiting.delete(worker)
          const idleAt = idle.indexOf(worker)
          if (idleAt >= 0) idle.splice(idleAt, 1)
          if (!current && !waited) return
          failedInARow++
          const reason = stopReason(failure, code, pool.resourceLimits)
          if (!current) {
            // It died waiting for ShellCheck, holding no files.
            here.warn(`a lint worker ${reason}`)
          } else {
            busy--
            here.warn(`a lint worker ${reason}; its files are linted again`)
            // Again one file per worker, so only a file that a worker dies on alone is left to
            // this thread; after MAX_FAILED_WORKERS deaths in a row, all the rest is.
            if (current.files.length === 1) leftOver.push(current.files[0])
            else queue.unshift(...current.files.map((index) => ({ files: [index] })))
            current = undefined
          }
          if (failedInARow >= MAX_FAILED_WORKERS) {
            for (const chunk of queue.splice(0)) leftOver.push(...chunk.files)
          }
          if (queue.length > 0 && running < pool.count) spawn()
          else if (busy === 0 && !rendering) lintedAll()
        })
      )
    }
    const start = (): void => {
      for (let k = 0; k < Math.min(pool.count, queue.length); k++) spawn()
      if (queue.length === 0 && running === 0) lintedAll()
    }
    if (pool.shellcheck) {
      pool.shellcheck.onProgress(
        guard(() => {
          const resumes = [...waiting.values()]
          waiting.clear()
          for (const resume of resumes) resume()
        })
      )
      pool.shellcheck.done.catch(reject)
    }
    start()
  })
}
