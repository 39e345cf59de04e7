/**
 * `npm run bench`: docker-review against its peers on the shared corpus, its growth, and the built
 * action against the GitHub API stand-in — in one run. Prints compact tables and writes
 * bench/results.json.
 *
 * Sections (each measurement in its own child process, so peak RSS and JIT state are its own):
 * - corpus: every tool over the whole corpus (`measure.ts`): files/s (wall and CPU), p50/p99/max
 *   per file, peak RSS, findings, crashes; ratios of docker-review's throughput to each peer's;
 * - growth: the corpus repeated 1×/4×/16× (16× within 18× the CPU time) and one file grown from
 *   1 KB to 5 MB (each step's time ratio within 18/16 of its size ratio) — `growth.ts`;
 * - action: cold start of dist/index.js to its first API request (median of 10, < 300 ms) and a
 *   3,000-file pull request (list-files requests ≤ 30 plus the fixed budget, peak RSS < 200 MB)
 *   — `action.ts`; needs a built dist/ (`npm run package`);
 * - whole-process: the working tree built into a temporary folder (`scripts/package.mjs --out`,
 *   dist/ untouched), its CLI run as users run it against the peers' processes, alternated, medians
 *   of 3, on Node 20 and on Node 24 (/work/node24/bin/node or BENCH_NODE24): the Dockerfile corpus
 *   with and without ShellCheck, 200 compose files against DCLint, one median-sized Dockerfile —
 *   `whole.ts`.
 *
 * Options (after `npm run bench --`):
 *   --quick          skip the slow rows: DCLint (~3 minutes a pass) and docker-review+shellcheck
 *                    (also BENCH_QUICK=1)
 *   --only <list>    only these sections (comma separated: corpus,growth,action,whole); the results go
 *                    to bench/.work/bench-partial.json instead of bench/results.json
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FileKind } from '../src/core/types.js'
import type { ColdStart, LargePullRequest } from './action.js'
import { ROOT, round } from './corpus.js'
import type { CorpusGrowth, FileGrowth } from './growth.js'
import { shellcheckVersion, type Measurement, type Tool } from './measure.js'
import { printWhole, whole, type WholeResults } from './whole.js'

type Section = 'corpus' | 'growth' | 'action' | 'whole'
const SECTIONS: Section[] = ['corpus', 'growth', 'action', 'whole']
const KINDS: FileKind[] = ['dockerfile', 'compose']
const PEERS: Array<[FileKind, Tool]> = [
  ['dockerfile', 'dockerfilelint'],
  ['dockerfile', 'dockerfile-utils'],
  ['compose', 'dclint']
]

interface Options {
  quick: boolean
  only: Set<Section>
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    quick: process.env.BENCH_QUICK === '1',
    only: new Set(SECTIONS)
  }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') options.quick = true
    else if (argv[i] === '--only') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean)
      const unknown = list.filter((s) => !SECTIONS.includes(s as Section))
      if (list.length === 0 || unknown.length > 0)
        throw new Error(`--only takes sections among ${SECTIONS.join(', ')}`)
      options.only = new Set(list as Section[])
    } else throw new Error(`unknown option ${argv[i]} (use --quick, --only <sections>)`)
  }
  return options
}

/** The child side: one measurement, its JSON on the last line of stdout. */
async function childMain(args: string[]): Promise<unknown> {
  const [what, a, b] = args
  switch (what) {
    case 'measure': {
      const { measure } = await import('./measure.js')
      return measure(a as Tool, b as FileKind)
    }
    case 'corpus-growth': {
      const { corpusGrowth } = await import('./growth.js')
      return corpusGrowth(a as FileKind)
    }
    case 'file-growth': {
      const { fileGrowth } = await import('./growth.js')
      return fileGrowth(a as FileKind)
    }
    case 'cold-start': {
      const { coldStart } = await import('./action.js')
      return coldStart()
    }
    case 'large-pr': {
      const { largePullRequest } = await import('./action.js')
      return largePullRequest()
    }
    default:
      throw new Error(`unknown child task ${what}`)
  }
}

