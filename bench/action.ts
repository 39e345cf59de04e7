import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { detectKind } from '../src/detect.js'
import { MAX_BLOBS } from '../src/github/reader.js'
import { DIST, runAction } from '../__tests__/standin/harness.js'
import { pullRequestPayload } from '../__tests__/standin/payloads.js'
import {
  changesFrom,
  ourComments,
  pullRequestScenario,
  readTree
} from '../__tests__/standin/scenario.js'
import type { Standin } from '../__tests__/standin/server.js'
import { corpusFiles, median, repositoryPath, ROOT, round } from './corpus.js'

/**
 * The built action (`dist/index.js`) against the GitHub API stand-in (`__tests__/standin/`, used
 * read-only):
 *
 * - cold start: from spawning `node dist/index.js` on a pull_request event to the first request
 *   reaching a local HTTP server in front of the stand-in (it timestamps each request as it
 *   arrives, then forwards it, so every run is a complete review of the example pull request);
 * - a 3,000-file pull request (GitHub lists at most 3,000 files): Dockerfiles and compose files
 *   from the shared corpus among unrelated files, a third of each modified, the rest added.
 *   Counted: list-files requests (≤ ceil(3000/100)), the other requests against the fixed budget
 *   of a review (read, head check, review, summary — as `__tests__/e2e` asserts), wall time, and
 *   the action process's peak RSS, written on exit by `bench/maxrss.mjs` (preloaded through
 *   `NODE_OPTIONS=--import`, as the harness spawns `node dist/index.js` itself).
 */

export const COLD_START_RUNS = 10
export const COLD_START_TARGET_MS = 300
export const RSS_TARGET_MB = 200
export const PR_FILES = 3000
export const LIST_FILES_LIMIT = Math.ceil(PR_FILES / 100)
/** Requests of a review besides listing the files: read, head check, review, summary. */
export const FIXED_BUDGET = 4
/** The mix of the large pull request. */
const PR_DOCKERFILES = 400
const PR_COMPOSE = 200

export interface ColdStart {
  runs: number
  /** Milliseconds from spawn to the first request, per run. */
  ms: number[]
  medianMs: number
  minMs: number
  maxMs: number
  firstRequest: string
  targetMs: number
  ok: boolean
  /** Every run ended with a verdict (exit code 0). */
  completed: boolean
}

export interface LargePullRequest {
  files: number
  dockerfiles: number
  composeFiles: number
  otherFiles: number
  modified: number
  exitCode: number
  result: string
  findings: number
  inlineComments: number
  listFileRequests: number
  listFilesLimit: number
  /** Requests besides list-files. */
  otherRequests: number
  fixedBudget: number
  /** Objects each GraphQL read asked for. */
  reads: string[]
  objectsRead: number
  /** Reads beyond the first that the linted files alone need at MAX_BLOBS (400) files per read. */
  extraReads: number
  totalRequests: number
  /** listFilesLimit + fixedBudget + extraReads. */
  requestBudget: number
  withinBudget: boolean
  /** `METHOD operation` → count. */
  operations: Record<string, number>
  /** From spawn to exit, and the part of it with a request in flight (the stand-in's share). */
  wallMs: number
  apiMs: number
  actionMs: number
  /** CPU time (user + system) of the action process: wall time on a busy machine is not ours. */
  cpuMs: number
  /** CPU time of the processes the action started (ShellCheck, when on PATH). */
  childrenCpuMs: number
  peakRssMb: number
  rssTargetMb: number
  rssOk: boolean
  standinProblems: string[]
  /** Each request from arrival to answer, from the spawn: `<from>–<to> ms METHOD path`. */
  timeline: string[]
}

function requireDist(): void {
  if (!existsSync(DIST))
    throw new Error(`${DIST} is missing: run \`npm run package\` before the action benchmark`)
}

/** True when some file under src/ is newer than dist/index.js (the numbers would be stale). */
export function distIsStale(): boolean {
  if (!existsSync(DIST)) return true
  const built = statSync(DIST).mtimeMs
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > built
    )
  return walk(join(ROOT, 'src'))
}

interface Arrival {
  /** When the request arrived and when its answer was sent back in full (performance.now). */
  at: number
  done?: number
  what: string
}

