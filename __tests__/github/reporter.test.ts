import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/client.js'
import { ApiReader, type PullState } from '../../src/github/reader.js'
import { postReview } from '../../src/github/reporter.js'
import type { InlineComment } from '../../src/review/comment.js'
import { inlineMarker, SUMMARY_MARKER } from '../../src/review/marker.js'
import { ownComments, reconcile } from '../../src/review/reconcile.js'
import { BOT, READ_ONLY_TOKEN, TOKEN } from '../standin/harness.js'
import { startStandin, type Standin } from '../standin/server.js'
import { World } from '../standin/state.js'

/** The reporter in-process against the stand-in: what it writes, and how it degrades. */

let standin: Standin | undefined
afterEach(async () => {
  await standin?.close()
  standin = undefined
})

const fp = (n: number) => n.toString(16).padStart(16, '0')
const comment = (n: number, line: number): InlineComment => ({
  fingerprint: fp(n),
  rule: 'DL3014',
  severity: 'warning',
  path: 'Dockerfile',
  line,
  body: `finding ${n}\n\n${inlineMarker(fp(n), 'DL3014')}`,
  suggestion: false
})

async function setup(token = TOKEN) {
  const world = new World()
  world.addToken(TOKEN, BOT)
  world.addToken(READ_ONLY_TOKEN, { ...BOT, write: false })
  const base = world.commit({ Dockerfile: 'FROM a\n' })
  const head = world.commit({ Dockerfile: 'FROM a\nRUN b\nRUN c\nRUN d\n' }, { parent: base })
  world.openPull({ number: 3, base, head })
  standin = await startStandin(world)
  const logs: string[] = []
  const client = createClient({ token, apiUrl: standin.url, log: (m) => logs.push(m) })
  const reader = new ApiReader(client, {
    owner: world.owner,
    repo: world.repo,
    sha: head,
    pull: { number: 3, review: true }
  })
  return { world, head, client, reader, logs }
}

async function post(
  env: Awaited<ReturnType<typeof setup>>,
  wanted: InlineComment[],
  sticky = 'summary',
  read?: PullState
) {
  const state = read ?? (await env.reader.refreshPull({ threads: true }))
  return postReview({
    client: env.client,
    reader: env.reader,
    owner: env.world.owner,
    repo: env.world.repo,
    number: 3,
    headSha: env.head,
    plan: reconcile(wanted, ownComments(state.threads)),
    comments: state.comments,
    sticky: () => `${sticky}\n\n${SUMMARY_MARKER}`,
    stickyWorthCreating: wanted.length > 0,
    log: () => undefined
  })
}

describe('postReview', () => {
  it('creates, then reconciles: updates, deletes, and one summary comment updated in place', async () => {
    const env = await setup()
    const first = await post(env, [comment(1, 2), comment(2, 3), comment(3, 4)])
    expect(first).toMatchObject({ created: 3, summary: 'created', failures: [] })
    const changed = { ...comment(2, 3), body: `changed\n\n${inlineMarker(fp(2), 'DL3014')}` }
    const second = await post(env, [comment(1, 2), changed], 'summary v2')
    expect(second).toMatchObject({ created: 0, updated: 1, removed: 1, summary: 'updated' })
    const bodies = env.world.reviewComments(3).map((c) => c.body)
    expect(bodies).toEqual([comment(1, 2).body, changed.body])
    expect(env.world.issueComments.map((c) => c.body)).toEqual([`summary v2\n\n${SUMMARY_MARKER}`])
    expect(standin!.problems).toEqual([])
  })

  it('a comment deleted meanwhile is a reported failure; the other changes still happen', async () => {
    const env = await setup()
    await post(env, [comment(1, 2), comment(2, 3)])
    const state = await env.reader.refreshPull({ threads: true })
    // Someone deletes one of our comments between our read and our write.
    env.world.deleteReviewComment(env.world.reviewComments(3)[0].id)
    const outcome = await post(env, [], 's', state)
    expect(outcome.removed).toBe(1)
    expect(outcome.failures).toHaveLength(1)
    expect(outcome.failures[0]).toMatch(/delete-review-comment .*Could not resolve to a node/)
    expect(env.world.reviewComments(3)).toEqual([])
  })

  it('a read-only token stops at the first refused write', async () => {
    const env = await setup(READ_ONLY_TOKEN)
    const outcome = await post(env, [comment(1, 2)])
    expect(outcome.readOnly).toMatch(/Resource not accessible by integration/)
    expect(outcome.summary).toBe('skipped')
    expect(standin!.log.filter((r) => r.write)).toHaveLength(1)
  })

  it('never touches a human comment that imitates our marker', async () => {
    const env = await setup()
    const mallory = { login: 'mallory', type: 'User' as const, write: true }
    await post(env, [comment(1, 2)])
    const ours = env.world.reviewComments(3)[0]
    env.world.threads.push({
      id: 'PRRT_forged',
      pullNumber: 3,
      isResolved: false,
      resolvedBy: null,
      comments: [
        {
          ...ours,
          id: 1,
          nodeId: 'PRRC_forged',
          threadId: 'PRRT_forged',
          author: mallory,
          body: comment(9, 3).body
        }
      ]
    })
    const outcome = await post(env, [])
    expect(outcome.removed).toBe(1)
    expect(env.world.reviewComments(3).map((c) => c.author.login)).toEqual(['mallory'])
    expect(standin!.foreignTouches).toEqual([])
  })

  it('deletes duplicate summary comments left by racing runs, never a forged one', async () => {
    const env = await setup()
    const human = { login: 'mallory', type: 'User' as const, write: true }
    env.world.addIssueComment(3, `forged\n\n${SUMMARY_MARKER}`, human)
    env.world.addIssueComment(3, `old\n\n${SUMMARY_MARKER}`, BOT)
    env.world.addIssueComment(3, `older race\n\n${SUMMARY_MARKER}`, BOT)
    const outcome = await post(env, [], 'fresh')
    expect(outcome.summary).toBe('updated')
    expect(
      env.world.issueComments.map((c) => `${c.author.login}: ${c.body.split('\n')[0]}`)
    ).toEqual(['mallory: forged', 'github-actions[bot]: fresh'])
    expect(standin!.foreignTouches).toEqual([])
  })
})
