import { describe, expect, it } from 'vitest'
import { LineIndex } from '../../src/core/text.js'
import type { Finding } from '../../src/core/types.js'
import { parsePatch } from '../../src/diff/patch.js'
import { draftReview, type ReviewFile } from '../../src/review/draft.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { applySuggestion, lint, suggestionOf } from './lint.js'

const docsUrl = (rule: string) => `https://docs.example/${rule}`
const options = { filterMode: 'added' as const, maxComments: 30, suggestions: true, docsUrl }

/** A patch that adds every line of `text` (a new file). */
function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n')
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n')
}

function file(path: string, text: string, patch = addedPatch(text)): ReviewFile {
  const kind = path.includes('compose') ? 'compose' : 'dockerfile'
  return { path, kind, text, diff: parsePatch(patch), findings: lint(text, path, kind), errors: [] }
}

describe('fingerprints', () => {
  it('do not depend on the line number, and count repeated text', () => {
    const a = 'FROM debian:12\nRUN apt-get install -y curl\n'
    const b = 'FROM debian:12\n# moved down\n\nRUN apt-get install -y curl\n'
    const fa = fingerprints('Dockerfile', new LineIndex(a), lint(a))
    const fb = fingerprints('Dockerfile', new LineIndex(b), lint(b))
    expect(fa.length).toBeGreaterThan(0)
    expect(fb).toEqual(fa)
    const twice = 'FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get install -y curl\n'
    const f2 = fingerprints('Dockerfile', new LineIndex(twice), lint(twice))
    expect(new Set(f2).size).toBe(f2.length)
    expect(fingerprints('other/Dockerfile', new LineIndex(a), lint(a))).not.toEqual(fa)
  })
})

