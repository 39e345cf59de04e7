/**
 * Whole-process benchmark: the built CLI the way users run it (`node dist/cli/index.js lint --kind
 * dockerfile --format json <dir>`, start-up and output included) against its peers' own processes
 * on the same files — runs alternated (every task once per round), medians of wall and CPU time
 * (user + system, ShellCheck's processes included: /usr/bin/time counts the children waited for),
 * the highest peak RSS of the runs.
 *
 * Tasks (each on Node 20 — `node` — and on Node 24 when --node24 names a binary, except DCLint):
 * - Dockerfile corpus (2,114 files): ours without ShellCheck (PATH holds no `shellcheck`), ours
 *   with ShellCheck (when it is installed), dockerfile-utils and dockerfilelint each through its
 *   library over the folder in one process (bench/peers/corpus.mjs: dockerfile-utils' CLI lints
 *   one file, dockerfilelint's stops at its first crash);
 * - the same Dockerfiles laid out at their original paths beside their repositories' compose
 *   files (a scratch copy of the corpus by MANIFEST.tsv), as users lint them: ours without
 *   ShellCheck, and dockerfile-utils on the same files. Ours reads a file's siblings (compose
 *   files that build it, `.dockerignore`, parents); in the flat corpus folder it finds none;
 * - 200 compose files (the first 200 of the sorted compose corpus): ours, DCLint's CLI;
 * - one median-sized Dockerfile (a pre-commit hook, an editor): ours, `dockerfile-utils lint -j`.
 *
 * It builds nothing: `--cli <path>` is the bundle to run (default dist/cli/index.js; `npm run bench`
 * builds the working tree into a temporary folder with `scripts/package.mjs --out` first).
 *
 * Usage: tsx bench/whole.ts [--cli <index.js>] [--runs N] [--node24 <node>] [--quick]
 *                           [--save <prefix>] [--json <file>]
 *   --quick          no ShellCheck row and no DCLint row
 *   --save <prefix>  our stdout of the first run: <prefix>-dockerfile.json, <prefix>-compose.json
 *                    (compare two builds' findings with cmp)
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CORPUS, corpusFiles, median, ROOT, round } from './corpus.js'

export interface WholeOptions {
  cli: string
  runs: number
  node24?: string
  quick: boolean
  save?: string
}

export interface WholeRow {
  task: string
  tool: string
  node: string
  runs: number
  wallS: number
  cpuS: number
  peakRssMb: number
  /** Bytes of standard output of the first run (0: the tool printed nothing — a crash). */
  outputBytes: number
}

export interface WholeResults {
  cli: string
  rows: WholeRow[]
  ratios: Record<string, number | undefined>
}

interface Task {
  task: string
  tool: string
  node: string
  args: string[]
  env?: NodeJS.ProcessEnv
  cwd?: string
  save?: string
  /** Runs per round (one-file tasks: a process of ~0.1 s needs more runs for a steady median). */
  repeat?: number
}

/** Runs per round of the one-file tasks. */
const ONE_FILE_REPEAT = 7

const DOCKERFILES = join(CORPUS, 'dockerfiles')
/** dockerfile-utils and dockerfilelint over many files in one process. */
const PEERS = join(ROOT, 'bench/peers/corpus.mjs')
export const COMPOSE_FILES = 200
const LAID_OUT = 'dockerfile corpus, laid out'
const bin = (pkg: string, path: string): string => join(ROOT, 'node_modules', pkg, path)

function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
}

/** The Dockerfile of median size in the corpus. */
export function medianDockerfile(): string {
  const files = corpusFiles('dockerfile').map((f) => [statSync(f).size, f] as const)
  files.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
  return files[Math.floor(files.length / 2)][1]
}

/**
 * Every corpus file at its original path (`<owner>/<repo>/<path>`, MANIFEST.tsv) under `dir`:
 * the Dockerfiles beside their repositories' compose files. Returns the Dockerfiles, sorted.
 */
function layOut(dir: string): string[] {
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1)
  const dockerfiles: string[] = []
  for (const row of rows) {
    const [kind, corpusPath, repo, original] = row.split('\t')
    const to = resolve(dir, repo, original)
    if (!to.startsWith(`${resolve(dir)}${sep}`))
      throw new Error(`a path outside the layout: ${row}`)
    mkdirSync(dirname(to), { recursive: true })
    copyFileSync(join(CORPUS, corpusPath), to)
    if (kind === 'dockerfile') dockerfiles.push(to)
  }
  return dockerfiles.sort()
}

function hasShellcheck(): boolean {
  return spawnSync('shellcheck', ['--version']).status === 0
}

