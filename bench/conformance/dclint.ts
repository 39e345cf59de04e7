import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveConfig } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { fixUntilStable } from '../../src/core/fixes.js'
import type { Finding } from '../../src/core/types.js'
import { registry } from '../../src/rules/index.js'

/**
 * Scores docker-review's compose rules against DCLint's own test cases and the probes of its
 * 3.1.0 defects (`../shared/conformance/dclint-cases.json`, read at run time, never copied).
 *
 * - `check` cases: the number of findings of the rule DCLint's name maps to (by alias), and the
 *   lines when the case gives them.
 * - `fix` cases: the text after applying that rule's fixes until stable, compared the way DCLint's
 *   own test compares it (3.1.0 tests collapse all whitespace; v4 tests trim the ends). Cases that
 *   assert only properties of the output: the text must change and the rule must not fire after.
 * - `probe` cases: where the probe's note records a DCLint defect, we must be RIGHT: the expected
 *   behaviour is written down in PROBE_EXPECTATIONS below; other probes must agree with 3.1.0.
 *
 * Disagreements listed in docs/divergences.md (compose section, by rule and test title) are
 * deliberate; any other disagreement fails `__tests__/conformance/dclint.test.ts`.
 */

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '../..')
export const DCLINT_CASES = join(root, '../shared/conformance/dclint-cases.json')
export const DIVERGENCES = join(root, 'docs/divergences.md')

export interface DclintCase {
  rule: string
  rule_v4?: string
  source: string
  test: string
  kind: 'check' | 'fix' | 'probe'
  options: Record<string, unknown> | null
  compose: string
  fires: boolean
  expected_count?: number
  expected_lines?: number[]
  fixed?: string
  fix_changes?: boolean
  fix_assertions?: string[]
  dclint_3_1_0: {
    count?: number
    lines?: number[]
    messages?: { rule: string; line: number; column?: number; message: string }[]
  }
  fixed_by_3_1_0?: string
  note: string
}

/** What is right for a probe (all findings of `rule`, or of every default rule when absent). */
interface ProbeExpectation {
  /** Our rule id the probe is about. */
  rule?: string
  /** Several rules (run with the defaults), when the probe is about more than one. */
  rules?: string[]
  /** Exact lines of the findings (sorted); [] = nothing may be reported. */
  lines: number[]
  /** Columns, when the probe is about positions. */
  columns?: number[]
  /** The text after fixing (the probe's rule), when the probe is about a fix. */
  fixed?: string
  why: string
}

