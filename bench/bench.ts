/**
 * `npm run bench`: docker-review against its peers on the shared corpus, in one run.
 *
 * Each (tool, corpus) pair lints the whole corpus in its own child process — one warm-up pass (not
 * for DCLint, which needs minutes per pass), one measured pass — so files/s, per-file p50/p99/max and peak RSS belong to that tool alone. Then the
 * growth checks (1×/4×/16× the corpus, one file from 1 KB to 5 MB) and, when the action's stand-in
 * is available, the action budget. Prints a table and writes bench/results.json.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const corpusRoot = resolve(root, '../shared/corpus')
const require = createRequire(import.meta.url)

type Kind = 'dockerfile' | 'compose'
type Tool =
  'docker-review' | 'docker-review+shellcheck' | 'dockerfilelint' | 'dockerfile-utils' | 'dclint'

export interface Measurement {
  tool: Tool
  kind: Kind
  files: number
  bytes: number
  totalMs: number
  filesPerSecond: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  slowest: string
  peakRssMb: number
  crashes: number
  findings: number
}

function corpusFiles(kind: Kind): string[] {
  const dir = join(corpusRoot, kind === 'dockerfile' ? 'dockerfiles' : 'compose')
  if (!existsSync(dir))
    throw new Error(`corpus not found at ${dir} (expected ../shared/corpus next to the repository)`)
  const out: string[] = []
  for (const repo of readdirSync(dir).sort())
    for (const f of readdirSync(join(dir, repo)).sort()) out.push(join(dir, repo, f))
  return out
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** One tool over one corpus, in this process (the child side). */
async function measure(tool: Tool, kind: Kind, repeat: number): Promise<Measurement> {
  const paths = corpusFiles(kind)
  const texts = paths.map((p) => readFileSync(p, 'utf8'))
  const lintOne = await linter(tool, kind)
  let crashes = 0
  let findings = 0
  const pass = (record: boolean): { times: number[]; total: number } => {
    const times: number[] = []
    const start = performance.now()
    for (let r = 0; r < repeat; r++) {
      for (let i = 0; i < texts.length; i++) {
        const t = performance.now()
        try {
          const n = lintOne(paths[i], texts[i])
          if (record) findings += n
        } catch {
          if (record) crashes++
        }
        times.push(performance.now() - t)
      }
    }
    return { times, total: performance.now() - start }
  }
  // DCLint takes minutes per pass (it re-parses per rule and compiles its schema per file): one pass.
  if (tool !== 'dclint') pass(false)
  const { times, total } = pass(true)
  const order = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0])
  const sorted = order.map(([t]) => t)
  return {
    tool,
    kind,
    files: texts.length * repeat,
    bytes: texts.reduce((a, t) => a + t.length, 0) * repeat,
    totalMs: round(total),
    filesPerSecond: Math.round((texts.length * repeat) / (total / 1000)),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
    slowest: paths[order[order.length - 1][1] % paths.length].replace(`${corpusRoot}/`, ''),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    crashes,
    findings
  }
}

const round = (n: number): number => Math.round(n * 100) / 100

async function linter(tool: Tool, kind: Kind): Promise<(path: string, text: string) => number> {
  switch (tool) {
    case 'docker-review':
    case 'docker-review+shellcheck': {
      const { lintText } = await import('../src/core/engine.js')
      const { resolveConfig } = await import('../src/config/config.js')
      const { registry } = await import('../src/rules/index.js')
      const { diskWorkspace } = await import('../src/io/workspace.js')
      const config = resolveConfig([])
      const tools = tool === 'docker-review+shellcheck' ? await shellcheckTools() : {}
      const workspace = diskWorkspace('/')
      return (path, text) =>
        lintText({ path, text, kind }, { registry, config, workspace, tools }).findings.length
    }
    case 'dockerfilelint': {
      const dfl = require('dockerfilelint') as {
        run(configPath: string, content: string): unknown[]
      }
      return (_path, text) => dfl.run(root, text).length
    }
    case 'dockerfile-utils': {
      const du = (await import('dockerfile-utils')) as unknown as {
        validate(content: string): unknown[]
      }
      return (_path, text) => du.validate(text).length
    }
    case 'dclint': {
      const { DCLinter } = (await import('dclint')) as unknown as {
        DCLinter: new (config: unknown) => {
          lintFiles(paths: string[], recursive: boolean): Array<{ messages: unknown[] }>
        }
      }
      const linterInstance = new DCLinter({ rules: {}, quiet: true, debug: false, exclude: [] })
      // DCLint reads the file itself; that is its API.
      return (path) =>
        linterInstance.lintFiles([path], false).reduce((a, r) => a + r.messages.length, 0)
    }
  }
}

async function shellcheckTools(): Promise<object> {
  const file = join(root, 'src/tools/shellcheck.ts')
  if (!existsSync(file)) return {}
  const mod = (await import('../src/tools/shellcheck.js' as string)) as {
    createShellcheck(): unknown
  }
  const shellcheck = mod.createShellcheck()
  return shellcheck ? { shellcheck } : {}
}