function tasks(options: WholeOptions, noShellcheckPath: string, laidOut: string[]): Task[] {
  const compose = corpusFiles('compose').slice(0, COMPOSE_FILES)
  const one = medianDockerfile()
  const nodes: Array<[string, string]> = [['node', process.execPath]]
  if (options.node24) nodes.push(['node24', options.node24])
  const noSc = { ...process.env, PATH: noShellcheckPath }
  const out: Task[] = []
  for (const [label, node] of nodes) {
    const first = label === 'node'
    const ours = (task: string, args: string[], env?: NodeJS.ProcessEnv, save?: string): Task => ({
      task,
      tool: 'docker-review',
      node,
      args: [options.cli, 'lint', ...args],
      env,
      save: first ? save : undefined
    })
    out.push(
      ours(
        'dockerfile corpus',
        ['--kind', 'dockerfile', '--format', 'json', DOCKERFILES],
        noSc,
        'dockerfile'
      ),
      {
        task: 'dockerfile corpus',
        tool: 'dockerfile-utils',
        node,
        args: [PEERS, 'dockerfile-utils', DOCKERFILES]
      },
      {
        task: 'dockerfile corpus',
        tool: 'dockerfilelint',
        node,
        args: [PEERS, 'dockerfilelint', DOCKERFILES]
      },
      ours(LAID_OUT, ['--kind', 'dockerfile', '--format', 'json', ...laidOut], noSc),
      {
        task: LAID_OUT,
        tool: 'dockerfile-utils',
        node,
        args: [PEERS, 'dockerfile-utils', ...laidOut]
      },
      ours(
        `${COMPOSE_FILES} compose files`,
        ['--kind', 'compose', '--format', 'json', ...compose],
        noSc,
        'compose'
      ),
      {
        ...ours('one Dockerfile', ['--kind', 'dockerfile', '--format', 'json', one], noSc),
        repeat: ONE_FILE_REPEAT
      },
      {
        task: 'one Dockerfile',
        tool: 'dockerfile-utils',
        node,
        args: [bin('dockerfile-utils', 'bin/dockerfile-utils'), 'lint', '-j', one],
        repeat: ONE_FILE_REPEAT
      }
    )
    if (!options.quick && hasShellcheck())
      out.push({
        ...ours('dockerfile corpus', ['--kind', 'dockerfile', '--format', 'json', DOCKERFILES]),
        tool: 'docker-review+shellcheck'
      })
    if (!options.quick && first)
      out.push({
        task: `${COMPOSE_FILES} compose files`,
        tool: 'dclint',
        node,
        args: [bin('dclint', 'bin/dclint.cjs'), '-f', 'json', ...compose]
      })
  }
  return out
}

interface Sample {
  wall: number
  cpu: number
  rssKb: number
  outputBytes: number
}

function runOnce(t: Task, scratch: string, save: string | undefined): Sample {
  const timeFile = join(scratch, 'time')
  const outFile = join(scratch, 'stdout')
  const started = process.hrtime.bigint()
  // /usr/bin/time writes to its -o file; the tool's stdout goes to a file (some print megabytes).
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%e %U %S %M',
      '-o',
      timeFile,
      '/bin/sh',
      '-c',
      'exec "$@" > "$0"',
      outFile,
      t.node,
      ...t.args
    ],
    { cwd: t.cwd ?? ROOT, env: t.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  // Wall time from our own clock (/usr/bin/time's has 10 ms steps: a whole one-file run is ~0.1 s);
  // it includes starting /usr/bin/time and sh, the same ~2 ms for every tool.
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9
  if (r.error) throw r.error
  if (!existsSync(outFile)) throw new Error(`${t.tool} (${t.task}) did not run:\n${r.stderr}`)
  const [, user, sys, rss] = readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number)
  const output = readFileSync(outFile)
  if (save) writeFileSync(save, output)
  if (output.length === 0)
    throw new Error(
      `${t.tool} (${t.task}) printed nothing (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`
    )
  return { wall: elapsed, cpu: user + sys, rssKb: rss, outputBytes: output.length }
}

