import { describe, expect, it } from 'vitest'
import { ContextError, runContext } from '../../src/action/context.js'

const head = 'a'.repeat(40)
const base = 'b'.repeat(40)

describe('runContext', () => {
  const env = {
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_SHA: 'c'.repeat(40)
  }
  const pr = (headRepo = 'o/r') => ({
    pull_request: {
      number: 7,
      changed_files: 3,
      user: { login: 'dev' },
      head: { sha: head, repo: { full_name: headRepo } },
      base: { sha: base, repo: { full_name: 'o/r' } }
    }
  })

  it('anchors a pull request on its head sha, never GITHUB_SHA', () => {
    const ctx = runContext(env, pr())
    expect(ctx.pull).toEqual({
      number: 7,
      headSha: head,
      baseSha: base,
      fork: false,
      changedFiles: 3,
      author: 'dev'
    })
    expect(ctx.sha).toBe('c'.repeat(40))
    expect(ctx.apiUrl).toBe('https://api.github.com')
    expect(ctx.graphqlUrl).toBe('https://api.github.com/graphql')
  })

  it('recognises forks and Enterprise endpoints', () => {
    const ctx = runContext(
      {
        ...env,
        GITHUB_API_URL: 'https://ghe.example/api/v3/',
        GITHUB_GRAPHQL_URL: 'https://ghe.example/api/graphql'
      },
      pr('someone/r')
    )
    expect(ctx.pull?.fork).toBe(true)
    expect(ctx.apiUrl).toBe('https://ghe.example/api/v3')
    expect(ctx.graphqlUrl).toBe('https://ghe.example/api/graphql')
  })

  it('reads pushed ranges; a new branch has no base', () => {
    expect(
      runContext({ ...env, GITHUB_EVENT_NAME: 'push' }, { before: base, after: head }).range
    ).toEqual({ base, head })
    expect(
      runContext({ ...env, GITHUB_EVENT_NAME: 'push' }, { before: '0'.repeat(40), after: head })
        .range
    ).toEqual({ head })
    expect(
      runContext(
        { ...env, GITHUB_EVENT_NAME: 'merge_group' },
        { merge_group: { base_sha: base, head_sha: head } }
      ).range
    ).toEqual({ base, head })
  })

  it('reads the triggering run of workflow_run', () => {
    const ctx = runContext(
      { ...env, GITHUB_EVENT_NAME: 'workflow_run' },
      { workflow_run: { head_sha: head, pull_requests: [{ number: 4 }, { number: 'x' }] } }
    )
    expect(ctx.workflowRun).toEqual({ headSha: head, pullNumbers: [4] })
  })

  it('fails clearly without a repository or with a broken pull request payload', () => {
    expect(() => runContext({}, {})).toThrow(ContextError)
    expect(() => runContext(env, { pull_request: { number: 1, head: {} } })).toThrow(/head\.sha/)
  })
})
