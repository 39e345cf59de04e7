import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { Worker } from 'node:worker_threads'
import { basename, join, resolve } from 'node:path'
import { isMap, parseDocument } from 'yaml'
import {
  DEFAULT_FILE_BUDGET_MS,
  lintFiles,
  type Budget,
  type FileResult,
  type LintInput
} from '../lint/engine.js'
import { fixUntilStable } from '../core/fixes.js'
import { reaches } from '../core/severity.js'
import type { ShellcheckFn, Tools } from '../core/tools.js'
import type { Finding } from '../core/types.js'
import {
  configFromTexts,
  HADOLINT_CONFIG_FILES,
  OWN_CONFIG_FILES,
  type ConfigLayer,
  type ConfigTexts,
  type ResolvedConfig
} from '../config/config.js'
import { detectKind } from '../detect.js'
import { joinJsonPieces, jsonPiece, toJsonReport, type JsonPiece } from '../format/json.js'
import { fingerprintsOf, toSarif } from '../format/sarif.js'
import { annotationCommand, annotationCommands } from '../format/github.js'
import { toGitlab } from '../format/gitlab.js'
import { toCheckstyle } from '../format/checkstyle.js'
import { toRdjson } from '../format/rdjson.js'
import {
  formatTty,
  joinTtyPieces,
  ttyPiece,
  type TtyOptions,
  type TtyTally
} from '../format/tty.js'
import { inlineBars, policyOf, reviewPolicy } from '../review/policy.js'
import hadolintSchema from '../config/hadolint.schema.json' with { type: 'json' }
import ownSchema from '../config/docker-review.schema.json' with { type: 'json' }
import { heapPacer } from '../io/heap.js'
import { decodeSource, encodeSource, type Source } from '../io/source.js'
import { registry } from '../rules/index.js'
import { shellcheckRequests } from '../rules/dockerfile/lib/shellcheck-prefetch.js'
import { VERSION } from '../version.js'
import { collectTargets } from './files.js'
import { CliError, LINT_USAGE, parseLintArgs, type Format } from './args.js'
import { sniffKind } from './sniff.js'
import {
  findScriptsInWorker,
  lintInWorkers,
  lintOptions,
  workerCount,
  workerLimits,
  type InProcess,
  type LintWorkers,
  type RenderJob,
  type RunShellcheck,
  type Rendered
} from './pool.js'
import { progressLine, useColor, type Progress } from './terminal.js'

export interface LintIO {
  cwd: string
  env: Record<string, string | undefined>
  /** Text, or UTF-8 bytes (a report made in a worker comes as bytes). */
  stdout(text: string | Uint8Array): void
  stderr(text: string): void
  isTTY: boolean
  /** Is stderr a terminal (the progress line)? Default false. */
  stderrIsTTY?: boolean
  /** The whole standard input, for `lint -` (default: read file descriptor 0). */
  readStdin?: () => Buffer
  /** Milliseconds on a monotonic clock, for the progress line (default performance.now). */
  clock?: () => number
  /** External tools (ShellCheck), created by the entry point. */
  tools: () => Tools
  /** Time budget per file (default DEFAULT_FILE_BUDGET_MS on the process clock). */
  budget?: Budget
  /** Worker threads for runs of many files (the bundle's entry); none: every file in this thread. */
  workers?: LintWorkers
}

type Problem = { file: string; message: string }

/** Why a file could not be read, in a few words (no stack, no errno noise). */
function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}

const keysOf = (schema: { properties: object }): Set<string> =>
  new Set(Object.keys(schema.properties))
const HADOLINT_KEYS = keysOf(hadolintSchema)
const OWN_KEYS = keysOf(ownSchema)

/**
 * Which format an explicit --config file is in: by name (`*hadolint*` / `*docker-review*`), else
 * by its top-level keys (the two schemas share none). Parsing proper is config.ts's.
 */
