import { describe, expect, it } from 'vitest'
import type { Finding, Severity } from '../../src/core/types.js'
import { chooseAnnotations } from '../../src/review/annotations.js'
import type { ScopedFinding } from '../../src/review/draft.js'
import {
  foldSameFix,
  MAX_SUMMARY,
  renderSummary,
  rollUp,
  stickyBody
} from '../../src/review/summary.js'
import { isSummaryBody } from '../../src/review/marker.js'

const finding = (
  severity: Severity,
  line: number,
  message = 'msg',
  file = 'Dockerfile'
): Finding => ({
  rule: 'DL3008',
  severity,
  message,
  file,
  range: { start: { line, column: 1 }, end: { line, column: 4 } }
})
const scoped = (
  f: Finding,
  inScope = true,
  notInline?: ScopedFinding['notInline']
): ScopedFinding => ({
  finding: f,
  fingerprint: '0'.repeat(16),
  inScope,
  review: notInline === 'policy' ? 'summary' : 'inline',
  ...(notInline ? { notInline } : {})
})
const base = {
  repoUrl: 'https://github.com/o/r',
  sha: 'abc',
  filterMode: 'added' as const,
  failOn: 'error' as const,
  failed: true,
  reason: '1 finding at or above error',
  notes: ['a.bin skipped: binary file'],
  tags: ['ghcr.io/o/r:pr-1'],
  docsUrl: (r: string) => `https://d/${r}`,
  files: 2
}

describe('renderSummary', () => {
  it('counts, links, separates out-of-scope findings, lists notes and tags', () => {
    const md = renderSummary({
      ...base,
      findings: [
        scoped(finding('error', 3)),
        scoped(finding('warning', 9, 'w', 'dir with space/Dockerfile'), true, 'limit'),
        scoped(finding('info', 1), false)
      ]
    })
    expect(md).toContain('**1 error, 1 warning** on the changed lines')
    expect(md).toContain('(https://github.com/o/r/blob/abc/dir%20with%20space/Dockerfile#L9)')
    expect(md).toContain('beyond `max-comments`')
    expect(md).toContain('1 finding outside the changes (not counted)')
    expect(md).toContain('- a.bin skipped: binary file')
    expect(md).toContain('`ghcr.io/o/r:pr-1`')
    expect(md).toContain('❌')
    expect(renderSummary({ ...base, findings: [scoped(finding('error', 3))] })).toBe(
      renderSummary({ ...base, findings: [scoped(finding('error', 3))] })
    )
  })
  it('keeps table cells intact whatever the message holds', () => {
    const md = renderSummary({
      ...base,
      findings: [scoped(finding('error', 3, 'a | b `c|d` <x>\nnext'))]
    })
    const row = md.split('\n').find((l) => l.startsWith('| 🔴'))!
    expect(row).toContain('a \\| b `c\\|d` \\<x\\> next')
  })
  it('fits a comment however many findings there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      scoped(finding('warning', i + 1, 'x'.repeat(200)))
    )
    const md = renderSummary({ ...base, findings: many })
    expect(md.length).toBeLessThanOrEqual(MAX_SUMMARY)
    expect(md).toMatch(/… and \d+ more: every finding is listed in the run's job summary\./)
    expect(isSummaryBody(stickyBody(md))).toBe(true)
  })
})

describe('chooseAnnotations', () => {
  it('caps each level, leaves an error slot for the failure message, most severe first', () => {
    const all = [
      ...Array.from({ length: 12 }, (_, i) => scoped(finding('error', i + 1))),
      ...Array.from({ length: 12 }, (_, i) => scoped(finding('warning', i + 20))),
      scoped(finding('info', 50), false)
    ]
    const chosen = chooseAnnotations(all, { reviewed: false, failing: true })
    expect(chosen.findings.filter((f) => f.severity === 'error')).toHaveLength(9)
    expect(chosen.findings.filter((f) => f.severity === 'warning')).toHaveLength(10)
    expect(chosen.findings.some((f) => f.severity === 'info')).toBe(false)
    expect(chosen.findings[0].severity).toBe('error')
    expect(chosen.dropped).toBe(5)
  })
  it('after a review, annotates only in-scope findings that are not inline', () => {
    const chosen = chooseAnnotations(
      [scoped(finding('error', 1)), scoped(finding('error', 2), true, 'rejected')],
      {
        reviewed: true,
        failing: false
      }
    )
    expect(chosen.findings.map((f) => f.range.start.line)).toEqual([2])
  })
})

