import { describe, expect, it } from 'vitest'
import { buildContext } from '../../src/tags/context.js'
import { HEAD_SHA, NOW, REPOSITORY, SHA, ctxFor, prPayload } from './helpers.js'

describe('buildContext', () => {
  it('reads a branch push', () => {
    const ctx = ctxFor('push', 'refs/heads/main')
    expect(ctx).toMatchObject({
      ref: 'refs/heads/main',
      sha: SHA,
      pullRequest: false,
      shaIsBaseCommit: false,
      defaultBranch: 'main',
      isDefaultBranch: true,
      now: NOW
    })
    expect(ctx.repo).toEqual({
      name: 'app',
      htmlUrl: 'https://github.com/acme/app',
      description: 'Acme app',
      license: 'Apache-2.0'
    })
  })

  it('reads a pull_request run', () => {
    const ctx = ctxFor('pull_request', 'refs/pull/7/merge')
    expect(ctx).toMatchObject({
      pullRequest: true,
      prNumber: 7,
      baseRef: 'main',
      isDefaultBranch: false
    })
    expect(ctx.shaIsBaseCommit).toBe(false)
  })

  it('follows the PR on pull_request_target and marks the sha as the base commit', () => {
    const ctx = ctxFor('pull_request_target', 'refs/heads/main')
    expect(ctx).toMatchObject({ ref: 'refs/pull/7/merge', githubRef: 'refs/heads/main', sha: SHA })
    expect(ctx).toMatchObject({ pullRequest: true, shaIsBaseCommit: true, isDefaultBranch: false })
  })

  it('takes the PR number from pull_request.number when the payload lacks number', () => {
    const payload: Record<string, unknown> = { ...prPayload(9) }
    delete payload.number
    expect(ctxFor('pull_request_target', 'refs/heads/main', { payload }).ref).toBe(
      'refs/pull/9/merge'
    )
  })

  it('uses the PR head in head-SHA mode', () => {
    const env = { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
    expect(ctxFor('pull_request', 'refs/pull/7/merge', { env }).sha).toBe(HEAD_SHA)
    const target = ctxFor('pull_request_target', 'refs/heads/main', { env })
    expect(target).toMatchObject({ sha: HEAD_SHA, shaIsBaseCommit: false })
  })

  it('treats a PR-triggered workflow_run as the PR', () => {
    const payload = {
      repository: REPOSITORY,
      workflow_run: { event: 'pull_request', head_sha: HEAD_SHA, pull_requests: [{ number: 12 }] }
    }
    const ctx = ctxFor('workflow_run', 'refs/heads/main', { payload })
    expect(ctx).toMatchObject({
      ref: 'refs/pull/12/merge',
      pullRequest: true,
      shaIsBaseCommit: true
    })
    const noPr = ctxFor('workflow_run', 'refs/heads/main', {
      payload: { ...payload, workflow_run: { event: 'pull_request', pull_requests: [] } }
    })
    expect(noPr).toMatchObject({ ref: '', pullRequest: true, prNumber: undefined })
    const push = ctxFor('workflow_run', 'refs/heads/main', {
      payload: { ...payload, workflow_run: { event: 'push' } }
    })
    expect(push).toMatchObject({ ref: 'refs/heads/main', pullRequest: false })
  })

  it('treats issue_comment on a PR as the PR, and on an issue as a default-branch run', () => {
    const onPr = { repository: REPOSITORY, issue: { number: 5, pull_request: { url: 'x' } } }
    expect(ctxFor('issue_comment', 'refs/heads/main', { payload: onPr })).toMatchObject({
      ref: 'refs/pull/5/merge',
      pullRequest: true
    })
    const onIssue = { repository: REPOSITORY, issue: { number: 5 } }
    expect(ctxFor('issue_comment', 'refs/heads/main', { payload: onIssue }).pullRequest).toBe(false)
  })

  it('treats every PR-like workflow_run trigger as a pull request (issue 11)', () => {
    const wr = (run: Record<string, unknown>) =>
      ctxFor('workflow_run', 'refs/heads/main', {
        payload: { repository: REPOSITORY, workflow_run: { head_sha: HEAD_SHA, ...run } }
      })
    for (const event of [
      'merge_group',
      'pull_request_target',
      'pull_request_review',
      'issue_comment',
      'workflow_run',
      'check_suite',
      'merge_request_event',
      ''
    ]) {
      const ctx = wr({ event })
      expect(ctx, event).toMatchObject({ pullRequest: true, ref: '', isDefaultBranch: false })
      expect(ctx.shaIsBaseCommit, event).toBe(true)
    }
    // A push-triggered run that GitHub ties to an open PR follows that PR.
    expect(wr({ event: 'push', pull_requests: [{ number: 4 }] })).toMatchObject({
      pullRequest: true,
      ref: 'refs/pull/4/merge'
    })
    expect(wr({ event: 'push', head_branch: 'gh-readonly-queue/main/pr-4-abc' }).pullRequest).toBe(
      true
    )
    expect(wr({ event: 'push', head_branch: 'main', pull_requests: [] })).toMatchObject({
      pullRequest: false,
      ref: 'refs/heads/main',
      isDefaultBranch: true
    })
    expect(wr({ event: 'schedule' }).pullRequest).toBe(false)
    // Triggered on another branch or a tag: other code than the main it would be tagged as.
    expect(wr({ event: 'push', head_branch: 'feature/x' })).toMatchObject({
      pullRequest: true,
      ref: ''
    })
    expect(wr({ event: 'release', head_branch: 'v1.2.3' }).pullRequest).toBe(true)
  })

  it('treats unknown and ambiguous events as pull requests, trusted ones on a branch or tag not', () => {
    for (const event of ['merge_request_event', 'check_run', 'check_suite', 'status', 'PUSH', '']) {
      const ctx = ctxFor(event, 'refs/heads/main')
      expect(ctx, event).toMatchObject({ pullRequest: true, ref: '', isDefaultBranch: false })
    }
    expect(ctxFor('merge_request_event', 'refs/pull/5/merge')).toMatchObject({
      pullRequest: true,
      prNumber: 5,
      shaIsBaseCommit: false
    })
    // Trusted events must name a branch or a tag to be trusted.
    expect(ctxFor('push', '').pullRequest).toBe(true)
    expect(ctxFor('workflow_dispatch', 'main').pullRequest).toBe(true)
    for (const event of ['push', 'schedule', 'workflow_dispatch', 'release', 'create']) {
      expect(ctxFor(event, 'refs/tags/v1.0.0').pullRequest, event).toBe(false)
    }
    // A push to a merge queue's branch is pull-request code that is not merged yet.
    const queue = ctxFor('push', 'refs/heads/gh-readonly-queue/main/pr-3-abc')
    expect(queue).toMatchObject({ pullRequest: true, shaIsBaseCommit: false })
    // A pull-request or merge-queue ref wins over a payload that looks trusted.
    const onIssue = { repository: REPOSITORY, issue: { number: 5 } }
    const queueRef = 'refs/heads/gh-readonly-queue/main/pr-3-abc'
    expect(ctxFor('issue_comment', queueRef, { payload: onIssue }).pullRequest).toBe(true)
    const pushRun = { repository: REPOSITORY, workflow_run: { event: 'push', head_branch: 'main' } }
    expect(ctxFor('workflow_run', 'refs/pull/2/merge', { payload: pushRun }).pullRequest).toBe(true)
    // issue_comment without an issue in the payload cannot be proven to be on an issue.
    expect(ctxFor('issue_comment', 'refs/heads/main').pullRequest).toBe(true)
  })

  it('does not follow a branch ref on a pull-request event: it is not the PR’s code', () => {
    expect(ctxFor('pull_request', 'refs/heads/main')).toMatchObject({
      pullRequest: true,
      ref: 'refs/pull/7/merge',
      shaIsBaseCommit: true
    })
    expect(ctxFor('merge_group', 'refs/heads/main')).toMatchObject({ pullRequest: true, ref: '' })
    expect(ctxFor('merge_group', 'refs/heads/gh-readonly-queue/main/pr-1-abc')).toMatchObject({
      ref: 'refs/heads/gh-readonly-queue/main/pr-1-abc',
      shaIsBaseCommit: false
    })
  })

  it('counts merge_group as a pull-request run', () => {
    expect(ctxFor('merge_group', 'refs/heads/gh-readonly-queue/main/pr-1-abc').pullRequest).toBe(
      true
    )
  })

  it('applies metadata-action’s is_default_branch fallback for schedule-like events', () => {
    const ctx = buildContext(
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/dev' },
      {},
      NOW
    )
    expect(ctx.isDefaultBranch).toBe(true)
    expect(ctxFor('push', 'refs/heads/dev').isDefaultBranch).toBe(false)
  })

  it('reads base_ref on tag pushes', () => {
    const payload = { repository: REPOSITORY, base_ref: 'refs/heads/release' }
    expect(ctxFor('push', 'refs/tags/v1.0.0', { payload }).baseRef).toBe('release')
  })

  it('takes the commit date from the payload commit that matches the sha', () => {
    const payload = {
      repository: REPOSITORY,
      head_commit: { id: SHA, timestamp: '2022-04-19T11:27:24+02:00' }
    }
    expect(ctxFor('push', 'refs/heads/main', { payload }).commitDate?.toISOString()).toBe(
      '2022-04-19T09:27:24.000Z'
    )
    expect(ctxFor('push', 'refs/heads/main').commitDate).toBeUndefined()
  })

  it('falls back to GITHUB_REPOSITORY and GITHUB_SERVER_URL for labels without a payload', () => {
    const ctx = buildContext(
      { GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://ghe.example/' },
      {},
      NOW
    )
    expect(ctx.repo).toEqual({
      name: 'r',
      htmlUrl: 'https://ghe.example/o/r',
      description: '',
      license: ''
    })
    expect(ctx.defaultBranch).toBe('')
  })
})
