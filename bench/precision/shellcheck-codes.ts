/**
 * ShellCheck precision per SC code (issue 13): `npx tsx bench/precision/shellcheck-codes.ts --seed 21`
 * lints every corpus file with the default configuration (sample.ts's `lintRows`: ShellCheck on
 * the RUN bodies, each file at its repository path), counts the ShellCheck findings per code and
 * draws, with one seeded generator, up to PER_CODE findings of every code with at least MIN_COUNT
 * occurrences and of every code the precision table puts at high or very-high. It writes
 * shellcheck-codes-<seed>.json (counts and the drawn findings with their source lines).
 *
 * The judgments live apart, in shellcheck-codes-<seed>.tsv (`id<TAB>TP|FP|NOISE<TAB>reason`: TP
 * true and worth a PR comment, FP wrong, NOISE true but not worth a thread). `--score` prints the
 * per-code table (occurrences, inline now, judged, TP/FP/NOISE, the level the table gives) from the
 * JSON and the TSV, re-linting nothing; `--score --relint` lints the corpus again and also shows
 * what today's code reports and puts inline, and which judged findings it still reports (after a
 * rule or precision change).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../src/core/types.js'
import { DEFAULT_POLICY, reviewPolicy } from '../../src/review/policy.js'
import { precisionEntry } from '../../src/rules/precision.js'
import { ROOT } from '../corpus.js'
import { lintRows, manifest, random, type Drawn, type SampledFinding } from './sample.js'
import { wilson } from './score.js'

/** Findings judged per code, and the occurrences a code needs to be drawn at all. */
export const PER_CODE = 8
export const MIN_COUNT = 3

export interface CodeSample {
  seed: number
  /** Corpus ShellCheck findings per code (all placements). */
  counts: Record<string, number>
  /** Of those, inline under the default review policy at draw time. */
  inline: Record<string, number>
  sample: SampledFinding[]
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

function tally(findings: readonly Drawn[]): {
  counts: Record<string, number>
  inline: Record<string, number>
} {
  const counts: Record<string, number> = {}
  const inline: Record<string, number> = {}
  for (const f of findings) {
    counts[f.rule] = (counts[f.rule] ?? 0) + 1
    if (f.review === 'inline') inline[f.rule] = (inline[f.rule] ?? 0) + 1
  }
  return { counts, inline }
}

/** The fields the review policy reads, from a drawn record. */
function asFinding(f: SampledFinding): Finding {
  const at = { line: f.line, column: 1 }
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    file: f.path,
    range: { start: at, end: at }
  }
}

const byCode = (a: string, b: string): number => Number(a.slice(2)) - Number(b.slice(2))

async function shellcheckFindings(): Promise<Drawn[]> {
  const rows = manifest().filter((r) => r.kind === 'dockerfile')
  return (await lintRows(rows, manifest())).filter((f) => f.class === 'shellcheck')
}

/** Draw up to PER_CODE findings per eligible code, codes in numeric order, ids `SC<code>-<n>`. */
export function drawPerCode(findings: readonly Drawn[], next: () => number): SampledFinding[] {
  const { counts } = tally(findings)
  const high = (code: string): boolean => ['high', 'very-high'].includes(precisionEntry(code).level)
  const out: SampledFinding[] = []
  for (const code of Object.keys(counts).sort(byCode)) {
    if (counts[code] < MIN_COUNT && !high(code)) continue
    shuffle(
      findings.filter((f) => f.rule === code),
      next
    )
      .slice(0, PER_CODE)
      .forEach((f, i) => out.push({ id: `${code}-${i + 1}`, ...f }))
  }
  return out
}

function verdictsOf(file: string): Map<string, { verdict: string; reason: string }> {
  const out = new Map<string, { verdict: string; reason: string }>()
  if (!existsSync(file)) return out
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const [id, verdict, reason] = line.split('\t')
    if (!['TP', 'FP', 'NOISE'].includes(verdict)) throw new Error(`bad verdict in ${file}: ${line}`)
    out.set(id, { verdict, reason })
  }
  return out
}

const key = (f: Drawn): string => `${f.repo}\t${f.path}\t${f.line}\t${f.rule}`