describe('roll-ups', () => {
  const svc = (name: string, line: number, rule = 'DC1005'): Finding => ({
    rule,
    severity: 'info',
    message: `Service '${name}' has no memory or CPU limit, so it can starve the host.`,
    file: 'compose.yaml',
    range: { start: { line, column: 3 }, end: { line, column: 6 } }
  })

  it('per-service absence findings become one row per file naming the services', () => {
    const rows = [svc('web', 2), svc('db', 9), svc('cache', 15)].map((f) =>
      scoped(f, true, 'policy')
    )
    const other = scoped(finding('warning', 4, 'pin it', 'compose.yaml'), true)
    const rolled = rollUp([...rows, other])
    expect(rolled).toHaveLength(2)
    expect(rolled[0].finding.message).toBe(
      "3 services ('web', 'db', 'cache'), each: has no memory or CPU limit, so it can starve the host."
    )
    expect(rolled[1]).toBe(other)
    const md = renderSummary({ ...base, findings: [...rows, other] })
    expect(md.match(/\[DC1005\]/g)).toHaveLength(1)
    // The counts still see every finding.
    expect(md).toContain('**1 warning, 3 info**')
  })

  it('keeps inline ones, other files and other rules apart', () => {
    const inline = { ...scoped(svc('web', 2)), comment: {} as ScopedFinding['comment'] }
    const rolled = rollUp([
      inline,
      scoped(svc('db', 9)),
      scoped({ ...svc('db', 9), file: 'other.yaml' }),
      scoped(svc('db', 9, 'DC1004'))
    ])
    expect(rolled).toHaveLength(4)
  })

  it('untouched services: one row naming them, saying the pull request does not change them', () => {
    const rows = [svc('web', 2), svc('db', 9)].map((f) => scoped(f, true, 'untouched'))
    const md = renderSummary({ ...base, findings: rows })
    const row = md.split('\n').filter((l) => l.includes('[DC1005]'))
    expect(row).toHaveLength(1)
    expect(row[0]).toContain("2 services ('web', 'db')")
    expect(row[0]).toContain(
      '_(summary only: the pull request does not change this service or stage)_'
    )
  })
})

describe('foldSameFix', () => {
  const lead = { ...scoped(finding('warning', 2)), fingerprint: 'a'.repeat(16) }
  const follower = (extra: Partial<ScopedFinding>): ScopedFinding => ({
    ...scoped({ ...finding('info', 3), rule: 'DL3059' }),
    fingerprint: 'b'.repeat(16),
    sameFixAs: lead.fingerprint,
    ...extra
  })

  it('folds a finding into the row of the one whose fix is the same change', () => {
    const rows = foldSameFix([lead, follower({})])
    expect(rows).toHaveLength(1)
    expect(rows[0].also?.map((r) => r.finding.rule)).toEqual(['DL3059'])
  })

  it('keeps them apart when they ended up differently (another comment, another reason)', () => {
    const comment = {} as ScopedFinding['comment']
    expect(foldSameFix([lead, follower({ comment })])).toHaveLength(2)
    expect(foldSameFix([lead, follower({ notInline: 'limit' })])).toHaveLength(2)
    // Without its lead among the rows (the lead outside the changes, say) it is its own row.
    expect(foldSameFix([follower({})])).toHaveLength(1)
  })
})
