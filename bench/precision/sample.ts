/**
 * Draw a seeded random sample of findings from the corpus (../shared/corpus) for hand judging
 * (issue 13): `npx tsx bench/precision/sample.ts [--seed 13]` writes bench/precision/sample.json.
 *
 * Files are drawn at random per kind and linted with the default configuration (ShellCheck when
 * the binary is on PATH), each under its path in its source repository (so the review policy's
 * path context applies) with the other corpus files of that repository as its workspace; then
 * findings are drawn uniformly from what those files produced: DOCKERFILE Dockerfile findings,
 * COMPOSE compose findings and SHELLCHECK ShellCheck findings. Each record carries the source
 * lines it points at and what the review policy does with it. Judgments live apart, in
 * judged-<seed>.tsv (id → TP/FP/NOISE + reason), so re-drawing never loses them; score.ts scores them.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import type { FileKind, Finding, Workspace } from '../../src/core/types.js'
import { lintText } from '../../src/lint/engine.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { registry } from '../../src/rules/index.js'
import { CORPUS, ROOT } from '../corpus.js'

const DOCKERFILE = 100
const COMPOSE = 60
const SHELLCHECK = 30
/** Files linted per kind before drawing findings. */
const FILES = 250

export type SampleClass = 'dockerfile' | 'compose' | 'shellcheck'

export interface SampledFinding {
  /** Stable within a draw: `<class>-<n>`. */
  id: string
  class: SampleClass
  repo: string
  /** Path in the source repository. */
  path: string
  line: number
  rule: string
  severity: Finding['severity']
  message: string
  /** Source lines `line - 1 .. end + 1` (at most 12), `NNN| text`. */
  source: string[]
  /** The review policy's decision with the default configuration. */
  review: 'inline' | 'summary'
}

/** mulberry32: small, seeded, good enough for sampling. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

interface Row {
  kind: FileKind
  corpusPath: string
  repo: string
  path: string
}

function manifest(): Row[] {
  return readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [kind, corpusPath, repo, path] = l.split('\t')
      return { kind: kind as FileKind, corpusPath, repo, path }
    })
}

function workspaceOf(rows: Row[], repo: string): Workspace {
  const files = new Map(
    rows.filter((r) => r.repo === repo).map((r) => [r.path, join(CORPUS, r.corpusPath)])
  )
  return {
    readFile: (p) => {
      const at = files.get(p)
      return at === undefined ? undefined : readFileSync(at, 'utf8')
    },
    listDir: () => undefined
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seed')
  const seed = at > 0 ? Number(process.argv[at + 1]) : 13
  const next = random(seed)
  const rows = manifest()
  const { createShellcheck } = await import('../../src/tools/shellcheck.js')
  const shellcheck = createShellcheck()
  const policy = reviewPolicy(DEFAULT_POLICY)
  const pools: Record<SampleClass, Array<Omit<SampledFinding, 'id'>>> = {
    dockerfile: [],
    compose: [],
    shellcheck: []
  }
  for (const kind of ['dockerfile', 'compose'] as const) {
    for (const row of shuffle(
      rows.filter((r) => r.kind === kind),
      next
    ).slice(0, FILES)) {
      const text = readFileSync(join(CORPUS, row.corpusPath), 'utf8')
      const lines = text.split(/\r?\n/)
      const result = lintText(
        { path: row.path, text, kind },
        {
          registry,
          config: DEFAULT_CONFIG,
          workspace: workspaceOf(rows, row.repo),
          tools: shellcheck ? { shellcheck } : {}
        }
      )
      for (const f of result.findings) {
        const cls: SampleClass = /^SC\d+$/.test(f.rule) ? 'shellcheck' : kind
        const from = Math.max(1, f.range.start.line - 1)
        const to = Math.min(lines.length, f.range.end.line + 1, from + 11)
        const source: string[] = []
        for (let n = from; n <= to; n++) source.push(`${String(n).padStart(3)}| ${lines[n - 1]}`)
        pools[cls].push({
          class: cls,
          repo: row.repo,
          path: row.path,
          line: f.range.start.line,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          source,
          review: policy(f).review
        })
      }
    }
  }
  const want: Record<SampleClass, number> = {
    dockerfile: DOCKERFILE,
    compose: COMPOSE,
    shellcheck: SHELLCHECK
  }
  const sample: SampledFinding[] = []
  for (const cls of ['dockerfile', 'compose', 'shellcheck'] as const) {
    shuffle(pools[cls], next)
      .slice(0, want[cls])
      .forEach((f, i) => sample.push({ id: `${cls}-${i + 1}`, ...f }))
  }
  const out = join(ROOT, `bench/precision/sample-${seed}.json`)
  writeFileSync(
    out,
    `${JSON.stringify({ seed, files: FILES, pools: Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, v.length])), sample }, null, 1)}\n`
  )
  console.log(
    `seed ${seed}: drew ${sample.length} findings (pools: ${Object.entries(pools)
      .map(([k, v]) => `${k} ${v.length}`)
      .join(', ')}) → ${out}`
  )
}

if (process.argv[1]?.endsWith('sample.ts')) await main()
