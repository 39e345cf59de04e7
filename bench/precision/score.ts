/**
 * Score the hand-judged sample: `npx tsx bench/precision/score.ts [--seed 13] [--rescore]`.
 *
 * Reads sample-<seed>.json (drawn by sample.ts) and judged-<seed>.tsv (`id<TAB>TP|FP|NOISE<TAB>reason`) and
 * prints, per class (Dockerfile, compose, ShellCheck): precision of all findings, precision of
 * what goes inline under the default review policy, and how many true findings still appear
 * (inline or in the summary; the policy never drops one) and how many of them are inline.
 * `--rescore` re-applies the current review policy to the sampled findings (after a precision
 * change) instead of the placement recorded at draw time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../src/core/types.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { ROOT } from '../corpus.js'
import type { SampleClass, SampledFinding } from './sample.js'

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
  for (const cls of ['dockerfile', 'compose', 'shellcheck'] as const) {
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

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)} %`)

function main(): void {
  const dir = join(ROOT, 'bench/precision')
  const at = process.argv.indexOf('--seed')
  const wanted = at > 0 ? process.argv[at + 1] : '13'
  const { seed, sample } = JSON.parse(readFileSync(join(dir, `sample-${wanted}.json`), 'utf8')) as {
    seed: number
    sample: SampledFinding[]
  }
  const verdicts = readVerdicts(readFileSync(join(dir, `judged-${wanted}.tsv`), 'utf8'))
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
  const scores = score(sample, verdicts, placement)
  console.log(`seed ${seed}${rescore ? ' (current policy)' : ''}`)
  console.log(
    'class       n   TP  all-precision  inline  inline-TP  inline-precision  TP kept  TP inline'
  )
  for (const [cls, s] of Object.entries(scores)) {
    console.log(
      `${cls.padEnd(10)} ${String(s.n).padStart(3)} ${String(s.tp).padStart(4)}  ${pct(s.tp, s.n).padStart(13)}  ${String(s.inline).padStart(6)}  ${String(s.inlineTp).padStart(9)}  ${pct(s.inlineTp, s.inline).padStart(16)}  ${pct(s.kept, s.tp).padStart(7)}  ${pct(s.inlineTp, s.tp).padStart(9)}`
    )
  }
}

if (process.argv[1]?.endsWith('score.ts')) main()
