import { describe, expect, it } from 'vitest'
import {
  documentedSources,
  loadHadolintCases,
  runCase,
  scoreHadolint,
  type HadolintCase
} from '../../bench/conformance/hadolint.js'

/**
 * docker-review against hadolint's own test suite (../shared/conformance/hadolint-cases.json, read
 * at test time): at least 97 % agreement over the cases that do not need ShellCheck, and every
 * disagreement explained in docs/divergences.md.
 */

const score = scoreHadolint()

describe('hadolint conformance', () => {
  it('runs every case of the shared data', () => {
    // 1,104 cases upstream; a truncated file must not pass quietly.
    expect(score.total).toBeGreaterThan(1000)
    expect(score.results.filter((r) => r.error && !r.documented)).toEqual([])
  })

  it('agrees on at least 97 % of the non-ShellCheck cases', () => {
    expect(score.nonShellcheck.total).toBeGreaterThan(1000)
    expect(score.nonShellcheck.ratio).toBeGreaterThanOrEqual(0.97)
  })

  it('lists every disagreement in docs/divergences.md by its source', () => {
    const open = score.undocumented.map(
      (r) =>
        `${r.case.source} ${r.case.rule} (expected ${r.case.fires ? 'fires' : 'silent'}, got ${r.found.length})`
    )
    expect(open).toEqual([])
  })

  it('lists no case in docs/divergences.md that agrees now', () => {
    const stale = score.results
      .filter((r) => r.agree && r.documented && r.case.rule !== 'SHELLCHECK')
      .map((r) => r.case.source)
    expect(stale).toEqual([])
  })
})

describe('hadolint conformance runner', () => {
  const none = new Set<string>()
  const make = (c: Partial<HadolintCase>): HadolintCase => ({
    rule: 'DL3011',
    dockerfile: 'FROM debian:12.5\nEXPOSE 80000',
    fires: true,
    assertion: 'ruleCatches',
    source: 'test/Example.hs:1',
    note: 'example',
    ...c
  })

  it('respects `count` and `fires`', () => {
    expect(runCase(make({}), none).agree).toBe(true)
    expect(runCase(make({ count: 1 }), none).agree).toBe(true)
    expect(runCase(make({ count: 2 }), none).agree).toBe(false)
    expect(runCase(make({ fires: false, count: 0 }), none).agree).toBe(false)
  })

  it('enables the case rule even when it is off by default', () => {
    const c = make({ rule: 'DL1001', dockerfile: '# hadolint ignore=DL3003\nRUN cd /tmp' })
    expect(runCase(c, none).found.map((f) => f.rule)).toEqual(['DL1001'])
  })

  it('reads `config` the way a .hadolint.yaml is read', () => {
    const ignored = make({ fires: false, count: 0, config: { ignored: ['DL3011'] } })
    expect(runCase(ignored, none).agree).toBe(true)
    const trusted = make({
      rule: 'DL3026',
      dockerfile: 'FROM quay.io/a:1',
      config: { trustedRegistries: ['docker.io'] }
    })
    expect(runCase(trusted, none).agree).toBe(true)
    const broken = runCase(make({ config: { ignored: ['NOT-A-RULE'] } }), none)
    expect(broken.agree).toBe(false)
    expect(broken.error).toMatch(/unknown rule/)
  })

  it('scores ALL as "nothing at all" and marks documented sources', () => {
    const all = make({ rule: 'ALL', fires: false })
    const r = runCase(all, new Set([all.source]))
    expect(r.agree).toBe(false)
    expect(r.documented).toBe(true)
  })

  it('fails loudly when the shared data is missing', () => {
    expect(() => loadHadolintCases('/nonexistent/hadolint-cases.json')).toThrow(/missing/)
  })

  it('finds case sources anywhere in docs/divergences.md', () => {
    expect([...documentedSources()].every((s) => /^test\/.+Spec\.hs:\d+$/.test(s))).toBe(true)
  })
})