/** Our reading of each probe whose note records a DCLint 3.1.0 defect. */
export const PROBE_EXPECTATIONS: Record<string, ProbeExpectation> = {
  'container-only-ports-duplicate': {
    rule: 'DC1011',
    lines: [],
    why: '"8080" publishes on an ephemeral host port: no host-port clash'
  },
  'image-from-variable': {
    rule: 'DC1001',
    lines: [],
    why: 'the whole reference is interpolated; the tag is unknown, not missing'
  },
  'latest-via-merge-key': {
    rule: 'DC1001',
    lines: [2],
    columns: [10],
    why: 'the inherited :latest is reported where it is defined (the anchor)'
  },
  'merge-key-in-service-order': {
    rule: 'DC2008',
    lines: [],
    why: '<< is a merge key, not a service key; image, environment are in order'
  },
  'toplevel-unknown-key-models': {
    rule: 'DC2011',
    lines: [],
    why: 'models belongs right after services; nothing to report, nothing to drop'
  },
  'version-fix-nested-first': {
    rule: 'DC1006',
    lines: [3],
    fixed: 'x-meta:\n  version: "2"\nservices:\n  a:\n    image: nginx:1.27\n',
    why: 'the top-level version (line 3) is reported and deleted; x-meta.version stays'
  },
  'name-line-lookup': {
    rule: 'DC2011',
    lines: [7],
    why: 'the top-level name is on line 7'
  },
  'quoted-volume-line-lookup': {
    rule: 'DC2002',
    lines: [7],
    columns: [9],
    why: 'the quoted volume is on line 7'
  },
  'unbound-all-interfaces-explicit': {
    rule: 'DC2003',
    lines: [],
    why: 'an explicit host IP is a deliberate choice (DCLint v4 allowedIps opts into stricter)'
  },
  'invalid-schema-unknown-key': {
    rule: 'DC0002',
    lines: [4],
    columns: [5],
    why: 'the unknown key is named and located'
  },
  'deps-merge-fix': {
    rule: 'DC2007',
    lines: [7],
    fixed:
      'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      # cache first\n      - redis\n',
    why: 'the comment travels with the entry it describes'
  },
  'version-float': {
    rules: ['DC0002', 'DC1006', 'DC1001'],
    lines: [1, 1],
    why: 'version (number, obsolete) is reported by DC0002 and DC1006 at line 1, and the other rules still run'
  },
  'schema-two-errors': {
    rule: 'DC0002',
    lines: [5, 7],
    why: 'every schema violation is reported, each at its node'
  },
  'container-name-with-scale': {
    rule: 'DC1013',
    lines: [5],
    why: 'Compose refuses container_name with replicas > 1'
  },
  'depends-on-undefined': {
    rule: 'DC0003',
    lines: [6],
    why: 'Compose refuses depends_on on an undefined service'
  },
  'privileged-and-socket': {
    rule: 'DC1009',
    lines: [5, 6, 8],
    why: 'privileged, host network and the Docker socket are each reported'
  },
  'no-image-no-build': {
    rule: 'DC0003',
    lines: [3],
    why: 'Compose refuses a service with neither image nor build'
  },
  'bad-restart-value': {
    rule: 'DC0002',
    lines: [5],
    why: 'Compose refuses an unknown restart policy'
  },
  'bad-duration': {
    rule: 'DC0002',
    lines: [7],
    why: 'Compose refuses a malformed duration'
  },
  'bad-port-string': {
    rule: 'DC0002',
    lines: [6],
    why: 'Compose refuses the port mapping'
  },
  'ports-same-port-different-ip': {
    rule: 'DC1011',
    lines: [],
    why: 'the same port on two different host IPs does not clash'
  },
  'ports-alternative-profiles': {
    rule: 'DC1011',
    lines: [],
    why: 'services in disjoint profiles are alternatives'
  }
}

export interface CaseResult {
  key: string
  rule: string
  source: 'v3.1.0' | 'v4' | 'probe'
  kind: DclintCase['kind']
  test: string
  /** Our rule id (undefined when nothing maps). */
  id?: string
  agree: boolean
  /** Listed in docs/divergences.md. */
  documented: boolean
  detail: string
}

export interface DclintScore {
  results: CaseResult[]
  total: number
  agree: number
  documented: number
  undocumented: CaseResult[]
  /** Documented divergences that no longer disagree (the list should be pruned). */
  stale: string[]
  table: string
}

export function caseKey(c: Pick<DclintCase, 'rule' | 'test'>): string {
  return `${c.rule} | ${c.test}`
}

