import { describe, expect, it } from 'vitest'
import { parseInlineMarker } from '../../src/review/marker.js'
import { READ_ONLY_TOKEN, type RunResult } from '../standin/harness.js'
import { ourComments, stickyComments, withPullRequest, type Scenario } from '../standin/scenario.js'
import type { LoggedRequest } from '../standin/server.js'
import {
  annotations,
  expectEveryFindingReported,
  expectNoDuplicates,
  expectOneSticky,
  expectSuggestionsFix,
  writes,
  type ReportedFinding
} from './checks.js'

/**
 * GitHub failing in the ways a real run meets: 502/503 bursts, answers that never come or come
 * too late, connections cut before or in the middle of an answer, an exhausted primary rate limit,
 * a token that cannot write, a repository that disappears, a head that moves. Each run must end
 * with the verdict `fail-on` asks for, post nothing twice, and report every finding somewhere — and
 * each test says where: inline, in annotations, in the job summary.
 */

const BASE = { Dockerfile: 'FROM debian:12\n' }
const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'
/** The APT findings include warnings: with `fail-on: warning` the check must fail. */
const FAILING = { 'fail-on': 'warning' }

const byOperation = (requests: LoggedRequest[], name: string) =>
  requests.filter((r) => r.operation.split(' ')[0] === name)
const statuses = (run: RunResult, name: string) =>
  byOperation(run.requests, name).map((r) => r.status)
const REVIEW = /\/pulls\/1\/reviews$/
const STICKY = /\/issues\/1\/comments$/

/** The verdict, no duplicates, every finding somewhere; returns where each finding went. */
function expectSound(run: RunResult, s: Scenario, code: number): ReportedFinding[] {
  expect(run.code, run.stdout).toBe(code)
  expect(run.outputs.result).toBe(code === 0 ? 'success' : 'failure')
  expectNoDuplicates(s.standin, s.number)
  expect(s.standin.foreignTouches).toEqual([])
  return expectEveryFindingReported(run, s.standin, s.number)
}

/** Do `action` once, right after the `n`-th GraphQL read (of any run on the stand-in) was answered. */
function afterRead(s: Scenario, n: number, action: () => void): void {
  let reads = 0
  s.standin.onRequest((r) => {
    if (r.operation.startsWith('graphql:query') && ++reads === n) action()
  })
}

/** A run where GitHub kept nothing of ours: every finding is annotated and in the job summary. */
function expectAllOffPullRequest(found: ReportedFinding[], run: RunResult, s: Scenario): void {
  expect(ourComments(s.world, 1)).toEqual([])
  expect(found.filter((f) => !(!f.inline && f.annotation && f.summary))).toEqual([])
  expect(run.summary).toContain('_(not posted)_')
}

