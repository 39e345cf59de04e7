import { describe, expect, it } from 'vitest'
import { parsePatch } from '../../src/diff/patch.js'
import { draftReview, type ReviewFile, type ScopedFinding } from '../../src/review/draft.js'
import { ownerSpans } from '../../src/review/rollup.js'
import { reconcile, type OwnComment } from '../../src/review/reconcile.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { unifiedPatch } from '../standin/linediff.js'
import { lint } from './lint.js'

/**
 * Roll-ups (absence checks of a whole compose service or Dockerfile stage) against the pull
 * request's diff: inline only when the pull request changes that service or stage.
 */

const docsUrl = (rule: string) => `https://docs.example/${rule}`
const options = { filterMode: 'added' as const, maxComments: 30, suggestions: true, docsUrl }
const ROLLUPS = ['DC1004', 'DC1005', 'DC1015']

function change(path: string, base: string, head: string, context = 3): ReviewFile {
  const kind = path.includes('compose') ? 'compose' : 'dockerfile'
  return {
    path,
    kind,
    text: head,
    diff: parsePatch(unifiedPatch(base, head, context)),
    findings: lint(head, path, kind),
    errors: []
  }
}

const service = (findings: ScopedFinding[], name: string, rule: string) =>
  findings.find((s) => s.finding.rule === rule && s.finding.message.includes(`'${name}'`))!

const BASE = [
  'services:',
  '  web:',
  '    image: nginx:1.25.0',
  '    ports:',
  '      - "8080:80"',
  '  db:',
  '    image: postgres:16.4',
  ''
].join('\n')
const HEAD = BASE.replace('nginx:1.25.0', 'nginx:1.27.0')

