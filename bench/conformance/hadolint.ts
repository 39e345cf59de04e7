import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lintText } from '../../src/lint/engine.js'
import { parseHadolintConfig, resolveConfig, type ConfigLayer } from '../../src/config/config.js'
import type { Finding } from '../../src/core/types.js'
import type { Tools } from '../../src/core/tools.js'
import { registry } from '../../src/rules/index.js'

/**
 * hadolint conformance: every case of `../shared/conformance/hadolint-cases.json` through the real
 * pipeline (parse, default-enabled rules plus the case's rule, central pragmas, config from the
 * case's `.hadolint.yaml` keys), scored against hadolint's expectation.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
export const HADOLINT_CASES = join(ROOT, '../shared/conformance/hadolint-cases.json')
export const DIVERGENCES = join(ROOT, 'docs/divergences.md')

export interface HadolintCase {
  rule: string
  dockerfile: string
  fires: boolean
  count?: number
  config?: Record<string, unknown>
  onbuild?: boolean
  assertion: string
  source: string
  note: string
}

export interface CaseResult {
  case: HadolintCase
  /** Findings of the case's rule (any SC code for `SHELLCHECK`, any finding for `ALL`). */
  found: Finding[]
  agree: boolean
  /** The case's `source` is listed in docs/divergences.md. */
  documented: boolean
  /** Set when the case could not be run (bad config, crash). */
  error?: string
}

export interface RuleRow {
  rule: string
  cases: number
  agree: number
  disagree: number
  /** Disagreements listed in docs/divergences.md. */
  divergences: number
}

export interface HadolintScore {
  rows: RuleRow[]
  results: CaseResult[]
  /** Over every case. */
  agree: number
  total: number
  /** Over the cases that do not need ShellCheck (the 97 % target). */
  nonShellcheck: { agree: number; total: number; ratio: number }
  disagreements: CaseResult[]
  /** Disagreements not listed in docs/divergences.md. */
  undocumented: CaseResult[]
  /** Sources listed in docs/divergences.md whose case agrees with hadolint after all. */
  stale: string[]
}

/** Read the cases; a missing file is an error, never an empty suite. */
export function loadHadolintCases(path = HADOLINT_CASES): HadolintCase[] {
  if (!existsSync(path)) {
    throw new Error(
      `hadolint conformance data missing: ${path} (expected in ../shared/conformance/)`
    )
  }
  const cases = JSON.parse(readFileSync(path, 'utf8')) as HadolintCase[]
  if (!Array.isArray(cases) || cases.length === 0) throw new Error(`${path}: no cases`)
  return cases
}

const SOURCE = /test\/[A-Za-z0-9_/]+Spec\.hs:\d+/g

/** Upstream case sources named anywhere in docs/divergences.md. */
export function documentedSources(path = DIVERGENCES): Set<string> {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  return new Set(text.match(SOURCE) ?? [])
}

function configFor(c: HadolintCase, id: string | undefined): ReturnType<typeof resolveConfig> {
  const layers: ConfigLayer[] = []
  // The case's own rule is on even when it is opt-in; a case's `ignored` list still wins.
  if (id) layers.push({ source: 'conformance', rules: new Map([[id, 'on']]) })
  if (c.config)
    layers.push(parseHadolintConfig('.hadolint.yaml', JSON.stringify(c.config), registry))
  return resolveConfig(layers)
}

function relevant(c: HadolintCase, id: string | undefined, findings: Finding[]): Finding[] {
  if (c.rule === 'ALL') return findings
  if (c.rule === 'SHELLCHECK') return findings.filter((f) => /^SC\d+$/.test(f.rule))
  return id ? findings.filter((f) => f.rule === id) : []
}