function child<T>(...args: string[]): T {
  process.stderr.write(`… ${args.join(' ')}\n`)
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60 * 1000 }
  )
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `killed by ${r.signal}` : `exit ${r.status}`
    throw new Error(`bench child ${args.join(' ')} failed (${why}):\n${r.stderr}`)
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T
}

function table(head: string[], rows: Array<Array<string | number>>, left = 1): string {
  const cells = rows.map((r) => r.map(String))
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((l) => l[i].length)))
  const fmt = (line: string[]): string =>
    line
      .map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n')
}

const mark = (ok: boolean): string => (ok ? 'ok' : 'FAIL')
const kb = (n: number): string =>
  n >= 1024 * 1024 ? `${round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`

interface Check {
  check: string
  ok: boolean
  detail: string
}

function corpusSection(options: Options): {
  measurements: Measurement[]
  ratios: Record<string, number | undefined>
} {
  const plan: Array<[Tool, FileKind]> = [
    ['docker-review', 'dockerfile'],
    ['dockerfilelint', 'dockerfile'],
    ['dockerfile-utils', 'dockerfile'],
    ['docker-review', 'compose']
  ]
  if (!options.quick) {
    plan.push(['dclint', 'compose'])
    if (shellcheckVersion()) plan.splice(1, 0, ['docker-review+shellcheck', 'dockerfile'])
  }
  const measurements = plan.map(([tool, kind]) => child<Measurement>('measure', tool, kind))
  const ours = (kind: FileKind): Measurement =>
    measurements.find((r) => r.tool === 'docker-review' && r.kind === kind)!
  const ratio = (kind: FileKind, peer: Tool, cpu = false): number | undefined => {
    const p = measurements.find((r) => r.tool === peer && r.kind === kind)
    if (!p) return undefined
    return cpu
      ? round(ours(kind).filesPerCpuSecond / p.filesPerCpuSecond)
      : round(ours(kind).filesPerSecond / p.filesPerSecond)
  }
  const ratios: Record<string, number | undefined> = {}
  for (const [kind, peer] of PEERS) {
    ratios[`docker-review / ${peer} (files/s)`] = ratio(kind, peer)
    ratios[`docker-review / ${peer} (files per CPU second)`] = ratio(kind, peer, true)
  }
  return { measurements, ratios }
}

function printCorpus(
  measurements: Measurement[],
  ratios: Record<string, number | undefined>
): void {
  console.log(
    table(
      [
        'tool',
        'corpus',
        'files',
        'files/s',
        'files/CPU s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'RSS MB',
        'crashes',
        'findings'
      ],
      measurements.map((m) => [
        m.tool,
        m.kind,
        m.files,
        m.filesPerSecond,
        m.filesPerCpuSecond,
        m.p50Ms,
        m.p99Ms,
        m.maxMs,
        m.peakRssMb,
        m.crashes,
        m.findings
      ]),
      2
    )
  )
  const x = (v: number | undefined): string => (v === undefined ? 'n/a' : `${v}×`)
  for (const [, peer] of PEERS)
    console.log(
      `docker-review / ${peer}: ${x(ratios[`docker-review / ${peer} (files/s)`])} files/s, ${x(ratios[`docker-review / ${peer} (files per CPU second)`])} files per CPU second`
    )
}

function growthSection(): {
  corpus: CorpusGrowth[]
  file: FileGrowth[]
} {
  return {
    corpus: KINDS.map((kind) => child<CorpusGrowth>('corpus-growth', kind)),
    file: KINDS.map((kind) => child<FileGrowth>('file-growth', kind))
  }
}