/** An HTTP server in front of `target` that notes when each request arrives and is answered. */
async function timestampingProxy(target: string): Promise<{
  url: string
  arrivals: Arrival[]
  close(): Promise<void>
}> {
  const arrivals: Arrival[] = []
  let self = ''
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const arrival: Arrival = { at: performance.now(), what: `${req.method} ${req.url}` }
    arrivals.push(arrival)
    res.on('finish', () => (arrival.done = performance.now()))
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        // Pagination links name the stand-in: point them back here.
        const link = answer.headers.link
        if (typeof link === 'string') answer.headers.link = link.split(target).join(self)
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: self,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Milliseconds during which at least one request was in flight (union of the intervals). */
function inFlight(arrivals: readonly Arrival[]): number {
  const spans = arrivals.map((a) => [a.at, a.done ?? a.at] as const).sort((x, y) => x[0] - y[0])
  let total = 0
  let end = -Infinity
  for (const [from, to] of spans) {
    if (to <= end) continue
    total += to - Math.max(from, end)
    end = to
  }
  return total
}

/** Cold start of the action to its first API request, `runs` times, on the example pull request. */
export async function coldStart(runs = COLD_START_RUNS): Promise<ColdStart> {
  requireDist()
  const base = readTree(join(ROOT, 'examples/base'))
  const head = readTree(join(ROOT, 'examples/head'))
  const scenario = await pullRequestScenario(base, changesFrom(base, head))
  const proxy = await timestampingProxy(scenario.standin.url)
  // The stand-in as the harness sees it, reached through the proxy.
  const standin: Standin = { ...scenario.standin, url: proxy.url }
  const ms: number[] = []
  let firstRequest = ''
  let completed = true
  try {
    for (let i = 0; i < runs; i++) {
      const seen = proxy.arrivals.length
      const payload = pullRequestPayload(scenario.world, scenario.number)
      const started = performance.now()
      const run = await runAction({ standin, event: 'pull_request', payload })
      const first = proxy.arrivals[seen]
      if (!first) throw new Error(`the action made no request:\n${run.stdout}\n${run.stderr}`)
      if (run.code !== 0) completed = false
      ms.push(round(first.at - started))
      firstRequest = first.what.replace(/\?.*/, '')
    }
  } finally {
    await proxy.close()
    await scenario.close()
  }
  const medianMs = round(median(ms))
  return {
    runs,
    ms,
    medianMs,
    minMs: Math.min(...ms),
    maxMs: Math.max(...ms),
    firstRequest,
    targetMs: COLD_START_TARGET_MS,
    ok: medianMs < COLD_START_TARGET_MS,
    completed
  }
}

/** `count` items spread evenly over `items`, keeping only those `keep` accepts. */
function spread<T>(items: readonly T[], count: number, keep: (item: T) => boolean): T[] {
  const kept = items.filter(keep)
  if (kept.length < count)
    throw new Error(`only ${kept.length} usable corpus files (${count} asked)`)
  const step = kept.length / count
  return Array.from({ length: count }, (_, i) => kept[Math.floor(i * step)])
}

/** The 3,000 files of the large pull request: base tree and head changes (also for profiling it). */
export function largePullRequestFiles(): {
  base: Record<string, string>
  head: Record<string, string>
  counts: { dockerfiles: number; composeFiles: number; otherFiles: number; modified: number }
} {
  const pick = (kind: 'dockerfile' | 'compose', count: number): Array<[string, string]> =>
    spread(corpusFiles(kind), count, (f) => detectKind(repositoryPath(f)) === kind).map((f) => [
      `services/${repositoryPath(f)}`,
      readFileSync(f, 'utf8')
    ])
  const docker = [...pick('dockerfile', PR_DOCKERFILES), ...pick('compose', PR_COMPOSE)]
  const others: Array<[string, string]> = []
  for (let i = 0; others.length < PR_FILES - docker.length; i++) {
    const pkg = `packages/pkg-${String(Math.floor(i / 20)).padStart(3, '0')}`
    others.push(
      i % 4 === 3
        ? [`${pkg}/docs/page-${i}.md`, `# Page ${i}\n\nPart of the monorepo.\n`]
        : [
            `${pkg}/src/module-${i}.ts`,
            `export function handler${i}(input: string): string {\n  return input.trim()\n}\n`
          ]
    )
  }
  const base: Record<string, string> = {}
  const head: Record<string, string> = {}
  let modified = 0
  ;[...docker, ...others].forEach(([path, text], i) => {
    head[path] = text
    if (i % 3 === 0) {
      // Modified: the base lacks the file's last line.
      base[path] = text.replace(/[^\n]*\n?$/, '')
      modified++
    }
  })
  return {
    base,
    head,
    counts: {
      dockerfiles: PR_DOCKERFILES,
      composeFiles: PR_COMPOSE,
      otherFiles: others.length,
      modified
    }
  }
}

/** What the preload wrote for the action process: peak RSS (MB), its CPU and its children's (ms). */
function actionUsage(file: string): { peakRssMb: number; cpuMs: number; childrenCpuMs: number } {
  if (!existsSync(file)) throw new Error('bench/maxrss.mjs wrote nothing: the action never exited?')
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(' ').map(Number))
  // The action is the process this one spawned; node processes it may start report too.
  const own = rows.find(([, ppid]) => ppid === process.pid) ?? rows[rows.length - 1]
  return { peakRssMb: Math.round(own[2] / 1024), cpuMs: own[3], childrenCpuMs: own[4] }
}