export function runCase(
  c: HadolintCase,
  documented: ReadonlySet<string>,
  tools: Tools = {}
): CaseResult {
  const id = c.rule === 'ALL' || c.rule === 'SHELLCHECK' ? undefined : registry.resolve(c.rule)
  const base = { case: c, documented: documented.has(c.source) }
  try {
    const config = configFor(c, id)
    const result = lintText(
      { path: 'Dockerfile', text: `${c.dockerfile}\n`, kind: 'dockerfile' },
      { registry, config, tools }
    )
    const found = relevant(c, id, result.findings)
    const countOk = c.count === undefined || found.length === c.count
    const agree = found.length > 0 === c.fires && countOk && result.errors.length === 0
    return {
      ...base,
      found,
      agree,
      error: result.errors.length > 0 ? result.errors.join('; ') : undefined
    }
  } catch (error) {
    return {
      ...base,
      found: [],
      agree: false,
      error: error instanceof Error ? error.message : String(error)
    }
  }
}

export interface ScoreOptions {
  cases?: HadolintCase[]
  documented?: ReadonlySet<string>
  tools?: Tools
}

export function scoreHadolint(options: ScoreOptions = {}): HadolintScore {
  const cases = options.cases ?? loadHadolintCases()
  const documented = options.documented ?? documentedSources()
  const results = cases.map((c) => runCase(c, documented, options.tools))
  const byRule = new Map<string, RuleRow>()
  for (const r of results) {
    const row = byRule.get(r.case.rule) ?? {
      rule: r.case.rule,
      cases: 0,
      agree: 0,
      disagree: 0,
      divergences: 0
    }
    row.cases++
    if (r.agree) row.agree++
    else {
      row.disagree++
      if (r.documented) row.divergences++
    }
    byRule.set(r.case.rule, row)
  }
  const rows = [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule))
  const plain = results.filter((r) => r.case.rule !== 'SHELLCHECK')
  const plainAgree = plain.filter((r) => r.agree).length
  const disagreements = results.filter((r) => !r.agree)
  return {
    rows,
    results,
    agree: results.filter((r) => r.agree).length,
    total: results.length,
    nonShellcheck: {
      agree: plainAgree,
      total: plain.length,
      ratio: plain.length === 0 ? 0 : plainAgree / plain.length
    },
    disagreements,
    undocumented: disagreements.filter((r) => !r.documented && r.case.rule !== 'SHELLCHECK'),
    stale: results.filter((r) => r.agree && r.documented).map((r) => r.case.source)
  }
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`)

/** The per-rule table and the disagreements, as printed by `npm run conformance`. */
export function formatHadolintScore(score: HadolintScore): string {
  const out: string[] = []
  out.push('hadolint conformance (../shared/conformance/hadolint-cases.json)')
  out.push('')
  out.push('rule        cases  agree  disagree  documented')
  for (const r of score.rows) {
    out.push(
      `${r.rule.padEnd(10)} ${String(r.cases).padStart(6)} ${String(r.agree).padStart(6)} ${String(
        r.disagree
      ).padStart(9)} ${String(r.divergences).padStart(11)}`
    )
  }
  out.push('')
  out.push(`all cases:            ${score.agree}/${score.total} (${pct(score.agree, score.total)})`)
  const n = score.nonShellcheck
  out.push(`non-ShellCheck cases: ${n.agree}/${n.total} (${pct(n.agree, n.total)}; target 97%)`)
  if (score.disagreements.length > 0) {
    out.push('')
    out.push('disagreements:')
    for (const r of score.disagreements) {
      const c = r.case
      const expected = c.fires ? `fires${c.count !== undefined ? ` ×${c.count}` : ''}` : 'silent'
      const mark = r.documented
        ? 'documented'
        : c.rule === 'SHELLCHECK'
          ? 'shellcheck'
          : 'UNDOCUMENTED'
      out.push(
        `  [${mark}] ${c.rule} ${c.source}: expected ${expected}, got ${r.found.length}${r.error ? ` (${r.error})` : ''} — ${c.note}`
      )
    }
  }
  if (score.stale.length > 0) {
    out.push('')
    out.push(`listed in docs/divergences.md but agreeing now: ${score.stale.join(', ')}`)
  }
  return out.join('\n')
}
