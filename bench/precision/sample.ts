/**
 * Draw a seeded random sample of findings from the corpus (../shared/corpus) for hand judging
 * (issue 13): `npx tsx bench/precision/sample.ts [--seed 13]` writes bench/precision/sample-<seed>.json.
 *
 * Every corpus file is linted with the default configuration (ShellCheck when the binary is on
 * PATH, prefetched for the whole corpus at once), each under its path in its source repository (so
 * the review policy's path context applies) with the other corpus files of that repository as its
 * workspace. Two samples are drawn from what they produced, with one seeded generator:
 *
 * - `sample`, uniform over all findings: DOCKERFILE Dockerfile findings, COMPOSE compose findings
 *   and SHELLCHECK ShellCheck findings (precision of all, and what a judged TP looks like for the
 *   recall check of later draws); ids `<class>-<n>`.
 * - `inline`, uniform over the findings the default review policy puts inline, the same numbers
 *   per class (all of them when the corpus has fewer): inline precision; ids `inline-<class>-<n>`.
 *
 * Each record carries the source lines it points at and what the review policy does with it.
 * Judgments live apart, in judged-<seed>.tsv (id → TP/FP/NOISE + reason), so re-drawing never
 * loses them; score.ts scores them.
 *
 * The workspace answers `readFile` for the repository's corpus files (compose files naming a
 * Dockerfile's build context, override and base compose files, `extends`, `include`) and
 * `listDir` with "unknown": the corpus holds only Dockerfiles and compose files, so a listing
 * built from it would claim that `.dockerignore`, `package.json` or a build-context folder are
 * absent and make the absence rules (DR1005, DC0005, DR1001) fire on files the repository has.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import type { FileKind, Finding, Workspace } from '../../src/core/types.js'
import type { Tools } from '../../src/core/tools.js'
import { lintText } from '../../src/lint/engine.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { registry } from '../../src/rules/index.js'
import { shellcheckRequests } from '../../src/rules/dockerfile/lib/shellcheck-prefetch.js'
import { CORPUS, ROOT } from '../corpus.js'

/** Findings drawn per class, in each of the two samples. */
export const WANT: Record<SampleClass, number> = { dockerfile: 100, compose: 60, shellcheck: 30 }
export const CLASSES = ['dockerfile', 'compose', 'shellcheck'] as const

export type SampleClass = 'dockerfile' | 'compose' | 'shellcheck'

export interface SampledFinding {
  /** Stable for a seed and a code state: `<class>-<n>` (uniform) or `inline-<class>-<n>`. */
  id: string
  class: SampleClass
  repo: string
  /** Path in the source repository. */
  path: string
  /** The file in the corpus (`dockerfiles/<owner>__<repo>/<flattened path>`). */
  corpus?: string
  line: number
  rule: string
  severity: Finding['severity']
  message: string
  /** Source lines `line - 1 .. end + 1` (at most 12), `NNN| text`. */
  source: string[]
  /** The review policy's decision with the default configuration. */
  review: 'inline' | 'summary'
  /** Why it is summary-only (the rule's precision, or a summary-only path). */
  why?: 'precision' | 'path'
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

export interface Row {
  kind: FileKind
  corpusPath: string
  repo: string
  path: string
}

export function manifest(): Row[] {
  return readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [kind, corpusPath, repo, path] = l.split('\t')
      return { kind: kind as FileKind, corpusPath, repo, path }
    })
}

