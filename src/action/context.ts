/**
 * What the run is about, from the runner's environment and the event payload: repository, API
 * endpoints, and the pull request (number, head and base commits) or the pushed range. Built at
 * call time from the values passed in (never `@actions/github`'s import-time `context`). Pure.
 *
 * For pull requests everything is anchored on `pull_request.head.sha`; `GITHUB_SHA` is the test
 * merge commit there and is never used.
 */

export interface PullContext {
  number: number
  headSha: string
  baseSha: string
  /** The head branch lives in another repository (a fork): the token is read-only. */
  fork: boolean
  /** `pull_request.changed_files` from the payload (GitHub lists at most 3,000 files). */
  changedFiles?: number
  author?: string
}

export interface RunContext {
  eventName: string
  owner: string
  repo: string
  /** `https://github.com` */
  serverUrl: string
  apiUrl: string
  graphqlUrl: string
  /** `GITHUB_WORKSPACE`, where a checkout would be. */
  workspace?: string
  /** `GITHUB_SHA` (the commit the workflow runs on; the merge commit for pull requests). */
  sha: string
  pull?: PullContext
  /** Push / merge queue: the range whose changes are linted. */
  range?: { base?: string; head: string }
  /** `workflow_run`: the commit and pull requests of the run that triggered this one. */
  workflowRun?: { headSha: string; pullNumbers: number[] }
  payload: Record<string, unknown>
}

export class ContextError extends Error {}

type Env = Record<string, string | undefined>
type Json = Record<string, unknown>

const ZERO_SHA = /^0{40}$/
const SHA = /^[0-9a-f]{40}$/

const obj = (value: unknown): Json =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export function runContext(env: Env, payload: Json): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const repository = env.GITHUB_REPOSITORY ?? str(obj(payload.repository).full_name) ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) {
    throw new ContextError('GITHUB_REPOSITORY is not set (expected owner/name)')
  }
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const ctx: RunContext = {
    eventName,
    owner,
    repo,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || `${apiUrl}/graphql`).replace(/\/+$/, ''),
    sha: env.GITHUB_SHA ?? '',
    payload
  }
  if (env.GITHUB_WORKSPACE) ctx.workspace = env.GITHUB_WORKSPACE
  const pr = obj(payload.pull_request)
  if (Object.keys(pr).length > 0 && typeof pr.number === 'number') {
    const head = obj(pr.head)
    const base = obj(pr.base)
    const headSha = str(head.sha) ?? ''
    if (!SHA.test(headSha)) throw new ContextError('the pull_request payload has no head.sha')
    const headRepo = str(obj(head.repo).full_name)
    const baseRepo = str(obj(base.repo).full_name) ?? repository
    ctx.pull = {
      number: pr.number,
      headSha,
      baseSha: str(base.sha) ?? '',
      fork: headRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase()
    }
    if (typeof pr.changed_files === 'number') ctx.pull.changedFiles = pr.changed_files
    const author = str(obj(pr.user).login)
    if (author) ctx.pull.author = author
  }
  if (eventName === 'push') {
    const before = str(payload.before)
    const after = str(payload.after) ?? ctx.sha
    ctx.range = { head: after }
    if (before && !ZERO_SHA.test(before)) ctx.range.base = before
  } else if (eventName === 'merge_group') {
    const group = obj(payload.merge_group)
    ctx.range = { base: str(group.base_sha), head: str(group.head_sha) ?? ctx.sha }
  }
  if (eventName === 'workflow_run') {
    const run = obj(payload.workflow_run)
    const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : []
    ctx.workflowRun = {
      headSha: str(run.head_sha) ?? '',
      pullNumbers: pulls.map((p) => obj(p).number).filter((n): n is number => typeof n === 'number')
    }
  }
  return ctx
}