export function whole(options: WholeOptions): WholeResults {
  if (!existsSync(options.cli)) throw new Error(`no built CLI at ${options.cli}`)
  const scratch = mkdtempSync(join(tmpdir(), 'docker-review-whole-'))
  const emptyBin = join(scratch, 'bin') // PATH without shellcheck (nodes are run by full path)
  try {
    spawnSync('mkdir', [emptyBin])
    const plan = tasks(options, emptyBin, layOut(join(scratch, 'repos')))
    const samples = plan.map(() => [] as Sample[])
    for (let round = 0; round < options.runs; round++)
      plan.forEach((t, i) => {
        process.stderr.write(
          `… whole-process ${round + 1}/${options.runs}: ${t.tool} ${t.task} (${t.node})\n`
        )
        for (let k = 0; k < (t.repeat ?? 1); k++) {
          const save =
            round === 0 && k === 0 && t.save && options.save
              ? `${options.save}-${t.save}.json`
              : undefined
          samples[i].push(runOnce(t, scratch, save))
        }
      })
    const versions = new Map<string, string>()
    const version = (node: string): string => {
      if (!versions.has(node)) versions.set(node, nodeVersion(node))
      return versions.get(node)!
    }
    const rows: WholeRow[] = plan.map((t, i) => ({
      task: t.task,
      tool: t.tool,
      node: version(t.node),
      runs: samples[i].length,
      wallS: Math.round(median(samples[i].map((s) => s.wall)) * 1000) / 1000,
      cpuS: round(median(samples[i].map((s) => s.cpu))),
      peakRssMb: Math.round(Math.max(...samples[i].map((s) => s.rssKb)) / 1024),
      outputBytes: samples[i][0].outputBytes
    }))
    const ratios = ratiosOf(rows, version(process.execPath), '')
    if (options.node24) Object.assign(ratios, ratiosOf(rows, version(options.node24), ' (Node 24)'))
    return { cli: options.cli, rows, ratios }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/**
 * Ours over the peer's time (below 1: ours is faster) on one Node version; with ShellCheck over
 * without. `label` tells the versions apart ('' for the `node` running the bench).
 */
function ratiosOf(
  rows: WholeRow[],
  node: string,
  label: string
): Record<string, number | undefined> {
  const find = (task: string, tool: string): WholeRow | undefined =>
    rows.find((r) => r.task === task && r.tool === tool && r.node === node)
  const ratio = (a?: WholeRow, b?: WholeRow, cpu = false): number | undefined =>
    a && b ? round(cpu ? a.cpuS / b.cpuS : a.wallS / b.wallS) : undefined
  const df = 'dockerfile corpus'
  const compose = `${COMPOSE_FILES} compose files`
  const one = 'one Dockerfile'
  return {
    [`dockerfile corpus: ours / dockerfile-utils (wall)${label}`]: ratio(
      find(df, 'docker-review'),
      find(df, 'dockerfile-utils')
    ),
    [`dockerfile corpus: ours / dockerfile-utils (CPU)${label}`]: ratio(
      find(df, 'docker-review'),
      find(df, 'dockerfile-utils'),
      true
    ),
    [`laid out: ours / dockerfile-utils (wall)${label}`]: ratio(
      find(LAID_OUT, 'docker-review'),
      find(LAID_OUT, 'dockerfile-utils')
    ),
    [`laid out / flat: ours (wall)${label}`]: ratio(
      find(LAID_OUT, 'docker-review'),
      find(df, 'docker-review')
    ),
    [`dockerfile corpus: with ShellCheck / without (wall)${label}`]: ratio(
      find(df, 'docker-review+shellcheck'),
      find(df, 'docker-review')
    ),
    [`compose: DCLint / ours (wall)${label}`]: ratio(
      find(compose, 'dclint'),
      find(compose, 'docker-review')
    ),
    [`compose: DCLint / ours (CPU)${label}`]: ratio(
      find(compose, 'dclint'),
      find(compose, 'docker-review'),
      true
    ),
    [`one Dockerfile: ours / dockerfile-utils (wall)${label}`]: ratio(
      find(one, 'docker-review'),
      find(one, 'dockerfile-utils')
    )
  }
}

export function printWhole(results: WholeResults): string {
  const head = ['task', 'tool', 'node', 'runs', 'wall s', 'CPU s', 'peak RSS MB']
  const cells = results.rows.map((r) =>
    [r.task, r.tool, r.node, r.runs, r.wallS, r.cpuS, r.peakRssMb].map(String)
  )
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const fmt = (line: string[]): string =>
    line
      .map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd()
  const lines = [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)]
  for (const [k, v] of Object.entries(results.ratios))
    lines.push(`${k}: ${v === undefined ? 'n/a' : `${v}×`}`)
  return lines.join('\n')
}

function parseArgs(argv: string[]): WholeOptions & { json?: string } {
  const options: WholeOptions & { json?: string } = {
    cli: join(ROOT, 'dist/cli/index.js'),
    runs: 3,
    quick: false
  }
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${argv[i - 1]} takes a value`)
      return v
    }
    if (argv[i] === '--cli') options.cli = value()
    else if (argv[i] === '--runs') options.runs = Number(value())
    else if (argv[i] === '--node24') options.node24 = value()
    else if (argv[i] === '--save') options.save = value()
    else if (argv[i] === '--json') options.json = value()
    else if (argv[i] === '--quick') options.quick = true
    else throw new Error(`unknown option ${argv[i]}`)
  }
  if (!(options.runs >= 1)) throw new Error('--runs takes a number ≥ 1')
  return options
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2))
  const results = whole(options)
  console.log(printWhole(results))
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`)
    console.log(`written to ${options.json}`)
  }
}
