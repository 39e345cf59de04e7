import { describe, expect, it } from 'vitest'
import {
  checkout,
  READ_ONLY_TOKEN,
  runAction,
  type RunOptions,
  type RunResult
} from '../standin/harness.js'
import type { PullRequest } from '../standin/state.js'
import {
  mergeGroupPayload,
  pullRequestPayload,
  pushPayload,
  workflowDispatchPayload,
  workflowRunPayload
} from '../standin/payloads.js'
import { ourComments, stickyComments, withPullRequest, type Scenario } from '../standin/scenario.js'
import {
  annotations,
  expectCleanTraffic,
  expectDeclaredOutputs,
  expectNoTokenLeak,
  expectOneSticky,
  expectSuggestionsFix,
  threadFindings,
  writes
} from './checks.js'

/**
 * Events other than a plain pull-request review: pushes, the merge queue, manual runs (lint,
 * annotate, summarise, never comment; tags always set), and the fork recipe `mode: report` →
 * `mode: post`.
 */

const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'

/** The APT pull request, its commits, and a runner for events on them (GITHUB_SHA = its head). */
function onAptPull(
  fn: (
    s: Scenario,
    pr: PullRequest,
    run: (options: Omit<RunOptions, 'standin'>) => Promise<RunResult>
  ) => Promise<void>
): Promise<void> {
  return withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, (s) => {
    const pr = s.world.pulls.get(1)!
    return fn(s, pr, (options) => runAction({ standin: s.standin, sha: pr.headSha, ...options }))
  })
}