export function configFormat(file: string, text: string): 'own' | 'hadolint' {
  const name = basename(file).toLowerCase()
  if (name.includes('hadolint')) return 'hadolint'
  if (name.includes('docker-review')) return 'own'
  const doc = parseDocument(text)
  if (doc.errors.length > 0 || !isMap(doc.contents)) return 'own'
  const keys = doc.contents.items.map((pair) => String((pair.key as { value?: unknown })?.value))
  return keys.some((k) => HADOLINT_KEYS.has(k)) && !keys.some((k) => OWN_KEYS.has(k))
    ? 'hadolint'
    : 'own'
}

function readConfig(cwd: string, explicit: string | undefined): ConfigTexts {
  if (explicit !== undefined) {
    let text: string
    try {
      text = readFileSync(resolve(cwd, explicit), 'utf8')
    } catch (error) {
      throw new CliError(`cannot read config file ${explicit}: ${readFailure(error)}`)
    }
    const file = { file: explicit, text }
    return configFormat(explicit, text) === 'hadolint' ? { hadolint: file } : { own: file }
  }
  const read = (file: string): { file: string; text: string } => {
    try {
      return { file, text: readFileSync(join(cwd, file), 'utf8') }
    } catch (error) {
      throw new CliError(`cannot read config file ${file}: ${readFailure(error)}`)
    }
  }
  const own = OWN_CONFIG_FILES.find((f) => existsSync(join(cwd, f)))
  const hadolint = HADOLINT_CONFIG_FILES.find((f) => existsSync(join(cwd, f)))
  return { own: own ? read(own) : undefined, hadolint: hadolint ? read(hadolint) : undefined }
}

/**
 * `docker-review lint`: returns the exit code — a promise when the files were linted in worker
 * threads (io.workers, src/cli/pool.ts).
 */