describe('roll-ups and the diff', () => {
  it('the service spans come from the compose model, the stage spans from the Dockerfile model', () => {
    expect(ownerSpans({ path: 'compose.yaml', kind: 'compose', text: HEAD })).toEqual([
      { start: 2, end: 5 },
      { start: 6, end: 7 }
    ])
    const dockerfile =
      'FROM golang:1.22 AS build\nRUN go build\n\n# final\nFROM alpine:3.20\nCOPY --from=build /app /app\n'
    expect(ownerSpans({ path: 'Dockerfile', kind: 'dockerfile', text: dockerfile })).toEqual([
      { start: 1, end: 2 },
      { start: 5, end: 6 }
    ])
  })

  it('a changed service: its roll-ups count and share one thread on its key line; an untouched one stays in the summary', () => {
    const draft = draftReview([change('compose.yaml', BASE, HEAD)], options)
    const web = ROLLUPS.map((rule) => service(draft.findings, 'web', rule))
    // Reported on `web:` (line 2, a context line), counted because line 3 of `web` changed.
    for (const s of web) {
      expect(s.finding.range.start.line).toBe(2)
      expect(s.inScope).toBe(true)
      expect(s.comment).toBeDefined()
    }
    expect(new Set(web.map((s) => s.comment)).size).toBe(1)
    const thread = web[0].comment!
    expect(thread).toMatchObject({ path: 'compose.yaml', line: 2 })
    expect(thread.startLine).toBeUndefined()
    for (const rule of ROLLUPS) expect(thread.body).toContain(`[${rule}]`)
    // `db` (lines 6–7) is in the hunk's context but unchanged: not counted, not inline.
    for (const rule of ROLLUPS) {
      const db = service(draft.findings, 'db', rule)
      expect(db.inScope).toBe(false)
      expect(db.comment).toBeUndefined()
    }
  })

  it('with filter-mode file an untouched service counts but stays in the summary (notInline: untouched)', () => {
    const draft = draftReview([change('compose.yaml', BASE, HEAD)], {
      ...options,
      filterMode: 'file'
    })
    for (const rule of ROLLUPS) {
      expect(service(draft.findings, 'db', rule)).toMatchObject({
        inScope: true,
        review: 'inline',
        notInline: 'untouched'
      })
      expect(service(draft.findings, 'web', rule).comment).toBeDefined()
    }
  })

  it('the policy decides first: a summary-only rule says policy, touched or not', () => {
    const draft = draftReview([change('compose.yaml', BASE, HEAD)], {
      ...options,
      filterMode: 'file',
      placement: (f) => (ROLLUPS.includes(f.rule) ? 'summary' : 'inline')
    })
    for (const rule of ROLLUPS) {
      expect(service(draft.findings, 'web', rule).notInline).toBe('policy')
      expect(service(draft.findings, 'db', rule).notInline).toBe('policy')
    }
    expect(draft.inline).toEqual([])
  })

  it('when the key line is not in the diff, the thread sits on the first line the pull request added to the service', () => {
    const draft = draftReview([change('compose.yaml', BASE, HEAD, 0)], options)
    const web = ROLLUPS.map((rule) => service(draft.findings, 'web', rule))
    expect(new Set(web.map((s) => s.comment)).size).toBe(1)
    expect(web[0].comment).toMatchObject({ line: 3 })
    expect(web[0].comment!.startLine).toBeUndefined()
    // The findings themselves keep their place (summary, SARIF, annotations).
    expect(web.every((s) => s.finding.range.start.line === 2)).toBe(true)
  })

  it('a Dockerfile: only the changed stage’s roll-ups go inline', () => {
    const base =
      'FROM node:20.11.1 AS build\nRUN npm ci\n\nFROM node:20.11.1\nEXPOSE 3000\nCMD ["node", "server.js"]\n'
    const builderOnly = base.replace('RUN npm ci', 'RUN npm ci --omit=dev')
    const draft = draftReview([change('Dockerfile', base, builderOnly, 0)], options)
    for (const rule of ['DR1004', 'DR1008']) {
      const s = draft.findings.find((f) => f.finding.rule === rule)!
      expect(s, rule).toBeDefined()
      expect(s.inScope).toBe(false)
      expect(s.comment).toBeUndefined()
    }
    const final = base.replace('CMD ["node", "server.js"]', 'CMD ["node", "app.js"]')
    const touched = draftReview([change('Dockerfile', base, final, 0)], options)
    const threads = ['DR1004', 'DR1008'].map(
      (rule) => touched.findings.find((f) => f.finding.rule === rule)!.comment
    )
    // FROM (line 4) and EXPOSE (line 5) are not in the diff: both on the changed line 6, one thread.
    expect(threads[0]).toBeDefined()
    expect(threads[0]).toBe(threads[1])
    expect(threads[0]).toMatchObject({ line: 6 })
  })

  it('fixing one roll-up of a thread updates the thread in place (fingerprints stay)', () => {
    const first = draftReview([change('compose.yaml', BASE, HEAD)], options)
    const thread = service(first.findings, 'web', 'DC1004').comment!
    const existing: OwnComment[] = first.inline.map((c, i) => ({
      id: `c${i}`,
      databaseId: i,
      threadId: `t${i}`,
      fingerprint: c.fingerprint,
      fingerprints: c.fingerprints ?? [c.fingerprint],
      path: c.path,
      line: c.line,
      startLine: c.startLine ?? null,
      body: c.body,
      isResolved: false,
      humanReplies: false
    }))
    // The next push adds a restart policy to `web`: DC1004 is gone, DC1005 and DC1015 stay.
    const fixed = HEAD.replace('    ports:', '    restart: unless-stopped\n    ports:')
    const second = draftReview([change('compose.yaml', BASE, fixed)], options)
    expect(second.findings.some((s) => s.finding.rule === 'DC1004' && s.comment?.line === 2)).toBe(
      false
    )
    const again = service(second.findings, 'web', 'DC1005').comment!
    expect(parseInlineMarker(again.body)).toBeDefined()
    const plan = reconcile(second.inline, existing)
    expect(plan.create).toEqual([])
    expect(plan.remove).toEqual([])
    expect(plan.update.map((u) => u.existing.fingerprints)).toEqual([thread.fingerprints])
  })
})