function printGrowth(corpus: CorpusGrowth[], file: FileGrowth[]): void {
  console.log(
    table(
      ['corpus ×', 'kind', 'files', 'CPU ms', 'wall ms', 'relative', 'linear'],
      corpus.flatMap((g) =>
        g.points.map((p, i) => [
          `${p.repeat}×`,
          p.kind,
          p.files,
          p.ms,
          p.wallMs,
          `${p.relative}×`,
          i === g.points.length - 1 ? mark(g.linear) : ''
        ])
      ),
      2
    )
  )
  console.log('')
  console.log(
    table(
      [
        'one file',
        'kind',
        'lines',
        'CPU ms',
        'wall ms',
        'runs',
        'per byte vs 1 KB',
        'step',
        'linear'
      ],
      file.flatMap((g) =>
        g.points.map((p, i) => [
          kb(p.bytes),
          g.kind,
          p.lines,
          p.ms,
          p.wallMs,
          p.runs,
          `${p.perByteRatio}×`,
          p.stepRatio === undefined ? '' : `${p.stepRatio}×`,
          i === g.points.length - 1 ? mark(g.linear) : ''
        ])
      ),
      2
    )
  )
}

async function actionSection(): Promise<{
  distStale: boolean
  coldStart: ColdStart
  largePullRequest: LargePullRequest
}> {
  const { distIsStale } = await import('./action.js')
  return {
    distStale: distIsStale(),
    coldStart: child<ColdStart>('cold-start'),
    largePullRequest: child<LargePullRequest>('large-pr')
  }
}

type ActionResults = Awaited<ReturnType<typeof actionSection>>

function printAction(a: ActionResults): void {
  const c = a.coldStart
  const p = a.largePullRequest
  if (a.distStale)
    console.log('note: dist/ is older than src/ — run `npm run package` for current numbers')
  console.log(
    `cold start to first API request: median ${c.medianMs} ms of ${c.runs} (min ${c.minMs}, max ${c.maxMs}); target < ${c.targetMs} ms: ${mark(c.ok)}`
  )
  console.log(
    table(
      ['3,000-file PR', 'value', 'limit', 'check'],
      [
        [
          `files (Dockerfiles/compose/other)`,
          `${p.files} (${p.dockerfiles}/${p.composeFiles}/${p.otherFiles})`,
          '',
          ''
        ],
        [
          'list-files requests',
          p.listFileRequests,
          p.listFilesLimit,
          mark(p.listFileRequests <= p.listFilesLimit)
        ],
        [
          'other requests (reads: objects)',
          `${p.otherRequests} (${p.operations['POST graphql:query'] ?? 0}: ${p.objectsRead})`,
          `${p.fixedBudget} + ${p.extraReads} read(s) for ${p.dockerfiles + p.composeFiles} files`,
          mark(p.withinBudget)
        ],
        ['total requests', p.totalRequests, p.requestBudget, mark(p.withinBudget)],
        ['wall ms (stand-in answering)', `${p.wallMs} (${p.apiMs})`, '', ''],
        ['action CPU ms (+ ShellCheck)', `${p.cpuMs} (+ ${p.childrenCpuMs})`, '', ''],
        ['peak RSS MB', p.peakRssMb, `< ${p.rssTargetMb}`, mark(p.rssOk)],
        [
          'verdict, findings, inline comments',
          `${p.result}, ${p.findings}, ${p.inlineComments}`,
          '',
          ''
        ]
      ]
    )
  )
}