export function runLint(
  argv: string[],
  io: LintIO & { workers: LintWorkers }
): number | Promise<number>
export function runLint(argv: string[], io: LintIO): number
export function runLint(argv: string[], io: LintIO): number | Promise<number> {
  const clock = io.clock ?? (() => performance.now())
  const started = clock()
  const args = parseLintArgs(argv)
  if (args.help) {
    io.stdout(LINT_USAGE)
    return 0
  }
  const cli: ConfigLayer = { source: 'command line' }
  if (args.failOn) cli.failOn = args.failOn
  if (args.enableAll) cli.all = true
  const configTexts = readConfig(io.cwd, args.config)
  const config: ResolvedConfig = configFromTexts(configTexts, registry, [cli])

  const collected = collectTargets(args.paths, {
    cwd: io.cwd,
    detect: detectKind,
    forceKind: args.kind,
    ignorePaths: config.ignorePaths,
    stdinFilename: args.stdinFilename
  })
  if (collected.missing.length > 0) {
    throw new CliError(`no such file or directory: ${collected.missing.join(', ')}`)
  }
  const errors: Problem[] = [...collected.errors]
  const sources = new Map<string, Source>()
  const inputs: LintInput[] = []
  const fullPath = new Map<string, string>()
  const unknown: string[] = []
  for (const target of collected.targets) {
    let bytes: Buffer
    try {
      bytes = target.full === undefined ? readStdin(io) : readFileSync(target.full)
    } catch (error) {
      errors.push({ file: target.path, message: `cannot read: ${readFailure(error)}` })
      continue
    }
    const decoded = decodeSource(bytes)
    if (!decoded.ok) {
      // As in the action: a file of a known kind that cannot be linted is a finding (DR0001 /
      // DC0004, error), so the verdict and every format show it like any other.
      if (target.kind) {
        inputs.push({ path: target.path, kind: target.kind, text: '', notChecked: decoded.reason })
      } else errors.push({ file: target.path, message: decoded.reason })
      continue
    }
    const kind = target.kind ?? sniffKind(decoded.source.text)
    if (!kind) {
      unknown.push(target.path)
      continue
    }
    if (decoded.warning) errors.push({ file: target.path, message: decoded.warning })
    sources.set(target.path, decoded.source)
    if (target.full !== undefined) fullPath.set(target.path, target.full)
    inputs.push({ path: target.path, kind, text: decoded.source.text })
  }
  if (unknown.length > 0) {
    throw new CliError(
      `cannot tell whether ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} a Dockerfile or a compose file: use --kind dockerfile|compose`
    )
  }

  // ShellCheck reads RUN scripts: a run of compose files alone does not look for it.
  const wantsShellcheck = config.settings.shellcheck && inputs.some((i) => i.kind === 'dockerfile')
  const tools = wantsShellcheck ? io.tools() : {}
  for (const kind of new Set(inputs.map((i) => i.kind))) io.workers?.did?.(kind)
  if (tools.shellcheck) io.workers?.did?.('shellcheck')
  if (wantsShellcheck && !tools.shellcheck) {
    io.stderr(
      'docker-review: shellcheck (>= 0.7) not found on PATH: ShellCheck (SC) checks of RUN were skipped.\n'
    )
  }
  const progress = (verb: string): Progress =>
    progressLine({
      enabled: io.stderrIsTTY === true,
      write: io.stderr,
      now: clock,
      started,
      verb,
      total: inputs.length
    })
  let ticking: Progress | undefined
  // The default 32 MB step, chosen by measurement over the 2,114 corpus Dockerfiles (issue 16):
  // Node 20 peaks at 340 MB without pacing, 262 / 228 / 207 MB at 64 / 32 / 16 MB for +11 / +32 /
  // +63 % CPU; on Node 24 the young generation, not the old one, sets the peak (547 MB without
  // pacing, 316-329 MB at 16-32 MB; `--max-semi-space-size=8`, a start-up flag, gives 214 MB).
  const pacer = heapPacer()
  const budget = io.budget ?? { ms: DEFAULT_FILE_BUDGET_MS, now: () => performance.now() }
  const options = lintOptions({
    cwd: io.cwd,
    config,
    tools,
    budget,
    afterFile: () => {
      pacer()
      ticking?.tick()
    }
  })
  const lintAll = (batch: LintInput[]): FileResult[] => {
    ticking = progress('linting')
    try {
      return lintFiles(batch, options)
    } finally {
      ticking.done()
      ticking = undefined
    }
  }
  const job = (): RenderJob => ({
    total: inputs.length,
    argv,
    errors,
    // The JSON report quotes no text: none is copied to the worker that makes it.
    texts: args.format === 'json' ? [] : [...sources].map(([path, source]) => [path, source.text]),
    env: io.env,
    isTTY: io.isTTY
  })
  const report = (rendered: Rendered): number => {
    if (rendered.stderr) io.stderr(rendered.stderr)
    if (typeof rendered.stdout === 'string' || rendered.stdout instanceof Uint8Array)
      io.stdout(rendered.stdout)
    else for (const part of rendered.stdout) io.stdout(part)
    return rendered.code
  }

  const workers =
    io.workers && !args.fix ? workerCount(io.env, inputs.length, textLength(inputs)) : 0
  if (io.workers && workers > 0) {
    const line = progress('linting')
    const pieceJob: PieceJob = { argv, env: io.env, isTTY: io.isTTY }
    const pool = {
      workers: io.workers,
      count: workers,
      setup: {
        cwd: io.cwd,
        config: configTexts,
        cli,
        budgetMs: budget.ms,
        shellcheck: tools.shellcheck !== undefined,
        ...(PIECE_FORMATS.has(args.format) ? { report: pieceJob } : {})
      },
      resourceLimits: workerLimits(io.env),
      shellcheck: undefined as RunShellcheck | undefined,
      first: undefined as ((worker: Worker) => void) | undefined
    }
    if (tools.shellcheck) {
      // The first lint worker finds the scripts before it lints: nothing can be linted before
      // ShellCheck answers the first scripts anyway.
      const first = new Promise<Worker>((resolve) => (pool.first = resolve))
      pool.shellcheck = runShellcheck(inputs, tools.shellcheck, pacer, (found) =>
        first.then((worker) => findScriptsInWorker(worker, inputs, found))
      )
    }
    const here: InProcess = {
      lint: (batch) => lintFiles(batch, options),
      render: (results) => renderReport(results, config, job()),
      piece: (batch, results) => {
        const piece = reportPiece(results, config, pieceJob, textsOf(batch))
        if (!piece) throw new Error(`no pieces for the format ${args.format}`)
        return piece
      },
      join: (pieces) => joinReport(pieces, config, job()),
      warn: (text) => io.stderr(`docker-review: ${text}\n`)
    }
    const tick = (files: number): void => {
      for (let k = 0; k < files; k++) line.tick()
    }
    return lintInWorkers(inputs, pool, job(), here, tick).then((rendered) => {
      line.done()
      return report(rendered)
    })
  }

  // Every script of the run checked at once over every core, before linting asks file by file.
  if (tools.shellcheck?.prefetch) tools.shellcheck.prefetch(shellcheckRequests(inputs, pacer))
  let results = lintAll(inputs)

  if (args.fix) {
    const fixing = progress('fixing')
    const fixedInputs = inputs.map((input) => {
      const result = fixUntilStable(
        input.text,
        (text) => lintFiles([{ ...input, text }], options)[0].findings,
        (f) => f.fix !== undefined && (f.fix.safe || args.fixUnsafe)
      )
      if (result.text !== input.text) {
        const source = { ...sources.get(input.path)!, text: result.text }
        writeFileSync(fullPath.get(input.path)!, encodeSource(source))
        sources.set(input.path, source)
      }
      fixing.tick()
      return { ...input, text: result.text }
    })
    fixing.done()
    results = lintAll(fixedInputs)
  }
  return report(renderReport(results, config, job()))
}