describe.concurrent('other events (end to end)', () => {
  it('push: lints the files the push changed, annotations and summary, no review', async () => {
    await onAptPull(async (s, pr, act) => {
      const run = await act({
        event: 'push',
        payload: pushPayload(s.world, pr.baseSha, pr.headSha),
        inputs: { 'fail-on': 'warning' }
      })
      expect(run.code).toBe(1)
      // GitHub's description has two templates for this URL (`{basehead}`, `{base}...{head}`).
      expect(run.requests.map((r) => r.operation.split(' ')[0])).toEqual([
        'repos/compare-commits',
        'graphql:query'
      ])
      expect(writes(run)).toEqual([])
      expect(annotations(run).some((a) => a.file === 'Dockerfile' && a.line === 2)).toBe(true)
      expect(run.summary).toContain('on the changed lines')
      expect(run.outputs.tags).toBeTruthy()
      expect(run.outputs.version).toBe('main')
      expectCleanTraffic(run, s.standin)
      expectNoTokenLeak(run, s.standin)
    })
  })

  it('push creating a branch (no `before`): lints the commit’s files', async () => {
    await onAptPull(async (s, pr, act) => {
      const run = await act({
        event: 'push',
        payload: pushPayload(s.world, null, pr.headSha)
      })
      expect(run.requests[0].operation).toBe('repos/get-commit')
      expect(Number(run.outputs.findings)).toBeGreaterThan(0)
    })
  })

  it('merge_group: lints the queued range and sets the tag outputs', async () => {
    await onAptPull(async (s, pr, act) => {
      const run = await act({
        event: 'merge_group',
        payload: mergeGroupPayload(s.world, pr.baseSha, pr.headSha)
      })
      expect(run.code).toBe(0)
      expect(run.requests[0].operation).toBe('repos/compare-commits')
      expect(writes(run)).toEqual([])
      expect(Number(run.outputs.findings)).toBeGreaterThan(0)
      expect(run.outputs['tag-names']).toBeTruthy()
    })
  })

  it('workflow_dispatch with a checkout: every Dockerfile and compose file, no API call at all', async () => {
    await withPullRequest(
      { Dockerfile: 'FROM debian:12\n' },
      {
        Dockerfile: APT,
        'deploy/compose.yaml': 'version: "3"\nservices:\n  a:\n    image: nginx:1.27\n'
      },
      async (s) => {
        const pr = s.world.pulls.get(1)!
        const workspace = checkout(s.world, pr.headSha)
        const run = await runAction({
          standin: s.standin,
          event: 'workflow_dispatch',
          payload: workflowDispatchPayload(s.world),
          sha: pr.headSha,
          workspace
        })
        expect(run.requests).toEqual([])
        expect(run.summary).toContain('in the linted files')
        expect(run.summary).toContain('deploy/compose.yaml')
        expect(Number(run.outputs['all-findings'])).toBe(Number(run.outputs.findings))
      }
    )
  })

  it('workflow_dispatch without a checkout: the tree and the files through the API', async () => {
    await onAptPull(async (s, _pr, act) => {
      const run = await act({
        event: 'workflow_dispatch',
        payload: workflowDispatchPayload(s.world)
      })
      expect(run.requests.map((r) => r.operation.split(' ')[0])).toEqual([
        'git/get-tree',
        'graphql:query'
      ])
      expect(Number(run.outputs.findings)).toBeGreaterThan(0)
    })
  })

  it('fork recipe: `mode: report` (read-only) writes the artifact, `mode: post` on workflow_run posts it', async () => {
    await onAptPull(async (s, pr, act) => {
      const report = await act({
        event: 'pull_request',
        payload: pullRequestPayload(s.world, 1, { fork: true }),
        token: READ_ONLY_TOKEN,
        inputs: { mode: 'report' }
      })
      expect(report.code).toBe(0)
      expect(writes(report)).toEqual([])
      expect(report.report).toBeDefined()
      expectDeclaredOutputs(report)
      const artifact = JSON.parse(report.report!)
      expect(artifact).toMatchObject({ pullRequest: 1, headSha: pr.headSha, tool: 'docker-review' })
      // The trusted job downloads the artifact into its workspace and posts.
      const workspace = checkout(s.world, pr.baseSha)
      const { writeFileSync } = await import('node:fs')
      writeFileSync(`${workspace}/docker-review-report.json`, report.report!)
      const post = await act({
        event: 'workflow_run',
        payload: workflowRunPayload(s.world, pr.headSha, []),
        inputs: { mode: 'post' },
        workspace,
        sha: pr.baseSha
      })
      expect(post.code, post.stdout).toBe(0)
      expect(threadFindings(s.standin, 1)).toBe(Number(report.outputs.findings))
      expectSuggestionsFix(s.standin, 1)
      expectOneSticky(s.standin, 1)
      expect(post.requests.length).toBeLessThanOrEqual(5)
      expectCleanTraffic(post, s.standin)
      expectNoTokenLeak(post, s.standin)
      // A forged artifact for another commit is refused.
      writeFileSync(
        `${workspace}/docker-review-report.json`,
        report.report!.replace(pr.headSha, 'a'.repeat(40))
      )
      const forged = await act({
        event: 'workflow_run',
        payload: workflowRunPayload(s.world, pr.headSha, []),
        inputs: { mode: 'post' },
        workspace,
        sha: pr.baseSha
      })
      expect(forged.code).toBe(1)
      expect(forged.stdout).toMatch(/::error::the report is for commit a{40}/)
      expect(writes(forged)).toEqual([])
    })
  })

  it('the configuration comes from the base commit (config-from: base, pull_request_target), not from the change', async () => {
    const head = { Dockerfile: APT, '.docker-review.yml': 'rules:\n  DL3014: off\n' }
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, head, async (s) => {
      const rule = (name: string) =>
        ourComments(s.world, 1).some((c) => c.body.includes(`rule=${name}`))
      // Opting in to the head's configuration: the pull request turns DL3014 off for itself.
      await s.review({ inputs: { 'config-from': 'head' } })
      expect(rule('DL3014')).toBe(false)
      // The default reads the base: the change to the configuration does not apply to itself.
      const byDefault = await s.review()
      expect(rule('DL3014')).toBe(true)
      expect(byDefault.summary).toContain('configuration was read from the base commit')
      expect(byDefault.summary).toContain('takes effect once merged')
      const target = await runAction({
        standin: s.standin,
        event: 'pull_request_target',
        payload: pullRequestPayload(s.world, 1),
        inputs: { 'config-from': 'head' }
      })
      expect(target.code).toBe(0)
      expect(rule('DL3014')).toBe(true)
      expect(target.summary).toContain('configuration was read from the base commit')
      expectCleanTraffic(target, s.standin)
    })
  })

  it('`mode: tags` only sets the tag outputs', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      const run = await runAction({
        standin: s.standin,
        event: 'pull_request',
        payload: pullRequestPayload(s.world, 1),
        inputs: { mode: 'tags', images: 'ghcr.io/octo-org/app' }
      })
      expect(run.code).toBe(0)
      expect(run.requests).toEqual([])
      expect(run.outputs.tags).toContain('ghcr.io/octo-org/app:pr-1')
      expect(run.outputs.findings).toBeUndefined()
      expect(stickyComments(s.world, 1)).toEqual([])
    })
  })

  it('an invalid tags input fails the step; the pull request is still reviewed', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      const run = await runAction({
        standin: s.standin,
        event: 'pull_request',
        payload: pullRequestPayload(s.world, 1),
        inputs: { 'unique-branch-tags': 'maybe' }
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toContain(
        '::error::unique-branch-tags: expected true or false, got "maybe"'
      )
      expect(run.outputs.findings).toBeDefined()
      expect(stickyComments(s.world, 1)).toHaveLength(1)
    })
  })

  it('invalid inputs fail the step with every problem named', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      const run = await runAction({
        standin: s.standin,
        event: 'pull_request',
        payload: pullRequestPayload(s.world, 1),
        inputs: {
          'filter-mode': 'changed',
          'fail-on': 'sometimes',
          'max-comments': 'lots',
          images: 'ghcr.io/octo-org/app'
        }
      })
      expect(run.code).toBe(1)
      // The build job still gets its tags.
      expect(run.outputs.tags).toContain('ghcr.io/octo-org/app:pr-1')
      expect(run.stdout).toContain(
        '`filter-mode` must be one of added, diff_context, file, nofilter'
      )
      expect(run.stdout).toContain('`fail-on` must be one of')
      expect(run.stdout).toContain('`max-comments` must be a whole number')
      expect(run.requests).toEqual([])
    })
  })
})