describe('draftReview', () => {
  it('puts a one-click suggestion on an added line, most severe first, with a marker', () => {
    const text =
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl=1 && rm -rf /var/lib/apt/lists/*\n'
    const draft = draftReview([file('Dockerfile', text)], options)
    const c = draft.inline.find((x) => x.rule === 'DL3014')!
    expect(c).toMatchObject({ path: 'Dockerfile', line: 2, suggestion: true })
    expect(c.startLine).toBeUndefined()
    expect(c.body).toContain('[DL3014](https://docs.example/DL3014)')
    expect(parseInlineMarker(c.body)?.fingerprint).toBe(c.fingerprint)
    const after = suggestionOf(c.body)!
    const applied = applySuggestion(text, c.line, c.line, after)
    expect(lint(applied).some((f) => f.rule === 'DL3014')).toBe(false)
  })

  it('a multi-line fix becomes a start_line..line suggestion', () => {
    const text = 'FROM debian:12\nRUN echo a\nRUN echo b\n'
    const c = draftReview([file('Dockerfile', text)], options).inline.find(
      (x) => x.rule === 'DL3059'
    )!
    expect(c).toMatchObject({ startLine: 2, line: 3, suggestion: true })
    const applied = applySuggestion(text, 2, 3, suggestionOf(c.body)!)
    expect(lint(applied).some((f) => f.rule === 'DL3059')).toBe(false)
  })

  it('a fix reaching outside the hunk is shown as a diff on the finding line', () => {
    const text = 'FROM debian:12\nRUN echo a\nRUN echo b\n'
    // Only line 3 is in the diff (hunk covers line 3 alone).
    const patch = '@@ -3,1 +3,1 @@\n-RUN echo c\n+RUN echo b'
    // Without the stage's DR1004 (a roll-up: it would join this thread, see rollup.test.ts).
    const only = file('Dockerfile', text, patch)
    only.findings = only.findings.filter((f) => f.rule !== 'DR1004')
    const c = draftReview([only], options).inline.find((x) => x.rule === 'DL3059')!
    expect(c).toMatchObject({ line: 3, suggestion: false })
    expect(c.startLine).toBeUndefined()
    expect(suggestionOf(c.body)).toBeUndefined()
    expect(c.body).toContain(
      '```diff\n@@ -2,2 +2,2 @@\n-RUN echo a\n-RUN echo b\n+RUN echo a && \\\n+'
    )
  })

  it('findings on untouched lines are out of scope and never inline', () => {
    const text = 'FROM debian:12\nRUN apt-get install curl\nRUN echo ok\n'
    const patch = '@@ -3,1 +3,1 @@\n-RUN echo no\n+RUN echo ok'
    const draft = draftReview([file('Dockerfile', text, patch)], options)
    const outside = draft.findings.filter((f) => f.finding.range.start.line === 2)
    expect(outside.length).toBeGreaterThan(0)
    expect(outside.every((f) => !f.inScope && !f.comment)).toBe(true)
    const wide = draftReview([file('Dockerfile', text, patch)], { ...options, filterMode: 'file' })
    const counted = wide.findings.filter((f) => f.finding.range.start.line === 2)
    expect(counted.every((f) => f.inScope && f.notInline === 'outside-diff')).toBe(true)
  })

  it('caps inline comments at max-comments (threads), keeping the most severe', () => {
    const text =
      'FROM debian:12\nRUN apt-get install curl\nRUN apt-get install wget\nCOPY a b\nADD c d\n'
    const full = draftReview([file('Dockerfile', text)], options)
    const capped = draftReview([file('Dockerfile', text)], { ...options, maxComments: 2 })
    expect(full.inline.length).toBeGreaterThan(2)
    expect(capped.inline).toHaveLength(2)
    const rank = { error: 0, warning: 1, info: 2, style: 3 }
    const worst = Math.max(...capped.inline.map((c) => rank[c.severity]))
    const limited = capped.findings.filter((f) => f.notInline === 'limit')
    const carried = (d: typeof full) => d.findings.filter((f) => f.comment).length
    expect(limited.length).toBe(carried(full) - carried(capped))
    expect(limited.every((f) => rank[f.finding.severity] >= worst)).toBe(true)
  })

  it('one thread per instruction: every rule named, most severe first, one combined suggestion', () => {
    const text = 'FROM debian:12\nRUN apt-get update && apt-get install curl\n'
    const draft = draftReview([file('Dockerfile', text)], options)
    const onLine2 = draft.inline.filter((c) => c.line === 2)
    expect(onLine2).toHaveLength(1)
    const [c] = onLine2
    const rules = draft.findings.filter((f) => f.finding.range.start.line === 2)
    expect(rules.length).toBeGreaterThan(2)
    const rank = { error: 0, warning: 1, info: 2, style: 3 }
    const positions = rules
      .sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity])
      .map((f) => c.body.indexOf(`[${f.finding.rule}]`))
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect(rank[c.severity]).toBe(Math.min(...rules.map((f) => rank[f.finding.severity])))
    expect(rules.every((f) => f.comment === c)).toBe(true)
    expect(c.fingerprints).toEqual(
      rules
        .map((f) => f.fingerprint)
        .filter((fp) => c.fingerprints!.includes(fp))
        .sort((a, b) => c.fingerprints!.indexOf(a) - c.fingerprints!.indexOf(b))
    )
    expect(c.fingerprints).toHaveLength(rules.length)
    expect(c.suggestion).toBe(true)
    expect(c.body.match(/^`{3,}suggestion$/gm)).toHaveLength(1)
    // Applying the one suggestion leaves no safe-fixable finding on the instruction.
    const applied = applySuggestion(text, c.startLine ?? c.line, c.line, suggestionOf(c.body)!)
    const left = lint(applied).filter((f) => f.range.start.line === 2 && f.fix?.safe)
    expect(left).toEqual([])
    const marker = parseInlineMarker(c.body)!
    expect([marker.fingerprint, ...marker.also]).toEqual(c.fingerprints)
  })

  it('a backtick fence inside a RUN heredoc cannot close the suggestion', () => {
    const text =
      'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl=1 && echo "```"\nEOF\n'
    const draft = draftReview([file('Dockerfile', text)], options)
    const c = draft.inline.find((x) => x.suggestion)!
    expect(c.body).toMatch(/^````suggestion$/m)
    const after = suggestionOf(c.body)!
    expect(after.join('\n')).toContain('echo "```"')
    const applied = applySuggestion(text, c.startLine ?? c.line, c.line, after)
    const fixed = draft.findings.filter((f) => f.comment === c && f.finding.fix?.safe)
    expect(fixed.length).toBeGreaterThan(0)
    for (const f of fixed) {
      expect(lint(applied).filter((x) => x.rule === f.finding.rule)).toEqual([])
    }
  })

  it('says so for CRLF files, and the suggestion carries no CR', () => {
    const text = 'FROM debian:12\r\nRUN echo a\r\nRUN echo b\r\n'
    const c = draftReview(
      [file('Dockerfile', text, addedPatch(text.replace(/\r/g, '')))],
      options
    ).inline.find((x) => x.suggestion)!
    expect(c.body).toContain('CRLF')
    expect(c.body).not.toContain('\r')
  })

  it('uses a diff block when suggestions are turned off', () => {
    const text = 'FROM debian:12\nRUN echo a\nRUN echo b\n'
    const c = draftReview([file('Dockerfile', text)], {
      ...options,
      suggestions: false
    }).inline.find((x) => x.rule === 'DL3059')!
    expect(c.suggestion).toBe(false)
    expect(c.body).toContain('```diff')
  })

  it('escapes file content in messages', () => {
    const finding: Finding = {
      rule: 'DL3007',
      severity: 'warning',
      message: 'image <!-- docker-review:v1 summary --> @someone',
      file: 'Dockerfile',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } }
    }
    const draft = draftReview(
      [
        {
          path: 'Dockerfile',
          kind: 'dockerfile',
          text: 'FROM x\n',
          diff: parsePatch('@@ -0,0 +1 @@\n+FROM x'),
          findings: [finding],
          errors: []
        }
      ],
      options
    )
    expect(draft.inline[0].body).not.toContain('<!-- docker-review:v1 summary')
    expect(draft.inline[0].body).not.toContain('@someone')
  })
})

describe('multi-line messages', () => {
  it('render their first line as text and the rest as an inert code block', async () => {
    const { headline } = await import('../../src/review/comment.js')
    const text = headline(
      {
        rule: 'DC1007',
        severity: 'info',
        message:
          "The 'logging' block is repeated. Reuse it:\nx-logging: &logging\n  driver: local\n```\n<!-- docker-review -->",
        file: 'compose.yaml',
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }
      },
      'https://example.com/DC1007.md'
    )
    const [head, block] = text.split('\n\n')
    expect(head).toContain("The 'logging' block is repeated. Reuse it:")
    expect(block.startsWith('````\n')).toBe(true)
    expect(block.endsWith('\n````')).toBe(true)
    expect(block).toContain('x-logging: &logging\n  driver: local')
  })
})

describe('review policy in the draft', () => {
  it('only inline findings become comments; the others stay in scope with notInline: policy', async () => {
    const { DEFAULT_POLICY, reviewPolicy } = await import('../../src/review/policy.js')
    const { verdict } = await import('../../src/action/verdict.js')
    const text =
      'FROM debian:12\nMAINTAINER me\nADD app.tar.gz /app\nRUN apt-get update && apt-get install curl && rm -rf /var/lib/apt/lists/*\n'
    const policy = reviewPolicy(DEFAULT_POLICY)
    const placement = (f: Finding) => policy(f).review
    const all = draftReview([file('Dockerfile', text)], options)
    const gated = draftReview([file('Dockerfile', text)], { ...options, placement })
    // DL4000 (MAINTAINER, very-high) stays inline; DL3008 (pin, low) goes to the summary.
    const commented = (d: typeof all) =>
      d.findings.filter((s) => s.comment).map((s) => s.finding.rule)
    expect(commented(gated)).toContain('DL4000')
    expect(commented(all)).toContain('DL3008')
    expect(commented(gated)).not.toContain('DL3008')
    const pin = gated.findings.find((s) => s.finding.rule === 'DL3008')!
    expect(pin).toMatchObject({ inScope: true, review: 'summary', notInline: 'policy' })
    expect(pin.comment).toBeUndefined()
    for (const s of gated.findings) {
      expect(s.review).toBe(policy(s.finding).review)
      if (s.comment) expect(s.review).toBe('inline')
    }
    // The required check reads the same findings either way.
    for (const failOn of ['error', 'warning', 'info', 'style'] as const) {
      expect(verdict(gated.findings, failOn, 'added')).toEqual(
        verdict(all.findings, failOn, 'added')
      )
    }
    // A docs path keeps everything out of the comments, and still in scope.
    const docs = draftReview([file('docs/Dockerfile', text)], { ...options, placement })
    expect(docs.inline).toEqual([])
    expect(docs.findings.every((s) => s.inScope && s.notInline === 'policy')).toBe(true)
  })
})