async function scoreTable(seed: number, relint: boolean): Promise<void> {
  const drawn = JSON.parse(
    readFileSync(join(ROOT, `bench/precision/shellcheck-codes-${seed}.json`), 'utf8')
  ) as CodeSample
  const verdicts = verdictsOf(join(ROOT, `bench/precision/shellcheck-codes-${seed}.tsv`))
  const relinted = relint ? await shellcheckFindings() : undefined
  const now = relinted ? tally(relinted) : undefined
  const reported = new Set(relinted?.map(key))
  // A judged finding counts today when today's code still reports it (always without --relint).
  const still = (f: SampledFinding): boolean => !relinted || reported.has(key(f))
  const policy = reviewPolicy(DEFAULT_POLICY)
  console.log(
    '| code | found | found now | inline at draw | inline now | judged | TP | FP | NOISE | still reported TP/FP/NOISE | level |'
  )
  console.log('|---|---|---|---|---|---|---|---|---|---|---|')
  const codes = new Set([...Object.keys(drawn.counts), ...Object.keys(now?.counts ?? {})])
  let inlineTp = 0
  let inlineJudged = 0
  for (const code of [...codes].sort(byCode)) {
    const judged = drawn.sample.filter((f) => f.id.startsWith(`${code}-`))
    const n = (v: string, of = judged): number =>
      of.filter((f) => verdicts.get(f.id)?.verdict === v).length
    const kept = judged.filter(still)
    const inl = now ? (now.inline[code] ?? 0) : undefined
    // Judged findings still reported that go inline under today's precision table.
    for (const f of kept) {
      if (policy(asFinding(f)).review !== 'inline') continue
      inlineJudged++
      if (verdicts.get(f.id)?.verdict === 'TP') inlineTp++
    }
    if (judged.length === 0 && (drawn.counts[code] ?? 0) < MIN_COUNT && !inl) continue
    const dash = (x: number | undefined): string => (x === undefined ? '—' : String(x))
    console.log(
      `| ${code} | ${drawn.counts[code] ?? 0} | ${dash(now && (now.counts[code] ?? 0))} | ` +
        `${drawn.inline[code] ?? 0} | ${dash(inl)} | ${judged.length} | ${n('TP')} | ${n('FP')} | ` +
        `${n('NOISE')} | ${n('TP', kept)}/${n('FP', kept)}/${n('NOISE', kept)} | ${precisionEntry(code).level} |`
    )
  }
  const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0)
  const rare = Object.keys(drawn.counts).filter((c) => drawn.counts[c] < MIN_COUNT)
  console.log(
    `\n${total(drawn.counts)} ShellCheck findings at draw time, ` +
      `${rare.length} codes with < ${MIN_COUNT} occurrences not listed unless drawn or inline; ` +
      `${drawn.sample.length} judged (${verdicts.size} verdicts).`
  )
  console.log(
    `Judged findings${relinted ? ' still reported and' : ''} inline under today's precision table: ` +
      `${inlineTp} TP of ${inlineJudged}.`
  )
  if (now)
    console.log(
      `Today's code: ${total(now.counts)} corpus ShellCheck findings, ${total(now.inline)} inline.`
    )
}

/** Up to INLINE_WANT of the ShellCheck findings today's default policy puts inline. */
export const INLINE_WANT = 60

/**
 * `--inline`: draw the ShellCheck findings that go inline under today's code (all of them when
 * there are at most INLINE_WANT) into shellcheck-codes-inline-<seed>.json, ids `inline-<n>`, for
 * judging in shellcheck-codes-inline-<seed>.tsv; `--inline --score` prints their precision.
 */
async function inlineSample(seed: number, scoreIt: boolean): Promise<void> {
  const file = join(ROOT, `bench/precision/shellcheck-codes-inline-${seed}`)
  if (scoreIt) {
    const { pool, sample } = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as {
      pool: number
      sample: SampledFinding[]
    }
    const verdicts = verdictsOf(`${file}.tsv`)
    const n = (v: string): number => sample.filter((f) => verdicts.get(f.id)?.verdict === v).length
    const unjudged = sample.filter((f) => !verdicts.has(f.id)).length
    const [lo, hi] = wilson(n('TP'), sample.length).map((x) => Math.round(x * 100))
    console.log(
      `seed ${seed}: ${sample.length} of ${pool} inline ShellCheck findings judged: ${n('TP')} TP, ` +
        `${n('FP')} FP, ${n('NOISE')} NOISE${unjudged ? `, ${unjudged} NOT JUDGED` : ''}; ` +
        `inline precision ${Math.round((100 * n('TP')) / sample.length)} % (95 % Wilson ${lo}–${hi} %)`
    )
    return
  }
  const pool = (await shellcheckFindings()).filter((f) => f.review === 'inline')
  const sample = shuffle(pool, random(seed))
    .slice(0, INLINE_WANT)
    .map((f, i) => ({ id: `inline-${i + 1}`, ...f }))
  writeFileSync(`${file}.json`, `${JSON.stringify({ seed, pool: pool.length, sample }, null, 1)}\n`)
  console.log(`seed ${seed}: ${sample.length} of ${pool.length} inline findings → ${file}.json`)
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--seed')
  const seed = at > 0 ? Number(process.argv[at + 1]) : 21
  if (process.argv.includes('--inline')) return inlineSample(seed, process.argv.includes('--score'))
  if (process.argv.includes('--score')) return scoreTable(seed, process.argv.includes('--relint'))
  const findings = await shellcheckFindings()
  const { counts, inline } = tally(findings)
  const sample = drawPerCode(findings, random(seed))
  const out = join(ROOT, `bench/precision/shellcheck-codes-${seed}.json`)
  const data: CodeSample = { seed, counts, inline, sample }
  writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`)
  console.log(
    `seed ${seed}: ${findings.length} ShellCheck findings in ${Object.keys(counts).length} codes; ` +
      `${sample.length} drawn → ${out}`
  )
}

if (process.argv[1]?.endsWith('shellcheck-codes.ts')) await main()
