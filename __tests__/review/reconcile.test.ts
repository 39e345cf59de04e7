import { describe, expect, it } from 'vitest'
import type { InlineComment } from '../../src/review/comment.js'
import { inlineMarker, SUMMARY_MARKER } from '../../src/review/marker.js'
import {
  ownComments,
  reconcile,
  reconcileSummary,
  type ExistingThread
} from '../../src/review/reconcile.js'

const fp = (n: number) => n.toString(16).padStart(16, '0')
const wanted = (n: number, line: number, text = 'body'): InlineComment => ({
  fingerprint: fp(n),
  rule: 'DL3008',
  severity: 'warning',
  path: 'Dockerfile',
  line,
  body: `${text}\n\n${inlineMarker(fp(n), 'DL3008')}`,
  suggestion: false
})
let ids = 0
const thread = (
  n: number,
  line: number | null,
  opts: { text?: string; mine?: boolean; replies?: boolean[]; resolved?: boolean } = {}
): ExistingThread => ({
  id: `PRRT_${++ids}`,
  isResolved: opts.resolved ?? false,
  path: 'Dockerfile',
  line,
  startLine: null,
  comments: [
    {
      id: `PRRC_${ids}`,
      databaseId: ids,
      body: `${opts.text ?? 'body'}\r\n\r\n${inlineMarker(fp(n), 'DL3008')}`,
      viewerDidAuthor: opts.mine ?? true
    },
    ...(opts.replies ?? []).map((mine, i) => ({
      id: `PRRC_${ids}_${i}`,
      databaseId: null,
      body: 'reply',
      viewerDidAuthor: mine
    }))
  ]
})

describe('reconcile', () => {
  it('keeps identical comments (CRLF-normalised) and updates changed bodies', () => {
    const plan = reconcile(
      [wanted(1, 3), wanted(2, 5, 'new text')],
      ownComments([thread(1, 3), thread(2, 5, { text: 'old text' })])
    )
    expect(plan.keep.map((k) => k.wanted.fingerprint)).toEqual([fp(1)])
    expect(plan.update.map((k) => k.wanted.fingerprint)).toEqual([fp(2)])
    expect(plan.create).toEqual([])
    expect(plan.remove).toEqual([])
  })

  it('creates new findings, deletes stale ones, resolves stale ones with human replies', () => {
    const plan = reconcile(
      [wanted(3, 7)],
      ownComments([
        thread(1, 3),
        thread(2, 5, { replies: [false] }),
        thread(4, 9, { replies: [true] })
      ])
    )
    expect(plan.create.map((c) => c.fingerprint)).toEqual([fp(3)])
    expect(plan.remove.map((c) => c.fingerprint)).toEqual([fp(1), fp(4)])
    expect(plan.resolve.map((c) => c.fingerprint)).toEqual([fp(2)])
  })

  it('re-anchors a comment whose line changed or went outdated, and drops duplicates', () => {
    const plan = reconcile(
      [wanted(1, 4), wanted(2, 6)],
      ownComments([thread(1, 3), thread(2, null), thread(2, 6), thread(2, 6)])
    )
    expect(plan.create.map((c) => c.fingerprint)).toEqual([fp(1)])
    expect(plan.keep.map((k) => k.wanted.fingerprint)).toEqual([fp(2)])
    expect(plan.remove).toHaveLength(3)
  })

  it('never touches comments it did not author, even with a perfect marker', () => {
    const plan = reconcile([], ownComments([thread(1, 3, { mine: false })]))
    expect(plan.remove).toEqual([])
    expect(plan.resolve).toEqual([])
  })

  it('leaves an already resolved stale thread alone', () => {
    const plan = reconcile([], ownComments([thread(1, 3, { replies: [false], resolved: true })]))
    expect(plan.resolve).toEqual([])
    expect(plan.remove).toEqual([])
  })

  it('ignores a marker that is not at the end of the body', () => {
    const t = thread(1, 3)
    t.comments[0].body += '\nmore text'
    expect(ownComments([t])).toEqual([])
  })
})

describe('reconcileSummary', () => {
  const c = (id: string, body: string, mine = true) => ({
    id,
    databaseId: 1,
    body,
    viewerDidAuthor: mine
  })
  const sticky = `summary\n\n${SUMMARY_MARKER}`
  it('creates only when worth it', () => {
    expect(reconcileSummary(sticky, false, [])).toMatchObject({ create: false, unchanged: true })
    expect(reconcileSummary(sticky, true, [])).toMatchObject({ create: true })
  })
  it('updates the oldest of ours, deletes our other copies, ignores forgeries', () => {
    const plan = reconcileSummary(sticky, false, [
      c('forged', sticky, false),
      c('a', `old\n\n${SUMMARY_MARKER}`),
      c('b', sticky)
    ])
    expect(plan.target?.id).toBe('a')
    expect(plan.unchanged).toBe(false)
    expect(plan.duplicates.map((d) => d.id)).toEqual(['b'])
  })
  it('is unchanged when the body matches', () => {
    expect(reconcileSummary(sticky, true, [c('a', sticky)])).toMatchObject({
      unchanged: true,
      create: false
    })
  })
})

describe('grouped threads (one per instruction)', () => {
  const posted = (comments: readonly InlineComment[]): ExistingThread[] =>
    comments.map((c, i) => ({
      id: `PRRT_g${i}`,
      isResolved: false,
      path: c.path,
      line: c.line,
      startLine: c.startLine ?? null,
      comments: [{ id: `PRRC_g${i}`, databaseId: i, body: c.body, viewerDidAuthor: true }]
    }))

  it('re-runs are idempotent, and fixing one finding inside updates the thread in place', async () => {
    const { draftReview } = await import('../../src/review/draft.js')
    const { parsePatch } = await import('../../src/diff/patch.js')
    const { lint } = await import('./lint.js')
    const draft = (text: string) =>
      draftReview(
        [
          {
            path: 'Dockerfile',
            kind: 'dockerfile',
            text,
            diff: parsePatch(
              `@@ -0,0 +1,2 @@\n${text
                .trimEnd()
                .split('\n')
                .map((l) => `+${l}`)
                .join('\n')}`
            ),
            findings: lint(text),
            errors: []
          }
        ],
        { filterMode: 'added', maxComments: 30, suggestions: true, docsUrl: () => undefined }
      )
    const before = draft('FROM debian:12\nRUN apt-get update && apt-get install curl\n')
    const group = before.inline.find((c) => c.line === 2)!
    expect(group.fingerprints!.length).toBeGreaterThan(2)
    const existing = ownComments(posted(before.inline))
    expect(existing.find((c) => c.line === 2)!.fingerprints).toEqual(group.fingerprints)
    // Same head: nothing to write.
    const again = reconcile(before.inline, existing)
    expect(again.create).toEqual([])
    expect(again.update).toEqual([])
    expect(again.remove).toEqual([])
    // `-y` added: DL3014 is gone, the thread stays and its body changes.
    const after = draft('FROM debian:12\nRUN apt-get update && apt-get install -y curl\n')
    const plan = reconcile(after.inline, existing)
    const onLine2 = (c: { line: number | null }) => c.line === 2
    expect(plan.create.filter(onLine2)).toEqual([])
    expect(plan.remove.filter(onLine2)).toEqual([])
    expect(plan.update.map((u) => u.existing.line)).toEqual([2])
    expect(plan.update[0].wanted.body).not.toContain('DL3014')
  })
})
