/**
 * Score the hand-judged sample: `npx tsx bench/precision/score.ts [--seed 16] [--rescore]`.
 *
 * Reads sample-<seed>.json (drawn by sample.ts) and judged-<seed>.tsv (`id<TAB>TP|FP|NOISE<TAB>reason`)
 * and prints, per class (Dockerfile, compose, ShellCheck):
 *
 * - inline precision, from the stratified inline sample (`inline-*` ids) when it is judged, with a
 *   95 % Wilson interval;
 * - precision of all findings and how many true ones go inline, from the uniform sample when it is
 *   judged (older draws have only that one: their inline precision comes from its inline part);
 * - recall: of the findings judged TP in the earlier draws (every judged-<n>.tsv with n < seed,
 *   both samples), the share today's code still reports (inline or in the summary) at the same
 *   repository, path, line and rule; the files are linted again for that, and the lost ones listed.
 *
 * `--rescore` re-applies the current review policy to the sampled findings (after a precision
 * change) instead of the placement recorded at draw time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../src/core/types.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { ROOT } from '../corpus.js'
import { CLASSES, lintRows, manifest, type SampleClass, type SampledFinding } from './sample.js'

export type Verdict = 'TP' | 'FP' | 'NOISE'

export interface Score {
  n: number
  tp: number
  inline: number
  inlineTp: number
  /** True findings still shown (inline or summary). */
  kept: number
}

export function score(
  sample: readonly SampledFinding[],
  verdicts: ReadonlyMap<string, Verdict>,
  placement: (f: SampledFinding) => 'inline' | 'summary' = (f) => f.review
): Record<SampleClass, Score> {
  const out = {} as Record<SampleClass, Score>
  for (const cls of CLASSES) {
    const s: Score = { n: 0, tp: 0, inline: 0, inlineTp: 0, kept: 0 }
    for (const f of sample.filter((x) => x.class === cls)) {
      const v = verdicts.get(f.id)
      if (!v) throw new Error(`${f.id} is not judged`)
      const inline = placement(f) === 'inline'
      s.n++
      if (v === 'TP') s.tp++
      if (v === 'TP') s.kept++
      if (inline) s.inline++
      if (inline && v === 'TP') s.inlineTp++
    }
    out[cls] = s
  }
  return out
}

/** The 95 % Wilson score interval of `k` successes in `n` trials, as fractions. */
export function wilson(k: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1]
  const p = k / n
  const z2 = z * z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

export function readVerdicts(text: string): Map<string, Verdict> {
  const out = new Map<string, Verdict>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    const [id, verdict, reason] = line.split('\t')
    if (!['TP', 'FP', 'NOISE'].includes(verdict) || !reason?.trim())
      throw new Error(`bad judgment line: ${line}`)
    out.set(id, verdict as Verdict)
  }
  return out
}

/** The key a finding is matched by across draws. */
export const keyOf = (f: Pick<SampledFinding, 'repo' | 'path' | 'line' | 'rule'>): string =>
  `${f.repo}\t${f.path}\t${f.line}\t${f.rule}`

interface Draw {
  seed: number
  sample: SampledFinding[]
  inline?: SampledFinding[]
}

const DIR = join(ROOT, 'bench/precision')

function readDraw(seed: string | number): Draw {
  return JSON.parse(readFileSync(join(DIR, `sample-${seed}.json`), 'utf8')) as Draw
}

