import { describe, expect, it } from 'vitest'
import { buildContext } from '../../src/tags/context.js'
import { detectSource, gitlabContext, jenkinsContext } from '../../src/tags/sources.js'
import { HEAD_SHA, NOW, SHA } from './helpers.js'

describe('context sources', () => {
  it('detects GitHub before GitLab before Jenkins, and nothing without their variables', () => {
    expect(detectSource({ GITHUB_ACTIONS: 'true', GITLAB_CI: 'true' })).toBe('github')
    expect(detectSource({ CI_PIPELINE_SOURCE: 'push', JENKINS_URL: 'x' })).toBe('gitlab')
    expect(detectSource({ CI_COMMIT_SHA: SHA })).toBe('gitlab')
    expect(detectSource({ CHANGE_ID: '3' })).toBe('jenkins')
    expect(detectSource({ CI: 'true', GITLAB_CI: '', HOME: '/root' })).toBeUndefined()
  })

  it('maps a GitLab merge request pipeline onto a pull request, head SHA and commit date included', () => {
    const s = gitlabContext({
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '42',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_TIMESTAMP: '2024-05-06T07:08:09+02:00',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feat/x',
      CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD_SHA,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_DEFAULT_BRANCH: 'main',
      DOCKER_METADATA_PR_HEAD_SHA: 'true',
      UNRELATED: 'x'
    })
    expect(s.env).toMatchObject({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/42/merge'
    })
    expect(s.env.UNRELATED).toBeUndefined()
    const ctx = buildContext(s.env, s.payload, NOW)
    expect(ctx).toMatchObject({
      pullRequest: true,
      prNumber: 42,
      sha: HEAD_SHA,
      baseRef: 'main',
      defaultBranch: 'main',
      isDefaultBranch: false
    })
    const push = gitlabContext({
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_COMMIT_SHA: SHA,
      CI_COMMIT_TIMESTAMP: '2024-05-06T07:08:09+02:00',
      CI_DEFAULT_BRANCH: 'main'
    })
    const pushCtx = buildContext(push.env, push.payload, NOW)
    expect(pushCtx).toMatchObject({ pullRequest: false, isDefaultBranch: true })
    expect(pushCtx.commitDate?.toISOString()).toBe('2024-05-06T05:08:09.000Z')
  })

  it('keeps unknown GitLab sources under their own name (pull-request-like)', () => {
    for (const source of ['parent_pipeline', 'pipeline', 'webide', '']) {
      const s = gitlabContext({
        CI_PIPELINE_SOURCE: source,
        CI_COMMIT_BRANCH: 'main',
        CI_COMMIT_SHA: SHA
      })
      expect(s.env.GITHUB_EVENT_NAME).toBe(source)
      expect(buildContext(s.env, s.payload, NOW).pullRequest, source).toBe(true)
    }
    expect(
      gitlabContext({ CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'x' }).env.GITHUB_EVENT_NAME
    ).toBe('workflow_dispatch')
  })

  it('maps Jenkins change, tag and branch builds; a freestyle job has no event', () => {
    const change = jenkinsContext({
      CHANGE_ID: '7',
      BRANCH_NAME: 'PR-7',
      CHANGE_TARGET: 'main',
      GIT_COMMIT: SHA
    })
    expect(buildContext(change.env, change.payload, NOW)).toMatchObject({
      pullRequest: true,
      prNumber: 7,
      baseRef: 'main',
      sha: SHA
    })
    expect(jenkinsContext({ TAG_NAME: 'v1.0.0' }).env.GITHUB_REF).toBe('refs/tags/v1.0.0')
    expect(jenkinsContext({ BRANCH_NAME: 'dev' }).env).toMatchObject({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/dev'
    })
    const freestyle = jenkinsContext({
      JENKINS_URL: 'x',
      GIT_BRANCH: 'origin/main',
      GIT_URL: 'git@h:a/b.git'
    })
    expect(freestyle.env).toMatchObject({ GITHUB_EVENT_NAME: '', GITHUB_REF: '' })
    expect(freestyle.payload).toEqual({})
  })
})
