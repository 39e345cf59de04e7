import { describe, expect, it } from 'vitest'
import { parsePatch } from '../../src/diff/patch.js'
import { compareFindings, draftReview, type ReviewFile } from '../../src/review/draft.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { sameFixLeads } from '../../src/review/same-fix.js'
import { renderSummary } from '../../src/review/summary.js'
import { applySuggestion, lint, suggestionOf } from './lint.js'

/**
 * DR3002 ("update without install in the same RUN") and DL3059 ("consecutive RUNs") proposing the
 * same merge: one item of the review — one thread entry naming both rules, one suggestion, one
 * summary row — while each stays its own finding.
 */

const docsUrl = (rule: string) => `https://docs.example/${rule}`
const options = { filterMode: 'added' as const, maxComments: 30, suggestions: true, docsUrl }

function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n')
}

function file(text: string, without: string[] = []): ReviewFile {
  return {
    path: 'Dockerfile',
    kind: 'dockerfile',
    text,
    diff: parsePatch(addedPatch(text)),
    findings: lint(text).filter((f) => !without.includes(f.rule)),
    errors: []
  }
}

const rule = (findings: ReturnType<typeof lint>, id: string) =>
  findings.findIndex((f) => f.rule === id)

/** Nothing else on line 3 to fix: the merge is the only change proposed. */
const MERGE =
  'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10\n'

describe('same fix, one item', () => {
  it.each([
    ['adjacent RUNs', MERGE],
    ['a blank line between', MERGE.replace('update\n', 'update\n\n')],
    ['a comment between', MERGE.replace('update\n', 'update\n# then install\n')],
    ['trailing blanks on the first RUN', MERGE.replace('update\n', 'update  \n')]
  ])('DR3002 and DL3059 make the same change (%s)', (_name, text) => {
    const findings = lint(text)
    const leads = sameFixLeads(text, findings, compareFindings)
    const dr = rule(findings, 'DR3002')
    const dl = rule(findings, 'DL3059')
    expect(dr).toBeGreaterThanOrEqual(0)
    expect(dl).toBeGreaterThanOrEqual(0)
    // DR3002 (warning) leads, DL3059 (info) follows it; nothing else is paired.
    expect(leads[dl]).toBe(dr)
    expect(leads.filter((l) => l >= 0)).toHaveLength(1)
  })

  it('fixes that differ are not paired', () => {
    const text = 'FROM debian:12\nRUN apt-get install curl\n'
    const findings = lint(text)
    // DL3014 (-y) and DL3015 (--no-install-recommends) insert at one point, different text.
    expect(findings.filter((f) => f.fix).length).toBeGreaterThanOrEqual(2)
    expect(sameFixLeads(text, findings, compareFindings).every((l) => l === -1)).toBe(true)
  })

  it('one thread entry naming both rules, one suggestion that removes both findings', () => {
    const draft = draftReview([file(MERGE)], options)
    const dr = draft.findings.find((s) => s.finding.rule === 'DR3002')!
    const dl = draft.findings.find((s) => s.finding.rule === 'DL3059')!
    expect(dl.sameFixAs).toBe(dr.fingerprint)
    expect(dl.comment).toBe(dr.comment)
    const c = dr.comment!
    expect(c).toMatchObject({ startLine: 2, line: 3, suggestion: true, rule: 'DR3002' })
    expect(c.fingerprints).toEqual(expect.arrayContaining([dr.fingerprint, dl.fingerprint]))
    expect(parseInlineMarker(c.body)?.fingerprint).toBe(dr.fingerprint)
    expect(c.body).toMatch(
      /DR3002\]\([^)]*\) · [^\n]*\n↳ [^\n]*\[DL3059\][^\n]*the same fix as DR3002/
    )
    expect(c.body.match(/```suggestion/g)).toHaveLength(1)
    expect(c.body).toContain('⚠️ Check before applying')
    // No other thread talks about the merge.
    const others = draft.inline.filter((x) => x !== c)
    expect(others.some((x) => /Merge this RUN/.test(x.body))).toBe(false)
    const applied = applySuggestion(MERGE, 2, 3, suggestionOf(c.body)!)
    const after = lint(applied).map((f) => f.rule)
    expect(after).not.toContain('DR3002')
    expect(after).not.toContain('DL3059')
  })

  it('with only one of the two rules enabled, that one offers the same suggestion', () => {
    const both = draftReview([file(MERGE)], options).findings.find(
      (s) => s.finding.rule === 'DR3002'
    )!.comment!
    for (const [kept, off] of [
      ['DR3002', 'DL3059'],
      ['DL3059', 'DR3002']
    ]) {
      const draft = draftReview([file(MERGE, [off])], options)
      const s = draft.findings.find((x) => x.finding.rule === kept)!
      expect(s.sameFixAs).toBeUndefined()
      const c = s.comment!
      expect(c, kept).toMatchObject({ startLine: 2, line: 3, suggestion: true })
      expect(suggestionOf(c.body)).toEqual(suggestionOf(both.body))
      expect(c.body).not.toContain(`[${off}]`)
    }
  })

  it('when a safe suggestion holds the line, the merge is one described item, not two', () => {
    const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install curl\n'
    const draft = draftReview([file(text)], options)
    const merges = draft.inline.filter((c) => /Merge this RUN/.test(c.body))
    expect(merges).toHaveLength(1)
    expect(merges[0].body).toMatch(/DR3002 and DL3059|⚠️ Check before applying/)
    expect(merges[0].body).toContain('[DL3059]')
    expect(merges[0].suggestion).toBe(false)
    // Line 3 carries the safe fixes (-y, --no-install-recommends) as the one suggestion.
    const safe = draft.inline.find((c) => c.line === 3 && c.startLine === undefined)!
    expect(safe.suggestion).toBe(true)
    expect(safe.body).not.toContain('Merge this RUN')
  })

  it('the summary lists them as one row naming both rules; the counts keep both', () => {
    const draft = draftReview([file(MERGE)], options)
    const md = renderSummary({
      repoUrl: 'https://github.com/o/r',
      sha: 'a'.repeat(40),
      filterMode: 'added',
      failOn: 'error',
      failed: false,
      reason: 'ok',
      findings: draft.findings,
      notes: [],
      tags: [],
      docsUrl,
      files: 1
    })
    const rows = md.split('\n').filter((l) => l.includes('[DR3002]') || l.includes('[DL3059]'))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain(
      '[DR3002](https://docs.example/DR3002), [DL3059](https://docs.example/DL3059)'
    )
    expect(rows[0]).toContain('_(DL3059: the same fix)_')
    const warnings = draft.findings.filter((s) => s.finding.severity === 'warning').length
    expect(md).toContain(`${warnings} warning`)
  })
})
