import { describe, expect, it } from 'vitest'
import { PRECISIONS, type Finding, type Severity } from '../../src/core/types.js'
import { RULE_PRECISION, SHELLCHECK_PRECISION, precisionEntry } from '../../src/rules/precision.js'
import { registry } from '../../src/rules/index.js'
import {
  DEFAULT_POLICY,
  inlineBars,
  policyOf,
  reviewPolicy,
  type ReviewPolicy
} from '../../src/review/policy.js'

const at = (rule: string, severity: Severity, file = 'Dockerfile'): Finding => ({
  rule,
  severity,
  message: 'm',
  file,
  range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }
})

describe('rule precision', () => {
  it('every registered rule has a level and a one-line basis', () => {
    const missing = registry.metas.filter((m) => m.id !== 'SHELLCHECK' && !RULE_PRECISION[m.id])
    expect(missing.map((m) => m.id)).toEqual([])
    for (const [id, e] of Object.entries(RULE_PRECISION)) {
      expect(registry.byId.has(id), id).toBe(true)
      expect(PRECISIONS).toContain(e.level)
      expect(e.basis).not.toMatch(/\n/)
    }
  })

  it('ShellCheck codes default by class; an unknown rule is medium', () => {
    expect(precisionEntry('SC2086').level).toBe('low')
    expect(precisionEntry('SC1009').level).toBe('low')
    expect(precisionEntry('SC2115').level).toBe('high')
    expect(precisionEntry('XX9999').level).toBe('medium')
  })

  it('ShellCheck codes measured one by one name their measurement', () => {
    for (const [code, e] of Object.entries(SHELLCHECK_PRECISION)) {
      expect(code).toMatch(/^SC\d{4}$/)
      expect(e.basis, code).not.toMatch(/\n/)
      if (code !== 'SC2114')
        expect(e.basis, code).toMatch(/^shellcheck-codes seed \d+: \d+ TP of \d+;/)
    }
    // Seed 21: SC2251 (info, 30 of 30) goes inline; SC3020 (3 of 3) and SC2016 (1 of 8) do not.
    const place = reviewPolicy(DEFAULT_POLICY)
    expect(place(at('SC2251', 'info')).review).toBe('inline')
    expect(place(at('SC3020', 'warning')).review).toBe('summary')
    expect(place(at('SC2016', 'info')).review).toBe('summary')
  })
})

describe('review policy', () => {
  const place = reviewPolicy(DEFAULT_POLICY)

  it('severity and precision together: errors need less, info more', () => {
    // DL3020 is high: an error and a warning go inline, as info it would not.
    expect(place(at('DL3020', 'error')).review).toBe('inline')
    expect(place(at('DL3020', 'warning')).review).toBe('inline')
    expect(place(at('DL3020', 'info'))).toEqual({ review: 'summary', why: 'precision' })
    // DL3008 (low) stays in the summary even as an error; DR1004 (medium) goes inline as an error.
    expect(place(at('DL3008', 'error')).review).toBe('summary')
    expect(place(at('DR1004', 'warning')).review).toBe('summary')
    expect(place(at('DR1004', 'error')).review).toBe('inline')
    // Very-high info (DC1006 as info) and not-checked errors go inline.
    expect(place(at('DC1006', 'info')).review).toBe('inline')
    expect(place(at('DR0001', 'error')).review).toBe('inline')
    expect(place(at('SC2086', 'warning')).review).toBe('summary')
  })

  it('a finding may sit below its rule, never above it; a configured level wins', () => {
    const low = (rule: string, precision: Finding['precision']): Finding => ({
      ...at(rule, 'warning'),
      precision
    })
    // DL3020 is high: a finding of it the rule marks medium stays in the summary.
    expect(place(low('DL3020', 'medium'))).toEqual({ review: 'summary', why: 'precision' })
    expect(place(low('DL3020', 'very-high')).review).toBe('inline')
    // DR1004 is medium: a finding claiming very-high does not lift it.
    expect(place(low('DR1004', 'very-high')).review).toBe('summary')
    const configured = reviewPolicy(policyOf({ precision: { DL3020: 'high' } }))
    expect(configured(low('DL3020', 'medium')).review).toBe('inline')
  })

  it('fixtures, testdata, e2e, docs, examples and vendored paths are summary-only', () => {
    for (const file of [
      'test/fixtures/Dockerfile',
      'pkg/testdata/a/Dockerfile',
      'frontend/dockerfile/parser/testfiles/json/Dockerfile',
      'frontend/dockerfile/parser/testfiles-negative/env_no_value/Dockerfile',
      'frontend/dockerfile/parser/testfile-line/Dockerfile',
      'vendor/github.com/creack/pty/Dockerfile.golang',
      'third_party/grpc/Dockerfile',
      'e2e/compose.yml',
      'docs/recipes/Dockerfile',
      'Examples/web/docker-compose.yml'
    ]) {
      expect(place(at('DR0001', 'error', file)), file).toEqual({ review: 'summary', why: 'path' })
    }
    expect(place(at('DR0001', 'error', 'services/docs-site/Dockerfile')).review).toBe('inline')
    expect(place(at('DR0001', 'error', 'vendors/Dockerfile')).review).toBe('inline')
  })

  it('is configurable: the bar, the paths and per-rule precision', () => {
    const custom: ReviewPolicy = policyOf({
      inline: 'low',
      pathsSummaryOnly: ['legacy/**'],
      precision: { DR1004: 'very-high' }
    })
    const p = reviewPolicy(custom)
    expect(p(at('DL3008', 'warning')).review).toBe('inline')
    expect(p(at('DL3020', 'error', 'docs/Dockerfile')).review).toBe('inline')
    expect(p(at('DL3020', 'error', 'legacy/Dockerfile')).review).toBe('summary')
    const strict = reviewPolicy(
      policyOf({ inline: 'very-high', precision: { DR1004: 'very-high' } })
    )
    expect(strict(at('DR1004', 'warning')).review).toBe('inline')
    expect(strict(at('DL3020', 'warning')).review).toBe('summary')
    expect(reviewPolicy(policyOf({ inline: 'all' }))(at('SC2086', 'style', 'docs/x')).review).toBe(
      'inline'
    )
    expect(policyOf({})).toEqual(DEFAULT_POLICY)
  })

  it('says its bars', () => {
    expect(inlineBars(DEFAULT_POLICY)).toBe(
      'error ≥ medium, warning ≥ high, info ≥ very-high, style ≥ very-high'
    )
    expect(inlineBars(policyOf({ inline: 'low' }))).toBe(
      'error ≥ low, warning ≥ low, info ≥ medium, style ≥ medium'
    )
  })
})