function checksOf(results: {
  growth?: { corpus: CorpusGrowth[]; file: FileGrowth[] }
  action?: ActionResults
}): Check[] {
  const out: Check[] = []
  for (const g of results.growth?.corpus ?? []) {
    const last = g.points[g.points.length - 1]
    out.push({
      check: `${g.kind} corpus 16× within 18× the time`,
      ok: g.linear,
      detail: `${last.relative}×`
    })
  }
  for (const g of results.growth?.file ?? []) {
    const worst = g.points.reduce((w, p) => ((p.stepRatio ?? 0) > (w.stepRatio ?? 0) ? p : w))
    const before = g.points[g.points.indexOf(worst) - 1]
    out.push({
      check: `one ${g.kind} 1 KB → 5 MB linear (each step's time ratio ≤ 18/16 × its size ratio)`,
      ok: g.linear,
      detail: `worst ${kb(before.bytes)} → ${kb(worst.bytes)}: ${worst.stepRatio}×`
    })
  }
  const a = results.action
  if (a) {
    const p = a.largePullRequest
    out.push(
      {
        check: 'cold start < 300 ms (median)',
        ok: a.coldStart.ok,
        detail: `${a.coldStart.medianMs} ms`
      },
      {
        check: `3,000-file PR: list-files ≤ ${p.listFilesLimit}`,
        ok: p.listFileRequests <= p.listFilesLimit,
        detail: `${p.listFileRequests}`
      },
      {
        check: `3,000-file PR: requests ≤ ${p.listFilesLimit} list-files + fixed budget ${p.fixedBudget} + ${p.extraReads} read(s) for ${p.dockerfiles + p.composeFiles} files`,
        ok: p.withinBudget,
        detail: `${p.totalRequests} of ${p.requestBudget}`
      },
      {
        check: `3,000-file PR: peak RSS < ${p.rssTargetMb} MB`,
        ok: p.rssOk,
        detail: `${p.peakRssMb} MB`
      },
      {
        check: '3,000-file PR: the stand-in saw only valid requests',
        ok: p.standinProblems.length === 0,
        detail: p.standinProblems.join('; ') || 'none'
      }
    )
  }
  return out
}

const NODE24 = process.env.BENCH_NODE24 ?? '/work/node24/bin/node'

/** The working tree built outside the repository, then run whole-process (bench/whole.ts). */
function wholeSection(options: Options): WholeResults {
  const out = mkdtempSync(join(tmpdir(), 'docker-review-build-'))
  try {
    process.stderr.write(`… building the CLI into ${out}\n`)
    execFileSync(process.execPath, ['scripts/package.mjs', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit']
    })
    return whole({
      cli: join(out, 'cli/index.js'),
      runs: 3,
      node24: existsSync(NODE24) ? NODE24 : undefined,
      quick: options.quick
    })
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8'
    }).trim()
  } catch {
    return 'unknown'
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv[0] === '--child') {
    const result = await childMain(argv.slice(1))
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return
  }
  const options = parseOptions(argv)
  const started = performance.now()
  const loadBefore = loadavg().map(round)
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGb: round(totalmem() / 1024 ** 3),
      shellcheck: shellcheckVersion() ?? null
    },
    commit: gitCommit(),
    options: { quick: options.quick, sections: [...options.only] }
  }
  if (options.only.has('corpus')) {
    const { measurements, ratios } = corpusSection(options)
    Object.assign(results, { measurements, ratios })
  }
  if (options.only.has('growth')) results.growth = growthSection()
  if (options.only.has('action')) results.action = await actionSection()
  if (options.only.has('whole')) results.whole = wholeSection(options)
  const checks = checksOf(results as Parameters<typeof checksOf>[0])
  Object.assign(results, {
    checks,
    load: { before: loadBefore, after: loadavg().map(round) },
    totalSeconds: Math.round((performance.now() - started) / 1000)
  })

  if (results.measurements) {
    printCorpus(results.measurements as Measurement[], results.ratios as Record<string, number>)
    console.log('')
  }
  if (results.growth) {
    const g = results.growth as ReturnType<typeof growthSection>
    printGrowth(g.corpus, g.file)
    console.log('')
  }
  if (results.action) {
    printAction(results.action as ActionResults)
    console.log('')
  }
  if (results.whole) {
    console.log(printWhole(results.whole as WholeResults))
    console.log('')
  }
  console.log(
    table(
      ['check', 'result', ''],
      checks.map((c) => [c.check, c.detail, mark(c.ok)])
    )
  )
  const full = options.only.size === SECTIONS.length
  const out = full ? join(ROOT, 'bench/results.json') : join(ROOT, 'bench/.work/bench-partial.json')
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  console.log(
    `\n${results.totalSeconds} s in all (load average ${loadBefore.join(' ')} → ${(results.load as { after: number[] }).after.join(' ')}); written to ${out.replace(`${ROOT}/`, '')}`
  )
}

await main()