/** Findings judged TP in every judged draw before `seed`, one per key. */
export function earlierTps(seed: number): SampledFinding[] {
  const out = new Map<string, SampledFinding>()
  for (const name of readdirSync(DIR).sort()) {
    const m = /^judged-(\d+)\.tsv$/.exec(name)
    if (!m || Number(m[1]) >= seed || !existsSync(join(DIR, `sample-${m[1]}.json`))) continue
    const verdicts = readVerdicts(readFileSync(join(DIR, name), 'utf8'))
    const draw = readDraw(m[1])
    for (const f of [...draw.sample, ...(draw.inline ?? [])])
      if (verdicts.get(f.id) === 'TP') out.set(keyOf(f), { ...f, id: `${m[1]}/${f.id}` })
  }
  return [...out.values()]
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)} %`)
const interval = (k: number, n: number): string => {
  if (n === 0) return '—'
  const [lo, hi] = wilson(k, n)
  return `${(100 * lo).toFixed(0)}–${(100 * hi).toFixed(0)} %`
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seed')
  const wanted = at > 0 ? process.argv[at + 1] : '16'
  const { seed, sample, inline = [] } = readDraw(wanted)
  const judged = join(DIR, `judged-${wanted}.tsv`)
  const verdicts = existsSync(judged)
    ? readVerdicts(readFileSync(judged, 'utf8'))
    : new Map<string, Verdict>()
  const policy = reviewPolicy(DEFAULT_POLICY)
  const rescore = process.argv.includes('--rescore')
  const placement = rescore
    ? (f: SampledFinding) =>
        policy({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          file: f.path,
          range: { start: { line: f.line, column: 1 }, end: { line: f.line, column: 1 } }
        } satisfies Finding).review
    : undefined
  const complete = (items: SampledFinding[]): boolean =>
    items.length > 0 && items.every((f) => verdicts.has(f.id))
  console.log(`seed ${seed}${rescore ? ' (current policy)' : ''}`)

  if (complete(inline)) {
    const placed = inline.filter((f) => (placement ?? ((x) => x.review))(f) === 'inline')
    const s = score(placed, verdicts)
    console.log('\ninline sample (stratified: drawn from inline findings only)')
    console.log('class        inline   TP   FP  NOISE  inline precision  95 % Wilson')
    for (const cls of CLASSES) {
      const of = placed.filter((f) => f.class === cls)
      const count = (v: Verdict): number => of.filter((f) => verdicts.get(f.id) === v).length
      console.log(
        `${cls.padEnd(10)} ${String(s[cls].n).padStart(8)} ${String(s[cls].tp).padStart(4)} ${String(count('FP')).padStart(4)} ${String(count('NOISE')).padStart(6)}  ${pct(s[cls].tp, s[cls].n).padStart(16)}  ${interval(s[cls].tp, s[cls].n).padStart(11)}`
      )
    }
    const byRepo = new Map<string, number>()
    for (const f of placed) byRepo.set(f.repo, (byRepo.get(f.repo) ?? 0) + 1)
    const [top, most] = [...byRepo].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0]
    console.log(
      `${byRepo.size} repositories; the largest, ${top}, holds ${pct(most, placed.length)} of the stratum`
    )
    if (rescore && placed.length < inline.length)
      console.log(`(${inline.length - placed.length} drawn inline findings now go to the summary)`)
  } else if (inline.length > 0) console.log('\ninline sample: not (fully) judged')

  if (complete(sample)) {
    const s = score(sample, verdicts, placement)
    console.log('\nuniform sample (drawn from all findings)')
    console.log(
      'class       n   TP  all-precision  inline  inline-TP  inline-precision  95 % Wilson  TP inline'
    )
    for (const [cls, c] of Object.entries(s)) {
      console.log(
        `${cls.padEnd(10)} ${String(c.n).padStart(3)} ${String(c.tp).padStart(4)}  ${pct(c.tp, c.n).padStart(13)}  ${String(c.inline).padStart(6)}  ${String(c.inlineTp).padStart(9)}  ${pct(c.inlineTp, c.inline).padStart(16)}  ${interval(c.inlineTp, c.inline).padStart(11)}  ${pct(c.inlineTp, c.tp).padStart(9)}`
      )
    }
  } else console.log('\nuniform sample: not (fully) judged')

  const before = earlierTps(seed)
  if (before.length === 0) return
  const rows = manifest()
  const wantedFiles = new Set(before.map((f) => `${f.repo}\t${f.path}`))
  const today = new Set(
    (
      await lintRows(
        rows.filter((r) => wantedFiles.has(`${r.repo}\t${r.path}`)),
        rows
      )
    ).map(keyOf)
  )
  console.log('\nrecall: TPs of earlier draws still reported today (inline or summary)')
  for (const cls of CLASSES) {
    const of = before.filter((f) => f.class === cls)
    const kept = of.filter((f) => today.has(keyOf(f)))
    console.log(
      `${cls.padEnd(10)} ${String(kept.length).padStart(3)} of ${String(of.length).padStart(3)}  ${pct(kept.length, of.length).padStart(5)}  ${interval(kept.length, of.length)}`
    )
  }
  const all = before.filter((f) => today.has(keyOf(f))).length
  console.log(
    `all        ${String(all).padStart(3)} of ${String(before.length).padStart(3)}  ${pct(all, before.length).padStart(5)}  ${interval(all, before.length)}`
  )
  for (const f of before.filter((x) => !today.has(keyOf(x))))
    console.log(`  lost: ${f.id} (${f.rule}) ${f.repo}/${f.path}:${f.line}`)
}

if (process.argv[1]?.endsWith('score.ts')) await main()