/** The repository's corpus files at their paths in the repository; folders unknown (see above). */
export function workspaceOf(rows: readonly Row[], repo: string): Workspace {
  const files = new Map(
    rows.filter((r) => r.repo === repo).map((r) => [r.path, join(CORPUS, r.corpusPath)])
  )
  return {
    readFile: (p) => {
      const at = files.get(p.replace(/^\.\//, ''))
      return at === undefined ? undefined : readFileSync(at, 'utf8')
    },
    listDir: () => undefined
  }
}

export type Drawn = Omit<SampledFinding, 'id'>

/**
 * Lint corpus files with the default configuration (ShellCheck prefetched for all of them) and
 * return every finding as a sample record, in manifest order.
 */
export async function lintRows(rows: readonly Row[], all: readonly Row[]): Promise<Drawn[]> {
  const { createShellcheck } = await import('../../src/tools/shellcheck.js')
  const shellcheck = createShellcheck({ jobs: 2 })
  const texts = rows.map((r) => readFileSync(join(CORPUS, r.corpusPath), 'utf8'))
  if (shellcheck)
    shellcheck.prefetch(
      shellcheckRequests(rows.map((r, i) => ({ path: r.path, text: texts[i], kind: r.kind })))
    )
  const tools: Tools = shellcheck ? { shellcheck } : {}
  const policy = reviewPolicy(DEFAULT_POLICY)
  const workspaces = new Map<string, Workspace>()
  const out: Drawn[] = []
  rows.forEach((row, i) => {
    const lines = texts[i].split(/\r?\n/)
    let workspace = workspaces.get(row.repo)
    if (!workspace) workspaces.set(row.repo, (workspace = workspaceOf(all, row.repo)))
    const result = lintText(
      { path: row.path, text: texts[i], kind: row.kind },
      { registry, config: DEFAULT_CONFIG, workspace, tools }
    )
    for (const f of result.findings) {
      const cls: SampleClass = /^SC\d+$/.test(f.rule) ? 'shellcheck' : row.kind
      const from = Math.max(1, f.range.start.line - 1)
      const to = Math.min(lines.length, f.range.end.line + 1, from + 11)
      const source: string[] = []
      for (let n = from; n <= to; n++) source.push(`${String(n).padStart(3)}| ${lines[n - 1]}`)
      const placed = policy(f)
      out.push({
        class: cls,
        repo: row.repo,
        path: row.path,
        corpus: row.corpusPath,
        line: f.range.start.line,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        source,
        review: placed.review,
        ...(placed.why ? { why: placed.why } : {})
      })
    }
  })
  return out
}

/**
 * Draw `want` per class from `pool` (all of a class when it has fewer), ids `<prefix><class>-<n>`.
 * With `perRepo`, at most that share of a class's draws comes from one repository (a finding of a
 * repository that has its share is passed over), so one prolific repository cannot stand for the
 * corpus; what is passed over is counted in `skipped`.
 */
export function draw(
  pool: readonly Drawn[],
  next: () => number,
  prefix: string,
  perRepo?: number
): {
  sample: SampledFinding[]
  sizes: Record<SampleClass, number>
  skipped: Record<SampleClass, number>
} {
  const sample: SampledFinding[] = []
  const sizes = {} as Record<SampleClass, number>
  const skipped = {} as Record<SampleClass, number>
  for (const cls of CLASSES) {
    const of = pool.filter((f) => f.class === cls)
    sizes[cls] = of.length
    skipped[cls] = 0
    const cap = perRepo === undefined ? Infinity : Math.max(1, Math.floor(WANT[cls] * perRepo))
    const taken = new Map<string, number>()
    const chosen: Drawn[] = []
    for (const f of shuffle(of, next)) {
      if (chosen.length === WANT[cls]) break
      const n = taken.get(f.repo) ?? 0
      if (n >= cap) {
        skipped[cls]++
        continue
      }
      taken.set(f.repo, n + 1)
      chosen.push(f)
    }
    chosen.forEach((f, i) => sample.push({ id: `${prefix}${cls}-${i + 1}`, ...f }))
  }
  return { sample, sizes, skipped }
}

/** The inline stratum's share per repository (from seed 17 on; seed 16 was uncapped). */
export const PER_REPO = 0.1

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seed')
  const seed = at > 0 ? Number(process.argv[at + 1]) : 13
  const next = random(seed)
  const rows = manifest()
  const findings = await lintRows(rows, rows)
  const uniform = draw(findings, next, '')
  const capped = !process.argv.includes('--uncapped')
  const inline = draw(
    findings.filter((f) => f.review === 'inline'),
    next,
    'inline-',
    capped ? PER_REPO : undefined
  )
  const files = {
    dockerfile: rows.filter((r) => r.kind === 'dockerfile').length,
    compose: rows.filter((r) => r.kind === 'compose').length
  }
  const out = join(ROOT, `bench/precision/sample-${seed}.json`)
  writeFileSync(
    out,
    `${JSON.stringify({ seed, files, pools: uniform.sizes, inlinePools: inline.sizes, inlinePerRepo: capped ? PER_REPO : null, inlineSkipped: inline.skipped, sample: uniform.sample, inline: inline.sample }, null, 1)}\n`
  )
  const sizes = (s: Record<SampleClass, number>): string =>
    CLASSES.map((c) => `${c} ${s[c]}`).join(', ')
  console.log(
    `seed ${seed}: linted ${files.dockerfile} Dockerfiles and ${files.compose} compose files; ` +
      `uniform sample ${uniform.sample.length} of ${sizes(uniform.sizes)}; ` +
      `inline sample ${inline.sample.length} of ${sizes(inline.sizes)} → ${out}`
  )
  for (const cls of CLASSES)
    if (inline.sizes[cls] < WANT[cls])
      console.log(`  only ${inline.sizes[cls]} inline ${cls} findings in the corpus: all drawn`)
}

if (process.argv[1]?.endsWith('sample.ts')) await main()