describe.concurrent('outages (end to end)', () => {
  it('502/503 bursts: reads retried (GitHub’s HTML error page too), the review re-posted until it lands, once', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 502, html: true, times: 2 })
      s.standin.fail({ path: /^graphql:query/, status: 503, times: 2 })
      s.standin.fail({ method: 'POST', path: REVIEW, status: 502, html: true })
      s.standin.fail({ method: 'POST', path: REVIEW, status: 503 })
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expect(statuses(run, 'pulls/list-files')).toEqual([502, 502, 200])
      expect(statuses(run, 'graphql:query').slice(0, 3)).toEqual([503, 503, 200])
      expect(statuses(run, 'pulls/create-review')).toEqual([502, 503, 200])
      expect(s.world.reviews).toHaveLength(1)
      // Everything landed inline; the sticky summary is there; nothing needed an annotation.
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(found.some((f) => f.annotation)).toBe(false)
      expectOneSticky(s.standin, 1)
      expectSuggestionsFix(s.standin, 1)
      // The HTML page reached no reader as markup.
      expect(run.stdout).toContain('Unicorn')
      expect(run.summary).not.toContain('<!DOCTYPE')
    })
  })

  it('a 503 burst longer than the review attempts: checked between tries, never posted twice, findings annotated and marked not posted', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'POST', path: REVIEW, status: 503, times: 3 })
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expect(statuses(run, 'pulls/create-review')).toEqual([503, 503, 503])
      expect(s.world.reviews).toHaveLength(0)
      expect(ourComments(s.world, 1)).toEqual([])
      expect(found.filter((f) => !(!f.inline && f.annotation && f.summary))).toEqual([])
      // The sticky summary still got written, and says what did not make it.
      const sticky = expectOneSticky(s.standin, 1)
      expect(sticky).toContain('_(not posted)_')
      expect(run.summary).toMatch(/Posting failed: review: 503 Server Error \(3 attempts\)/)
      expect(run.stdout).toMatch(/^::warning::docker-review: review: 503/m)
    })
  })

  it('timeouts: an answer that never comes and one that comes too late are retried; a write that timed out is checked, not repeated', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      // Answers after 4 s: the client (deadline 1.5 s) has given up and asked again.
      s.standin.fail({ method: 'GET', path: /\/files$/, delayMs: 4000 })
      s.standin.fail({ path: /^graphql:query/, hang: true })
      // GitHub creates the review, but the answer never arrives.
      s.standin.fail({ method: 'POST', path: REVIEW, hang: true, after: true })
      const run = await s.review({
        inputs: FAILING,
        env: { DOCKER_REVIEW_REQUEST_TIMEOUT_MS: '1500' }
      })
      const found = expectSound(run, s, 1)
      expect(byOperation(run.requests, 'pulls/list-files').map((r) => r.fault)).toEqual([
        'delay 4000ms',
        undefined
      ])
      expect(byOperation(run.requests, 'graphql:query')[0].fault).toBe('hang')
      expect(statuses(run, 'pulls/create-review')).toEqual([0])
      expect(run.stdout).toContain('no complete answer from GitHub within 1.5s')
      expect(s.world.reviews).toHaveLength(1)
      expect(found.every((f) => f.inline)).toBe(true)
      expectOneSticky(s.standin, 1)
      // Three deadlines, no more: nothing waited for the stalled answers.
      expect(run.elapsed).toBeGreaterThanOrEqual(3 * 1500)
    })
  })

  it('connection resets before and during answers: reads retried, a cut review checked, a cut summary write re-done by the next run', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, reset: 'before' })
      s.standin.fail({ path: /^graphql:query/, reset: 'during' })
      s.standin.fail({ method: 'POST', path: REVIEW, reset: 'during' })
      s.standin.fail({ method: 'POST', path: STICKY, reset: 'before' })
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expect(statuses(run, 'pulls/list-files')).toEqual([0, 200])
      expect(byOperation(run.requests, 'graphql:query')[0].fault).toBe('reset during')
      expect(statuses(run, 'pulls/create-review')).toEqual([0])
      expect(s.world.reviews).toHaveLength(1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      // The summary comment was lost with its connection: said in the job summary and the log.
      expect(stickyComments(s.world, 1)).toEqual([])
      expect(run.summary).toMatch(/Posting failed: summary comment: 500 /)
      const comments = ourComments(s.world, 1).map((c) => `${c.id} ${c.line}`)
      const again = await s.review({ inputs: FAILING, action: 'synchronize' })
      expectSound(again, s, 1)
      expect(writes(again).map((r) => r.operation)).toEqual(['issues/create-comment'])
      expect(ourComments(s.world, 1).map((c) => `${c.id} ${c.line}`)).toEqual(comments)
      expectOneSticky(s.standin, 1)
    })
  })

  it.each([403, 429] as const)(
    'primary rate limit used up before the review (%i): no waiting for the reset, verdict kept, findings annotated, said why',
    async (status) => {
      await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
        // Enough for the reads (files, the head's files, the head check); none left to write.
        s.world.rateLimit.remaining = 3
        s.world.rateLimit.status = status
        const run = await s.review({ inputs: FAILING })
        const found = expectSound(run, s, 1)
        expectAllOffPullRequest(found, run, s)
        // One refused write, then nothing more: no summary comment attempt, no check read.
        expect(writes(run).map((r) => `${r.operation.split(' ')[0]} ${r.status}`)).toEqual([
          `pulls/create-review ${status}`
        ])
        expect(run.requests).toHaveLength(4)
        expect(run.elapsed).toBeLessThan(60_000)
        expect(run.stdout).toMatch(/rate limit exhausted for \d+s; not waiting/)
        expect(run.summary).toMatch(
          /Stopped posting: \d{3} API rate limit exceeded for installation ID 4242\. \(the limit resets at \d\d:\d\d:\d\d UTC\)/
        )
        expect(run.summary).toContain('0 new comment(s) were posted')
      })
    }
  )

  it('primary rate limit used up between the review and the summary comment: the review stays, the rest is said in the job summary', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.world.rateLimit.remaining = 4
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expect(writes(run).map((r) => `${r.operation.split(' ')[0]} ${r.status}`)).toEqual([
        'pulls/create-review 200',
        'issues/create-comment 403'
      ])
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(stickyComments(s.world, 1)).toEqual([])
      expect(run.summary).toMatch(/Stopped posting: 403 API rate limit exceeded/)
      expect(run.summary).toMatch(/[1-9]\d* new comment\(s\) were posted/)
    })
  })

  it('primary rate limit used up from the start: the step fails at once with the reason and the reset time', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.world.rateLimit.remaining = 0
      const run = await s.review()
      expect(run.code).toBe(1)
      expect(run.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
        'pulls/list-files 403'
      ])
      expect(run.stdout).toMatch(
        /^::error::GitHub's API rate limit for this token is used up: 403 API rate limit exceeded for installation ID 4242\. \(the limit resets at \d\d:\d\d:\d\d UTC\)\. The run does not wait/m
      )
      expect(run.elapsed).toBeLessThan(60_000)
    })
  })

  it('read-only token on a re-run (workflow without `pull-requests: write`): GraphQL FORBIDDEN stops the writes, our comments stay, findings annotated', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      await s.review()
      const before = ourComments(s.world, 1).map((c) => `${c.id} ${c.body}`)
      expect(before.length).toBeGreaterThan(1)
      // Fixing the consecutive RUNs makes one comment stale: a deletion (a GraphQL mutation).
      s.push({
        Dockerfile:
          'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a && echo b\n'
      })
      const run = await s.review({ token: READ_ONLY_TOKEN, inputs: FAILING, action: 'synchronize' })
      const found = expectSound(run, s, 1)
      expect(writes(run).map((r) => `${r.operation.split(' ')[0]} ${r.status}`)).toEqual([
        'graphql:mutation 200'
      ])
      expect(ourComments(s.world, 1).map((c) => `${c.id} ${c.body}`)).toEqual(before)
      expect(run.stdout.match(/^::warning::Could not post review comments/gm)).toHaveLength(1)
      expect(run.summary).toContain('The token is read-only here')
      expect(found.every((f) => f.annotation && f.summary)).toBe(true)
    })
  })

  it('repository gone after linting (404 on the head check): nothing posted, verdict kept, findings annotated', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      afterRead(s, 1, () => (s.world.deleted = true))
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expectAllOffPullRequest(found, run, s)
      expect(writes(run)).toEqual([])
      expect(run.summary).toMatch(
        /Could not read the pull request before posting: .*Could not resolve to a Repository.*The pull request or its repository is gone/
      )
    })
  })

  it('repository gone between the head check and the review (404 on the write): writing stops, said why', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      afterRead(s, 2, () => (s.world.deleted = true))
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expectAllOffPullRequest(found, run, s)
      expect(writes(run).map((r) => `${r.operation.split(' ')[0]} ${r.status}`)).toEqual([
        'pulls/create-review 404'
      ])
      expect(run.summary).toMatch(
        /Could not post review comments: 404 Not Found\. The pull request or its repository is gone/
      )
    })
  })

  it('repository gone before the run: the step fails with GitHub’s answer, in one line', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.world.deleted = true
      const run = await s.review()
      expect(run.code).toBe(1)
      expect(run.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
        'pulls/list-files 404'
      ])
      expect(run.stdout).toMatch(/^::error::GitHub API request failed: 404 Not Found$/m)
    })
  })

  it('head moved while linting: nothing posted, findings annotated; the run for the new head posts them once', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      afterRead(s, 1, () => s.push({ 'README.md': 'docs\n' }))
      const run = await s.review({ inputs: FAILING })
      const found = expectSound(run, s, 1)
      expectAllOffPullRequest(found, run, s)
      expect(writes(run)).toEqual([])
      const next = await s.review({ inputs: FAILING, action: 'synchronize' })
      const after = expectSound(next, s, 1)
      expect(after.every((f) => f.inline)).toBe(true)
      expect(s.world.reviews).toHaveLength(1)
    })
  })

  it('head moved between the head check and the review: the review lands on the old commit, the next run replaces it without duplicates', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      afterRead(s, 2, () => s.push({ 'README.md': 'docs\n' }))
      const run = await s.review({ inputs: FAILING })
      expectSound(run, s, 1)
      const outdated = ourComments(s.world, 1)
      expect(outdated.length).toBeGreaterThan(1)
      expect(outdated.every((c) => c.line === null)).toBe(true)
      const next = await s.review({ inputs: FAILING, action: 'synchronize' })
      const found = expectSound(next, s, 1)
      expect(found.every((f) => f.inline)).toBe(true)
      const now = ourComments(s.world, 1)
      expect(now.every((c) => c.line !== null)).toBe(true)
      expect(now.map((c) => parseInlineMarker(c.body)!.fingerprint).sort()).toEqual(
        outdated.map((c) => parseInlineMarker(c.body)!.fingerprint).sort()
      )
      expectOneSticky(s.standin, 1)
      // The annotation channel was not needed in either run.
      expect(annotations(next).filter((a) => a.file === 'Dockerfile')).toEqual([])
    })
  })
})