/**
 * The report of a run and its exit code, from data only: the main thread makes it, or a lint
 * worker (src/cli/pool.ts).
 */
export function renderReport(
  results: FileResult[],
  config: ResolvedConfig,
  job: RenderJob
): Rendered {
  const args = parseLintArgs(job.argv)
  const { errors } = job
  const problems = [
    ...errors,
    ...results.flatMap((r) => r.errors.map((message) => ({ file: r.path, message })))
  ]
  const texts = new Map(job.texts)
  const review = reviewOf(config)
  let stderr = ''
  const stdout = render(
    results,
    args.format,
    { errors, problems, texts, color: args.color, review, preview: args.review },
    { env: job.env, isTTY: job.isTTY, stderr: (text) => (stderr += text) }
  )
  const failing = results.some((r) => r.findings.some((f) => reaches(f.severity, config.failOn)))
  const broken = config.failOn !== 'none' && problems.length > 0
  return { stdout, stderr, code: failing || broken ? 1 : 0 }
}

/** The formats whose report can be made a few files at a time (reportPiece). */
export const PIECE_FORMATS: ReadonlySet<Format> = new Set<Format>(['json', 'tty'])

/** Each file's text by path, for the code frames of the terminal's report (not a file not read). */
export function textsOf(inputs: readonly LintInput[]): Map<string, string> {
  return new Map(inputs.filter((i) => i.notChecked === undefined).map((i) => [i.path, i.text]))
}

/** What a piece of the report needs besides the results: the command line and the terminal. */
export type PieceJob = Pick<RenderJob, 'argv' | 'env' | 'isTTY'>

/**
 * The report of some consecutive files of a run, in UTF-8 (moved between threads, not copied),
 * for the formats that can be made a few files at a time (JSON and the terminal's). A run in
 * workers has each worker make the pieces of the files it lints: the main thread then writes
 * them out one after the other (joinReport) and never holds every result at once, and no worker
 * starts at the end to make the report from all of them. Over the corpus that worker and the
 * results it read set the run's peak memory.
 */
export type ReportPiece = {
  /** A finding that reaches `fail-on`. */
  failing: boolean
  /** Problems of linting itself (a rule that crashed…). */
  problems: number
} & ({ json: Record<keyof JsonPiece, Uint8Array> } | { tty: { text: Uint8Array; tally: TtyTally } })

const utf8 = new TextEncoder()

