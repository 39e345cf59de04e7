import { createRequire } from 'node:module'
import type { World } from './state.js'

/**
 * Event payloads for end-to-end runs: GitHub's published examples (`@octokit/webhooks-examples`)
 * adapted to the stand-in's repository, pull request and commits.
 */

type Json = Record<string, unknown>

interface ExampleGroup {
  name: string
  examples: Array<Json & { action?: string }>
}

const require = createRequire(import.meta.url)
const groups = require('@octokit/webhooks-examples/api.github.com/index.json') as ExampleGroup[]

function example(event: string, action?: string): Json {
  const group = groups.find((g) => g.name === event)
  const found = group?.examples.find((e) => action === undefined || e.action === action)
  if (!found)
    throw new Error(
      `no ${event}${action ? `.${action}` : ''} example in @octokit/webhooks-examples`
    )
  return structuredClone(found)
}

function adaptRepository(world: World, repository: Json): Json {
  const owner = repository.owner as Json
  return {
    ...repository,
    name: world.repo,
    full_name: world.fullName,
    html_url: `https://github.com/${world.fullName}`,
    default_branch: world.defaultBranch,
    owner: { ...owner, login: world.owner }
  }
}

export function pullRequestPayload(
  world: World,
  number: number,
  options: { action?: 'opened' | 'synchronize'; fork?: boolean; author?: string } = {}
): Json {
  const pr = world.pulls.get(number)!
  const payload = example('pull_request', options.action ?? 'opened')
  const repository = adaptRepository(world, payload.repository as Json)
  const raw = payload.pull_request as Json
  const head = raw.head as Json
  const base = raw.base as Json
  const forkRepo = { ...repository, full_name: `contributor/${world.repo}`, fork: true }
  payload.number = number
  payload.repository = repository
  payload.pull_request = {
    ...raw,
    number,
    changed_files: world.pullFiles(pr).length,
    user: { ...(raw.user as Json), login: options.author ?? pr.author },
    head: {
      ...head,
      ref: pr.headRef,
      sha: pr.headSha,
      repo: options.fork ? forkRepo : repository
    },
    base: { ...base, ref: pr.baseRef, sha: pr.baseSha, repo: repository }
  }
  if (options.action === 'synchronize') {
    payload.after = pr.headSha
    payload.before = pr.commits[pr.commits.length - 2] ?? pr.baseSha
  }
  return payload
}

export function pushPayload(world: World, before: string | null, after: string): Json {
  const payload = example('push')
  payload.ref = `refs/heads/${world.defaultBranch}`
  payload.before = before ?? '0'.repeat(40)
  payload.after = after
  payload.repository = adaptRepository(world, payload.repository as Json)
  return payload
}

export function mergeGroupPayload(world: World, base: string, head: string): Json {
  const payload = example('merge_group')
  payload.merge_group = { ...(payload.merge_group as Json), base_sha: base, head_sha: head }
  payload.repository = adaptRepository(world, payload.repository as Json)
  return payload
}

export function workflowDispatchPayload(world: World): Json {
  const payload = example('workflow_dispatch')
  payload.ref = `refs/heads/${world.defaultBranch}`
  payload.repository = adaptRepository(world, payload.repository as Json)
  return payload
}

export function workflowRunPayload(world: World, headSha: string, pullNumbers: number[]): Json {
  const payload = example('workflow_run')
  const run = payload.workflow_run as Json
  payload.repository = adaptRepository(world, payload.repository as Json)
  payload.workflow_run = {
    ...run,
    event: 'pull_request',
    head_sha: headSha,
    conclusion: 'success',
    pull_requests: pullNumbers.map((n) => ({ number: n, head: { sha: headSha }, base: {} }))
  }
  return payload
}
