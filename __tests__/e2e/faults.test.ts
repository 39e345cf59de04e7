import { describe, expect, it } from 'vitest'
import { parseInlineMarker } from '../../src/review/marker.js'
import { ourComments, withPullRequest } from '../standin/scenario.js'
import type { LoggedRequest } from '../standin/server.js'
import {
  annotations,
  expectCleanTraffic,
  expectEveryFindingReported,
  expectNoDuplicates,
  expectOneSticky,
  expectSuggestionsFix
} from './checks.js'

/**
 * GitHub misbehaving: refused batches, server errors, secondary rate limits, large pull requests.
 * The run must end with the right verdict, no duplicate comments, and every finding somewhere.
 */

const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'
const byOperation = (requests: LoggedRequest[], name: string) =>
  requests.filter((r) => r.operation.split(' ')[0] === name)

describe.concurrent('faults (end to end)', () => {
  it('a 422 on the batch falls back to one comment at a time; a refused comment moves to the summary', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      s.standin.fail({
        method: 'POST',
        path: /\/pulls\/1\/reviews$/,
        status: 422,
        message: 'Unprocessable Entity',
        extra: { errors: ['Pull request review thread line must be part of the diff'] }
      })
      s.standin.fail({
        method: 'POST',
        path: /\/pulls\/1\/comments$/,
        status: 422,
        message: 'Validation Failed',
        extra: {
          errors: [
            {
              resource: 'PullRequestReviewComment',
              code: 'custom',
              field: 'pull_request_review_thread.line',
              message: 'could not be resolved'
            }
          ]
        },
        // The thread that carries DL3008 (one thread per instruction: maybe led by another rule).
        when: (body) => /\bDL3008\b/.test((body as { body?: string }).body ?? '')
      })
      const run = await s.review({ inputs: { 'max-comments': '3' } })
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.find((f) => f.rule === 'DL3008')).toMatchObject({
        inline: false,
        annotation: true,
        summary: true
      })
      expect(byOperation(run.requests, 'pulls/create-review')).toHaveLength(1)
      // One request per thread; every thread but the refused one (carrying DL3008) landed.
      const singles = byOperation(run.requests, 'pulls/create-review-comment')
      const comments = ourComments(s.world, 1)
      expect(comments.length).toBeGreaterThan(0)
      expect(singles).toHaveLength(comments.length + 1)
      expect(comments.some((c) => /\bDL3008\b/.test(c.body))).toBe(false)
      const sticky = expectOneSticky(s.standin, 1)
      expect(sticky).toMatch(/DL3008[^\n]*refused by GitHub/)
      expect(annotations(run).some((a) => a.line === 2 && a.message.includes('Pin versions'))).toBe(
        true
      )
      expectSuggestionsFix(s.standin, 1)
    })
  })

  it('a 500 on the review: checks what exists, posts once more, no duplicates', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'POST', path: /\/pulls\/1\/reviews$/, status: 500 })
      const run = await s.review()
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(byOperation(run.requests, 'pulls/create-review').map((r) => r.status)).toEqual([
        500, 200
      ])
      const fps = ourComments(s.world, 1).map((c) => parseInlineMarker(c.body)!.fingerprint)
      expect(fps.length).toBeGreaterThan(1)
      expect(new Set(fps).size).toBe(fps.length)
      expect(s.world.reviews).toHaveLength(1)
      expectCleanTraffic(run, s.standin)
    })
  })

  it('a 500 after GitHub created the review: nothing is posted twice', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'POST', path: /\/pulls\/1\/reviews$/, status: 502, after: true })
      const run = await s.review()
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(byOperation(run.requests, 'pulls/create-review')).toHaveLength(1)
      const fps = ourComments(s.world, 1).map((c) => parseInlineMarker(c.body)!.fingerprint)
      expect(new Set(fps).size).toBe(fps.length)
      expect(s.world.reviews).toHaveLength(1)
      expectOneSticky(s.standin, 1)
    })
  })

  it('500s on reads are retried', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 503, times: 2 })
      s.standin.fail({ path: /^graphql:query/, status: 500 })
      const run = await s.review()
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(byOperation(run.requests, 'pulls/list-files').map((r) => r.status)).toEqual([
        503, 503, 200
      ])
      expect(ourComments(s.world, 1).length).toBeGreaterThan(1)
    })
  })

  it('secondary rate limits: waits retry-after and carries on, without duplicates', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 403, retryAfter: 1 })
      s.standin.fail({ method: 'POST', path: /\/pulls\/1\/reviews$/, status: 403, retryAfter: 1 })
      const started = Date.now()
      const run = await s.review()
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000)
      expect(run.stdout).toContain('secondary rate limit')
      expect(byOperation(run.requests, 'pulls/create-review').map((r) => r.status)).toEqual([
        403, 200
      ])
      const fps = ourComments(s.world, 1).map((c) => parseInlineMarker(c.body)!.fingerprint)
      expect(fps.length).toBeGreaterThan(1)
      expect(new Set(fps).size).toBe(fps.length)
    })
  })

  it('a 250-file pull request: three pages of files, the Dockerfile on the last page reviewed', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 248; i++)
      files[`src/module-${String(i).padStart(3, '0')}.txt`] = `file ${i}\n`
    files['docker/Dockerfile'] = APT
    files['zz/compose.yaml'] = 'version: "3"\nservices:\n  app:\n    image: nginx:1.27\n'
    await withPullRequest({ 'README.md': 'hello\n' }, files, async (s) => {
      const run = await s.review()
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => f.inline && f.summary)).toBe(true)
      const pages = byOperation(run.requests, 'pulls/list-files')
      expect(pages).toHaveLength(3)
      expect(pages.every((p) => p.query.includes('per_page=100'))).toBe(true)
      // Pagination plus the fixed budget: list ×3, read, head check, review, summary.
      expect(run.requests.length).toBeLessThanOrEqual(7)
      const paths = new Set(ourComments(s.world, 1).map((c) => c.path))
      expect(paths).toEqual(new Set(['docker/Dockerfile', 'zz/compose.yaml']))
      expectSuggestionsFix(s.standin, 1)
      expectCleanTraffic(run, s.standin)
    })
  })
})