/** The piece of the report for these results, or undefined when the format has none. */
export function reportPiece(
  results: FileResult[],
  config: ResolvedConfig,
  job: PieceJob,
  texts: ReadonlyMap<string, string>
): ReportPiece | undefined {
  const args = parseLintArgs(job.argv)
  const verdict = {
    failing: results.some((r) => r.findings.some((f) => reaches(f.severity, config.failOn))),
    problems: results.reduce((n, r) => n + r.errors.length, 0)
  }
  const review = reviewOf(config)
  if (args.format === 'json') {
    const piece = jsonPiece(results, registry, review.placement)
    return {
      ...verdict,
      json: {
        files: utf8.encode(piece.files),
        findings: utf8.encode(piece.findings),
        errors: utf8.encode(piece.errors)
      }
    }
  }
  if (args.format === 'tty') {
    const piece = ttyPiece(results, registry, {
      color: useColor(args.color, job.env, job.isTTY),
      sources: texts,
      ...(args.review ? { review } : {})
    })
    return { ...verdict, tty: { text: utf8.encode(piece.text), tally: piece.tally } }
  }
  return undefined
}

/** The buffers of a piece, to move it to another thread. */
export function pieceBuffers(piece: ReportPiece): ArrayBuffer[] {
  const views = 'json' in piece ? Object.values(piece.json) : [piece.tty.text]
  return views.map((view) => view.buffer as ArrayBuffer)
}

/** The report of a run from the pieces of all its files, in order (reportPiece). */
export function joinReport(
  pieces: readonly ReportPiece[],
  config: ResolvedConfig,
  job: RenderJob
): Rendered {
  const args = parseLintArgs(job.argv)
  const failing = pieces.some((p) => p.failing)
  const problems = job.errors.length + pieces.reduce((n, p) => n + p.problems, 0)
  const broken = config.failOn !== 'none' && problems > 0
  const stdout = pieces.every((p) => 'json' in p)
    ? joinJsonPieces(
        pieces.map((p) => p.json),
        job.errors
      )
    : joinTtyPieces(
        pieces.map((p) => {
          if (!('tty' in p)) throw new Error('a report joined from pieces of two formats')
          return p.tty
        }),
        {
          color: useColor(args.color, job.env, job.isTTY),
          extraErrors: job.errors,
          ...(args.review ? { review: reviewOf(config) } : {})
        }
      )
  return { stdout, stderr: '', code: failing || broken ? 1 : 0 }
}

function reviewOf(config: ResolvedConfig): NonNullable<TtyOptions['review']> {
  const policy = reviewPolicy(policyOf(config.review))
  return {
    placement: (finding: Finding) => policy(finding).review,
    legend: inlineBars(policyOf(config.review))
  }
}

/** Files whose scripts are found between two turns of the event loop (runShellcheck). */
const FILES_PER_TURN = 8

/**
 * Every script of the run checked through one pool of ShellCheck processes, answered per chunk of
 * files (src/cli/pool.ts). The scripts are found file by file — by `findElsewhere` (the first
 * lint worker, findScriptsInWorker), and here, a few files at a time between turns of the event loop,
 * for any it did not find (pacing garbage collection with `afterFile`) — and handed to the pool as
 * they are found: ShellCheck starts with the first file instead of after the last, and the workers
 * lint each chunk as soon as its scripts are answered, while ShellCheck goes on. Before, every
 * script was found first (one core, the other idle) and nothing was linted until ShellCheck was
 * done. Over the 2,114 corpus Dockerfiles on 2 cores (Node 20, alternated, four runs each) the
 * run took 17.6-18.5 s against 18.8-19.6 s, with more CPU (34.6-36.3 s against 33.2-34.6 s: the
 * threads compete for the cores); more cores gain more.
 */
