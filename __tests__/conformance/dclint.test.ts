import { describe, expect, it } from 'vitest'
import {
  PROBE_EXPECTATIONS,
  documentedDivergences,
  loadDclintCases,
  scoreDclint
} from '../../bench/conformance/dclint.js'
import { registry } from '../../src/rules/index.js'

/**
 * DCLint conformance: every case of ../shared/conformance/dclint-cases.json (read at test time)
 * either agrees with docker-review, or is a deliberate divergence listed in docs/divergences.md.
 */

describe('DCLint conformance', () => {
  const score = scoreDclint()

  it('reads the shared case file (fails loudly when it is missing)', () => {
    const cases = loadDclintCases()
    expect(cases.length).toBeGreaterThan(100)
    expect(score.total).toBe(cases.length)
  })

  it('maps every DCLint rule name to one of our rules by alias', () => {
    const names = new Set(
      loadDclintCases()
        .filter((c) => c.kind !== 'probe')
        .flatMap((c) => [c.rule, c.rule_v4].filter((n): n is string => Boolean(n)))
    )
    const unmapped = [...names].filter((n) => registry.resolve(n) === undefined)
    expect(unmapped).toEqual([])
  })

  it('has no undocumented disagreement', () => {
    expect(score.undocumented.map((r) => `${r.key}: ${r.detail}`)).toEqual([])
  })

  it('lists no divergence that no longer disagrees (or names no case)', () => {
    expect(score.stale).toEqual([])
  })

  it('gets every probe of a recorded DCLint defect right (none is a documented divergence)', () => {
    const probes = score.results.filter((r) => r.kind === 'probe' && r.test in PROBE_EXPECTATIONS)
    expect(probes.length).toBe(Object.keys(PROBE_EXPECTATIONS).length)
    expect(probes.filter((r) => !r.agree).map((r) => `${r.key}: ${r.detail}`)).toEqual([])
  })

  it('keeps deliberate divergences few', () => {
    expect(documentedDivergences().size).toBeLessThanOrEqual(score.total / 10)
    expect(score.agree + score.documented).toBe(score.total)
  })
})
