import { describe, expect, it } from 'vitest'
import { READ_ONLY_TOKEN, TOKEN, tokenForm } from '../standin/harness.js'
import { ourComments, withPullRequest } from '../standin/scenario.js'
import type { Standin } from '../standin/server.js'
import { expectEveryFindingReported, expectNoDuplicates, expectNoTokenLeak } from './checks.js'

/**
 * Token hygiene where a leak would come naturally: GitHub (or a proxy in front of it) echoing the
 * request's `Authorization` header in an error body — as sent, base64-encoded in a Basic
 * credential, or inside GraphQL error messages — on reads, on writes, and on the read that ends
 * the run. Every run is also scanned by the harness (stdout, stderr, runner files, request
 * bodies); these tests show the token did arrive in the answers and left only as `***`.
 */

const BASE = { Dockerfile: 'FROM debian:12\n' }
const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'

/** What the stand-in answers to a request that hits the next matching fault (the fault is spent). */
async function rawAnswer(standin: Standin, path: string, token: string): Promise<string> {
  const response = await fetch(`${standin.url}${path}`, {
    headers: { authorization: `token ${token}` }
  })
  return response.text()
}

describe.concurrent('token hygiene (end to end)', () => {
  it('the stand-in really echoes the credential, as is and base64-encoded', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 502, echoAuthorization: 'plain' })
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 502, echoAuthorization: 'base64' })
      const files = `/repos/${s.world.fullName}/pulls/1/files`
      expect(tokenForm(await rawAnswer(s.standin, files, TOKEN), TOKEN)).toBe('plain')
      expect(tokenForm(await rawAnswer(s.standin, files, TOKEN), TOKEN)).toBe('base64')
    })
  })

  it('echoed in write errors (plain and base64): logged, warned and summarised as ***', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({
        method: 'POST',
        path: /\/pulls\/1\/reviews$/,
        status: 502,
        echoAuthorization: 'plain'
      })
      s.standin.fail({
        method: 'POST',
        path: /\/issues\/1\/comments$/,
        status: 500,
        echoAuthorization: 'base64'
      })
      const run = await s.review()
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(
        'posting the review failed (502 Upstream request failed; request headers: {"authorization": "token ***"'
      )
      expect(run.stdout).toMatch(
        /^::warning::docker-review: summary comment: 500 Upstream request failed; request headers: \{"authorization": "Basic [A-Za-z0-9+/=]*\*\*\*/m
      )
      expect(run.summary).toMatch(/Posting failed: summary comment: 500 Upstream request failed/)
      expectNoTokenLeak(run, s.standin)
      expectNoDuplicates(s.standin, 1)
      expect(ourComments(s.world, 1).length).toBeGreaterThan(1)
      expectEveryFindingReported(run, s.standin, 1)
    })
  })

  it('echoed in a GraphQL error on the head check: the note in the summary and the warning carry ***', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({
        path: /^graphql:query/,
        // The head check reads no files.
        when: (body) => !JSON.stringify(body).includes('"b0"'),
        graphqlErrors: [
          { type: 'FORBIDDEN', message: `token ${TOKEN} may not read octo-org/hello-docker` }
        ]
      })
      const run = await s.review({ inputs: { 'fail-on': 'warning' } })
      expect(run.code).toBe(1)
      expect(run.summary).toContain(
        'Could not read the pull request before posting: Request failed due to following response errors: - token \\*\\*\\* may not read'
      )
      expect(run.stdout).toMatch(
        /^::warning::Could not read the pull request .*token \*\*\* may not/m
      )
      expectNoTokenLeak(run, s.standin)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => !f.inline && f.annotation)).toBe(true)
    })
  })

  it('echoed in the error that ends the run: the failure message carries ***', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({ method: 'GET', path: /\/files$/, status: 404, echoAuthorization: 'plain' })
      const run = await s.review()
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /^::error::GitHub API request failed: 404 Upstream request failed; request headers: \{"authorization": "token \*\*\*"/m
      )
      expectNoTokenLeak(run, s.standin)
    })
  })

  it('a read-only token echoed in the 403 of a fork pull request: redacted too', async () => {
    await withPullRequest(BASE, { Dockerfile: APT }, async (s) => {
      s.standin.fail({
        method: 'POST',
        path: /\/pulls\/1\/reviews$/,
        status: 403,
        message: 'Resource not accessible by integration',
        echoAuthorization: 'base64'
      })
      const run = await s.review({ fork: true, token: READ_ONLY_TOKEN })
      expect(run.code).toBe(0)
      expect(run.summary).toMatch(/Could not post review comments: 403 Resource not accessible/)
      expect(run.summary).toContain('\\*\\*\\*')
      expectNoTokenLeak(run, s.standin)
    })
  })
})