function runShellcheck(
  inputs: LintInput[],
  shellcheck: ShellcheckFn,
  afterFile: () => void,
  findElsewhere?: (found: (scripts: string[]) => void) => Promise<number>
): RunShellcheck {
  const perFile: Array<string[] | undefined> = new Array(inputs.length)
  const answered = new Set<string>()
  let all = false
  const listeners: Array<() => void> = []
  const progress = (): void => {
    for (const listener of listeners) listener()
  }
  const session = shellcheck.session?.((scripts) => {
    for (const script of scripts) answered.add(script)
    progress()
  })
  const find = (i: number): string[] =>
    (perFile[i] = shellcheckRequests([inputs[i]], afterFile).map((r) => r.script))
  const done = (async (): Promise<void> => {
    if (!session) {
      // A runner without sessions: every script first, then the whole run at once.
      const scripts = [...new Set(inputs.flatMap((_, i) => find(i)))].map((script) => ({ script }))
      await (shellcheck.prefetchAsync
        ? shellcheck.prefetchAsync(scripts)
        : shellcheck.prefetch?.(scripts))
      all = true
      progress()
      return
    }
    let next = 0
    if (findElsewhere) {
      await findElsewhere((scripts) => {
        perFile[next++] = scripts
        session.add(scripts.map((script) => ({ script })))
        if (next % FILES_PER_TURN === 0) progress()
      })
      progress()
    }
    // Here: all of them without a worker, or those a worker that died did not find.
    for (let i = next; i < inputs.length; i++) {
      session.add(find(i).map((script) => ({ script })))
      if (i % FILES_PER_TURN === FILES_PER_TURN - 1 || i === inputs.length - 1) {
        progress()
        await new Promise((resolve) => setImmediate(resolve))
      }
    }
    await session.close()
  })()
  return {
    ready: (files) =>
      files.every((i) => all || perFile[i]?.every((script) => answered.has(script)) === true),
    onProgress: (listener) => listeners.push(listener),
    done,
    resultsOf: (files) => {
      const scripts = [...new Set(files.flatMap((i) => perFile[i] ?? find(i)))]
      const results = shellcheck(scripts.map((script) => ({ script })))
      return scripts.map((script, k) => [script, results[k]])
    }
  }
}

const textLength = (inputs: LintInput[]): number =>
  inputs.reduce((sum, input) => sum + input.text.length, 0)

function readStdin(io: LintIO): Buffer {
  return io.readStdin ? io.readStdin() : readFileSync(0)
}

function render(
  results: FileResult[],
  format: Format,
  out: {
    /** Problems found before linting (unreadable files, symlinks not followed). */
    errors: Problem[]
    /** Those plus the problems of linting itself (a crashed rule). */
    problems: Problem[]
    texts: Map<string, string>
    color: boolean | undefined
    /** The review policy, for `review` in JSON and the tty preview. */
    review: NonNullable<TtyOptions['review']>
    /** `--review`: show the placement in the tty output. */
    preview: boolean
  },
  io: Pick<LintIO, 'env' | 'isTTY' | 'stderr'>
): string {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`
  switch (format) {
    case 'json':
      return json(toJsonReport(results, registry, out.errors, out.review.placement))
    case 'sarif': {
      const { text, truncation } = toSarif(results, registry, {
        toolVersion: VERSION,
        extraErrors: out.errors,
        fingerprints: fingerprintsOf(results, (path) => out.texts.get(path))
      })
      if (truncation) io.stderr(`${truncation.message}\n`)
      return `${text}\n`
    }
    case 'gitlab':
      return json(toGitlab(results, out.texts, out.problems))
    case 'rdjson':
      return json(toRdjson(results, registry, out.texts, out.problems))
    case 'checkstyle':
      return toCheckstyle(results, out.problems)
    case 'github': {
      const { lines } = annotationCommands(results.flatMap((r) => r.findings))
      // Through the same escaping as findings: a file name or message with a newline must not
      // become a workflow command of its own.
      const notLinted = out.problems.map((e) =>
        annotationCommand({
          rule: 'not-linted',
          severity: 'error',
          message: e.message,
          file: e.file,
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
        })
      )
      return [...lines, ...notLinted].map((l) => `${l}\n`).join('')
    }
    case 'tty':
      return formatTty(results, registry, {
        color: useColor(out.color, io.env, io.isTTY),
        sources: out.texts,
        extraErrors: out.errors,
        ...(out.preview ? { review: out.review } : {})
      })
  }
}