/** Objects (blobs, trees) a GraphQL read asked for, from its variables. */
function readObjects(body: unknown): { blobs: number; trees: number } {
  const variables = Object.keys(
    ((body ?? {}) as { variables?: Record<string, unknown> }).variables ?? {}
  )
  return {
    blobs: variables.filter((k) => /^b\d+$/.test(k)).length,
    trees: variables.filter((k) => /^t\d+$/.test(k)).length
  }
}

export async function largePullRequest(): Promise<LargePullRequest> {
  requireDist()
  const { base, head, counts } = largePullRequestFiles()
  const scenario = await pullRequestScenario(base, head)
  const proxy = await timestampingProxy(scenario.standin.url)
  const scratch = mkdtempSync(join(tmpdir(), 'docker-review-bench-'))
  const rssFile = join(scratch, 'maxrss')
  try {
    const preload = pathToFileURL(join(ROOT, 'bench/maxrss.mjs')).href
    const started = performance.now()
    const run = await runAction({
      standin: { ...scenario.standin, url: proxy.url },
      event: 'pull_request',
      payload: pullRequestPayload(scenario.world, scenario.number),
      env: { NODE_OPTIONS: `--import=${preload}`, BENCH_MAXRSS_FILE: rssFile }
    })
    const wallMs = Math.round(performance.now() - started)
    if (run.outputs.result === undefined)
      throw new Error(
        `the action gave no verdict (exit ${run.code}):\n${run.stdout}\n${run.stderr}`
      )
    const operations: Record<string, number> = {}
    const reads: Array<{ blobs: number; trees: number }> = []
    for (const r of run.requests) {
      const key = `${r.method} ${r.operation.split(' ')[0]}`
      operations[key] = (operations[key] ?? 0) + 1
      if (r.operation.startsWith('graphql:query')) reads.push(readObjects(r.body))
    }
    const objects = reads.reduce((a, r) => a + r.blobs + r.trees, 0)
    const listFileRequests = operations['GET pulls/list-files'] ?? 0
    // Reads beyond the first that the linted files alone need (≤ MAX_BLOBS files per read).
    const linted = counts.dockerfiles + counts.composeFiles
    const extraReads = Math.ceil(linted / MAX_BLOBS) - 1
    const requestBudget = LIST_FILES_LIMIT + FIXED_BUDGET + extraReads
    const { peakRssMb, cpuMs, childrenCpuMs } = actionUsage(rssFile)
    const apiMs = Math.round(inFlight(proxy.arrivals))
    return {
      files: Object.keys(head).length,
      ...counts,
      exitCode: run.code,
      result: run.outputs.result,
      findings: Number(run.outputs.findings ?? NaN),
      inlineComments: ourComments(scenario.world, scenario.number).length,
      listFileRequests,
      listFilesLimit: LIST_FILES_LIMIT,
      otherRequests: run.requests.length - listFileRequests,
      fixedBudget: FIXED_BUDGET,
      reads: reads.map((r) => `${r.blobs} blobs + ${r.trees} trees`),
      objectsRead: objects,
      extraReads,
      totalRequests: run.requests.length,
      requestBudget,
      withinBudget: listFileRequests <= LIST_FILES_LIMIT && run.requests.length <= requestBudget,
      operations,
      wallMs,
      apiMs,
      actionMs: wallMs - apiMs,
      cpuMs,
      childrenCpuMs,
      peakRssMb,
      rssTargetMb: RSS_TARGET_MB,
      rssOk: peakRssMb < RSS_TARGET_MB,
      standinProblems: [...scenario.standin.problems],
      timeline: proxy.arrivals.map(
        (a) =>
          `${Math.round(a.at - started)}–${Math.round((a.done ?? a.at) - started)} ms ${a.what.replace(/\?.*/, '')}`
      )
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
    await proxy.close()
    await scenario.close()
  }
}