/** Growth: lint time for the corpus repeated, and for one file grown to 5 MB. */
async function growth(): Promise<{
  corpus: Array<{ repeat: number; ms: number }>
  file: Array<{ bytes: number; ms: number }>
}> {
  const corpus: Array<{ repeat: number; ms: number }> = []
  for (const repeat of [1, 4, 16]) {
    const m = await measure('docker-review', 'dockerfile', repeat)
    corpus.push({ repeat, ms: m.totalMs })
  }
  const { lintText } = await import('../src/core/engine.js')
  const { resolveConfig } = await import('../src/config/config.js')
  const { registry } = await import('../src/rules/index.js')
  const config = resolveConfig([])
  const chunk = [
    'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1 git=1:2.39.2 \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'COPY requirements.txt /app/',
    'RUN pip install --no-cache-dir -r /app/requirements.txt',
    'ENV PATH=/app/bin:$PATH',
    'LABEL org.opencontainers.image.source="https://example.com/app"',
    ''
  ].join('\n')
  const file: Array<{ bytes: number; ms: number }> = []
  for (const target of [1_000, 10_000, 100_000, 1_000_000, 5_000_000]) {
    const text = `FROM debian:12.5\n${chunk.repeat(Math.max(1, Math.round(target / chunk.length)))}`
    lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config })
    const t = performance.now()
    lintText({ path: 'Dockerfile', text, kind: 'dockerfile' }, { registry, config })
    file.push({ bytes: text.length, ms: round(performance.now() - t) })
  }
  return { corpus, file }
}

function child(args: string[]): unknown {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60 * 1000
    }
  )
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!)
}

function table(rows: Measurement[]): string {
  const head = [
    'tool',
    'corpus',
    'files',
    'files/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'peak RSS MB',
    'crashes',
    'findings'
  ]
  const lines = rows.map((m) =>
    [
      m.tool,
      m.kind,
      m.files,
      m.filesPerSecond,
      m.p50Ms,
      m.p99Ms,
      m.maxMs,
      m.peakRssMb,
      m.crashes,
      m.findings
    ].map(String)
  )
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const fmt = (cells: string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt)].join('\n')
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const [, what, tool, kind] = args
    const result = what === 'growth' ? await growth() : await measure(tool as Tool, kind as Kind, 1)
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return
  }
  const plan: Array<[Tool, Kind]> = [
    ['docker-review', 'dockerfile'],
    ['dockerfilelint', 'dockerfile'],
    ['dockerfile-utils', 'dockerfile'],
    ['docker-review', 'compose'],
    ['dclint', 'compose']
  ]
  if (hasShellcheck()) plan.splice(1, 0, ['docker-review+shellcheck', 'dockerfile'])
  const rows: Measurement[] = []
  for (const [tool, kind] of plan) {
    process.stderr.write(`… ${tool} on the ${kind} corpus\n`)
    rows.push(child(['--child', 'measure', tool, kind]) as Measurement)
  }
  process.stderr.write('… growth\n')
  const grow = child(['--child', 'growth']) as Awaited<ReturnType<typeof growth>>
  const ours = (kind: Kind): Measurement =>
    rows.find((r) => r.tool === 'docker-review' && r.kind === kind)!
  const ratio = (kind: Kind, peer: Tool): number | undefined => {
    const p = rows.find((r) => r.tool === peer && r.kind === kind)
    return p ? round(ours(kind).filesPerSecond / p.filesPerSecond) : undefined
  }
  const ratios = {
    'docker-review / dockerfilelint (files/s)': ratio('dockerfile', 'dockerfilelint'),
    'docker-review / dockerfile-utils (files/s)': ratio('dockerfile', 'dockerfile-utils'),
    'docker-review / dclint (files/s)': ratio('compose', 'dclint')
  }
  const base = grow.corpus[0].ms
  const linear = {
    corpus: grow.corpus.map((g) => ({ ...g, relative: round(g.ms / base) })),
    '16x within 18x': grow.corpus[2].ms <= 18 * base,
    file: grow.file
  }
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    commit: gitCommit(),
    measurements: rows,
    ratios,
    growth: linear
  }
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(table(rows))
  console.log('')
  for (const [k, v] of Object.entries(ratios)) console.log(`${k}: ${v ?? 'n/a'}×`)
  console.log(
    `growth: ${linear.corpus.map((g) => `${g.repeat}× → ${g.ms} ms (${g.relative}×)`).join(', ')}; 16× within 18×: ${linear['16x within 18x']}`
  )
  console.log(
    `one file: ${grow.file.map((f) => `${Math.round(f.bytes / 1000)} KB → ${f.ms} ms`).join(', ')}`
  )
  console.log('\nwritten to bench/results.json')
}

function hasShellcheck(): boolean {
  try {
    execFileSync('shellcheck', ['--version'], { stdio: 'ignore' })
    return existsSync(join(root, 'src/tools/shellcheck.ts'))
  } catch {
    return false
  }
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8'
    }).trim()
  } catch {
    return 'unknown'
  }
}

await main()