/** Case keys listed in the compose section of docs/divergences.md (`| rule | test | … |` rows). */
export function documentedDivergences(path = DIVERGENCES): Set<string> {
  const out = new Set<string>()
  if (!existsSync(path)) return out
  const text = readFileSync(path, 'utf8')
  const start = text.indexOf('<!-- section: compose -->')
  if (start === -1) return out
  const rest = text.slice(start + 1)
  const next = rest.search(/<!-- section: |\n## /)
  const section = next === -1 ? rest : rest.slice(0, next)
  for (const line of section.split('\n')) {
    const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim())
    if (cells.length < 3) continue
    const rule = cells[0].replace(/`/g, '')
    const test = cells[1].replace(/^`|`$/g, '')
    if (rule && test && rule !== 'DCLint rule' && !/^-+$/.test(rule)) out.add(`${rule} | ${test}`)
  }
  return out
}

function options(raw: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw ?? {})) {
    const re =
      v && typeof v === 'object' && '$regex' in v
        ? String((v as { $regex: string }).$regex)
        : undefined
    if (re) {
      const m = /^\/(.*)\/([a-z]*)$/.exec(re)!
      out[k] = new RegExp(m[1], m[2])
    } else out[k] = v
  }
  return out
}

function lintCase(
  text: string,
  only: string | undefined,
  ruleOptions: Record<string, unknown>
): Finding[] {
  const config = resolveConfig([
    {
      source: 'dclint-case',
      all: only !== undefined,
      settings: { ruleOptions } as unknown as Record<string, never>
    }
  ])
  return lintText(
    { path: 'docker-compose.yml', text, kind: 'compose' },
    { registry, config, only: only ? new Set([only]) : undefined }
  ).findings
}

const normaliseV3 = (s: string): string => s.replace(/\s+/g, ' ').trim()
const normaliseV4 = (s: string): string => s.trim()

function runCase(c: DclintCase): { id?: string; agree: boolean; detail: string } {
  const source = c.kind === 'probe' ? 'probe' : c.source.includes('v4') ? 'v4' : 'v3.1.0'
  const aliasId = registry.resolve(c.rule) ?? (c.rule_v4 ? registry.resolve(c.rule_v4) : undefined)
  if (c.kind === 'probe') {
    const expectation = PROBE_EXPECTATIONS[c.test]
    const id = expectation ? expectation.rule : aliasId
    const findings = lintCase(c.compose, id, {}).filter(
      (f) => (!id || f.rule === id) && (!expectation?.rules || expectation.rules.includes(f.rule))
    )
    const lines = findings.map((f) => f.range.start.line).sort((a, b) => a - b)
    if (expectation) {
      let agree = JSON.stringify(lines) === JSON.stringify(expectation.lines)
      if (agree && expectation.columns) {
        agree =
          JSON.stringify(findings.map((f) => f.range.start.column)) ===
          JSON.stringify(expectation.columns)
      }
      let detail = `lines ${JSON.stringify(lines)} (expected ${JSON.stringify(expectation.lines)}: ${expectation.why})`
      if (agree && expectation.fixed !== undefined) {
        const fixed = fixUntilStable(
          c.compose,
          (t) => lintCase(t, id, {}).filter((f) => f.rule === id),
          () => true
        ).text
        agree = fixed === expectation.fixed
        detail += agree ? '; fix as expected' : `; fix gave ${JSON.stringify(fixed)}`
      }
      return { id, agree, detail }
    }
    // No recorded defect: agree with what DCLint 3.1.0 reports for its rule.
    const theirs = (c.dclint_3_1_0.messages ?? [])
      .filter((m) => c.rule === 'all-default-rules' || m.rule === c.rule)
      .map((m) => m.line)
      .sort((a, b) => a - b)
    const agree = JSON.stringify(lines) === JSON.stringify(theirs)
    return { id, agree, detail: `lines ${JSON.stringify(lines)}, DCLint ${JSON.stringify(theirs)}` }
  }
  if (!aliasId) return { agree: false, detail: `no rule has the alias ${c.rule}` }
  const opts = { [aliasId]: options(c.options) }
  if (c.kind === 'check') {
    const findings = lintCase(c.compose, aliasId, opts).filter((f) => f.rule === aliasId)
    const lines = findings.map((f) => f.range.start.line).sort((a, b) => a - b)
    let agree = findings.length === (c.expected_count ?? 0)
    if (agree && c.expected_lines)
      agree = JSON.stringify(lines) === JSON.stringify([...c.expected_lines].sort((a, b) => a - b))
    return {
      id: aliasId,
      agree,
      detail: `${findings.length} at ${JSON.stringify(lines)}, expected ${c.expected_count}${c.expected_lines ? ` at ${JSON.stringify(c.expected_lines)}` : ''}`
    }
  }
  const lint = (t: string): Finding[] =>
    lintCase(t, aliasId, opts).filter((f) => f.rule === aliasId)
  const fixed = fixUntilStable(c.compose, lint, () => true).text
  if (typeof c.fixed === 'string' && !c.fix_assertions) {
    const norm = source === 'v4' ? normaliseV4 : normaliseV3
    const agree = norm(fixed) === norm(c.fixed)
    return {
      id: aliasId,
      agree,
      detail: agree ? 'fixed text matches' : `fixed text differs:\n${fixed}`
    }
  }
  // The upstream test asserts properties only: the text changes (or not), the rule is satisfied,
  // and when an expected text is given it matches up to whitespace.
  const changed = fixed !== c.compose
  const remaining = lint(fixed).length
  const sameText = typeof c.fixed !== 'string' || normaliseV3(fixed) === normaliseV3(c.fixed)
  const agree = changed === (c.fix_changes ?? true) && remaining === 0 && sameText
  return {
    id: aliasId,
    agree,
    detail: `changed=${changed}, ${remaining} finding(s) left (the case asserts: ${(c.fix_assertions ?? []).join(' ')})`
  }
}

export function loadDclintCases(path = DCLINT_CASES): DclintCase[] {
  if (!existsSync(path)) throw new Error(`DCLint conformance data not found at ${path}`)
  return JSON.parse(readFileSync(path, 'utf8')) as DclintCase[]
}

export function scoreDclint(casesPath = DCLINT_CASES, divergencesPath = DIVERGENCES): DclintScore {
  const cases = loadDclintCases(casesPath)
  const documented = documentedDivergences(divergencesPath)
  const results: CaseResult[] = cases.map((c) => {
    const key = caseKey(c)
    let r: { id?: string; agree: boolean; detail: string }
    try {
      r = runCase(c)
    } catch (error) {
      r = {
        agree: false,
        detail: `crash: ${error instanceof Error ? error.message : String(error)}`
      }
    }
    return {
      key,
      rule: c.rule,
      source: c.kind === 'probe' ? 'probe' : c.source.includes('v4') ? 'v4' : 'v3.1.0',
      kind: c.kind,
      test: c.test,
      id: r.id,
      agree: r.agree,
      documented: documented.has(key),
      detail: r.detail
    }
  })
  const undocumented = results.filter((r) => !r.agree && !r.documented)
  const stale = results.filter((r) => r.agree && r.documented).map((r) => r.key)
  const known = new Set(results.map((r) => r.key))
  for (const k of documented) if (!known.has(k)) stale.push(k)
  return {
    results,
    total: results.length,
    agree: results.filter((r) => r.agree).length,
    documented: results.filter((r) => !r.agree && r.documented).length,
    undocumented,
    stale,
    table: table(results)
  }
}

function table(results: CaseResult[]): string {
  const rows = new Map<
    string,
    { id: string; cases: number; agree: number; documented: number; open: number }
  >()
  for (const r of results) {
    const several = r.rule === 'all-default-rules'
    const row = rows.get(r.rule) ?? {
      id: several ? 'several' : (r.id ?? '—'),
      cases: 0,
      agree: 0,
      documented: 0,
      open: 0
    }
    row.cases++
    if (r.agree) row.agree++
    else if (r.documented) row.documented++
    else row.open++
    if (row.id === '—' && r.id) row.id = r.id
    rows.set(r.rule, row)
  }
  const lines = [
    '| DCLint rule | ours | cases | agree | documented divergence | undocumented |',
    '|---|---|---:|---:|---:|---:|'
  ]
  let t = { cases: 0, agree: 0, documented: 0, open: 0 }
  for (const [rule, row] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(
      `| ${rule} | ${row.id} | ${row.cases} | ${row.agree} | ${row.documented} | ${row.open} |`
    )
    t = {
      cases: t.cases + row.cases,
      agree: t.agree + row.agree,
      documented: t.documented + row.documented,
      open: t.open + row.open
    }
  }
  lines.push(`| **total** | | ${t.cases} | ${t.agree} | ${t.documented} | ${t.open} |`)
  return lines.join('\n')
}

/** `npx tsx bench/conformance/dclint.ts`: print the table and every disagreement. */
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const score = scoreDclint()
  console.log('DCLint conformance (../shared/conformance/dclint-cases.json)\n')
  console.log(score.table)
  console.log(
    `\n${score.agree}/${score.total} agree, ${score.documented} documented divergences, ${score.undocumented.length} undocumented`
  )
  for (const r of score.results.filter((x) => !x.agree)) {
    console.log(
      `\n${r.documented ? 'DOCUMENTED' : 'OPEN'} ${r.key} [${r.source} ${r.kind} → ${r.id ?? '?'}]\n  ${r.detail.replace(/\n/g, '\n  ')}`
    )
  }
  if (score.stale.length) console.log(`\nStale divergence entries: ${score.stale.join('; ')}`)
}
