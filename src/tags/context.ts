/** Repository facts for the OCI labels, from the event payload's `repository` object (no API call). */
export interface RepoInfo {
  name: string
  htmlUrl: string
  description: string
  license: string
}

/** Facts about the run that the tags are computed for. Built once from the runner env and payload. */
export interface TagContext {
  eventName: string
  /**
   * The ref the tags follow. `GITHUB_REF`, except on pull-request-like events that run on the base
   * branch (`pull_request_target`, PR-triggered `workflow_run`, `issue_comment` on a PR), where it is
   * `refs/pull/<n>/merge` — or `''` when the PR number is unknown.
   */
  ref: string
  /** `GITHUB_REF` as given. */
  githubRef: string
  /** The commit the image is built from: `GITHUB_SHA`, or the PR head in head-SHA mode. */
  sha: string
  /** Is this run about a pull request (the PR-safety guarantee applies)? */
  pullRequest: boolean
  /** Does `sha` name the base branch's commit rather than PR code? Then no bare `sha-` tag is emitted. */
  shaIsBaseCommit: boolean
  prNumber?: number
  /** Value of the `{{base_ref}}` expression. */
  baseRef: string
  /** The repository's default branch, `''` when the payload does not say. */
  defaultBranch: string
  /** Value of `{{is_default_branch}}` (metadata-action's rule). */
  isDefaultBranch: boolean
  /** Commit time from the payload, when it carries the commit; `{{commit_date}}` falls back to `now`. */
  commitDate?: Date
  /** The run time: `org.opencontainers.image.created` and `{{date}}`. */
  now: Date
  repo: RepoInfo
}

export type Env = Record<string, string | undefined>

/** Event names that always concern a pull request. */
const PR_EVENTS = /^pull_request/

/**
 * Events that GitHub runs on a ref someone with write access chose (a push, a release, a dispatch,
 * the default branch): they may produce stable tags when the ref is a branch or a tag. Every other
 * event name — unknown, misspelt, or one whose payload can be about a pull request's commit
 * (`check_run`, `check_suite`, `status`) — is treated as a pull request.
 */
const TRUSTED_EVENTS = new Set([
  'push',
  'create',
  'delete',
  'release',
  'schedule',
  'workflow_dispatch',
  'repository_dispatch',
  'registry_package',
  'deployment',
  'deployment_status',
  'page_build',
  'issues',
  'discussion',
  'discussion_comment',
  'label',
  'milestone',
  'watch',
  'fork',
  'gollum',
  'public',
  'branch_protection_rule',
  'project',
  'project_card',
  'project_column'
])

/** A merge queue's temporary branch holds pull-request code that is not merged yet. */
const MERGE_QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\//

/**
 * Build the context from the runner environment (`GITHUB_*`, `DOCKER_METADATA_PR_HEAD_SHA`) and the
 * parsed event payload. Pure: the caller reads the payload file and the clock.
 *
 * A run is a pull-request run unless the event and its payload prove otherwise (see
 * {@link pullRequestOf}); a pull-request run never gets a stable tag.
 */
export function buildContext(env: Env, payload: unknown, now: Date): TagContext {
  const p = asRecord(payload)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const githubRef = env.GITHUB_REF ?? ''
  const repository = asRecord(p.repository)
  const defaultBranch = str(repository.default_branch)
  const pr = pullRequestOf(eventName, githubRef, p)
  const headShaMode = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').toLowerCase() === 'true'

  let ref = githubRef
  let sha = env.GITHUB_SHA ?? ''
  let shaIsBaseCommit = false
  if (pr.onBase) {
    // The workflow runs on the base branch (or on a ref we cannot vouch for): follow the PR instead,
    // like metadata-action does for pull_request_target, and never pass that commit off as the PR's.
    ref = pr.number !== undefined ? `refs/pull/${pr.number}/merge` : ''
    shaIsBaseCommit = true
  }
  if (headShaMode && pr.headSha) {
    sha = pr.headSha
    shaIsBaseCommit = false
  }
  const pullRequest = pr.is || ref.startsWith('refs/pull/')

  return {
    eventName,
    ref,
    githubRef,
    sha,
    pullRequest,
    shaIsBaseCommit,
    prNumber: pr.number ?? prNumberOfRef(ref),
    baseRef: baseRefOf(ref, p),
    defaultBranch,
    // A pull-request run is never "on the default branch", whatever ref it runs on.
    isDefaultBranch: !pullRequest && isDefaultBranch(eventName, ref, defaultBranch),
    commitDate: commitDateOf(sha, p),
    now,
    repo: repoInfo(env, repository)
  }
}

interface PullRequestFacts {
  is: boolean
  /**
   * Does GITHUB_REF / GITHUB_SHA name something other than the pull request's code (the base branch
   * on `pull_request_target`, or a ref an unknown event ran on)? The ref then follows the PR number.
   */
  onBase: boolean
  number?: number
  headSha?: string
}

const NOT_A_PR: PullRequestFacts = { is: false, onBase: false }

/**
 * Is this run about a pull request? Fails closed: only events that GitHub runs on a maintainer's
 * branch or tag (and whose payload says nothing of a pull request) are not.
 */
function pullRequestOf(
  eventName: string,
  githubRef: string,
  p: Record<string, unknown>
): PullRequestFacts {
  const pull = asRecord(p.pull_request)
  // A pull-request event's ref is the PR's (`refs/pull/…`) or the merge queue's; any other ref
  // (`pull_request_target`'s base branch, a hand-given `refs/heads/main`) is not the PR's code.
  if (eventName === 'merge_group') return { is: true, onBase: !MERGE_QUEUE_BRANCH.test(githubRef) }
  if (PR_EVENTS.test(eventName)) {
    return {
      is: true,
      onBase: eventName === 'pull_request_target' || !githubRef.startsWith('refs/pull/'),
      number: num(p.number) ?? num(pull.number),
      headSha: str(asRecord(pull.head).sha) || undefined
    }
  }
  if (eventName === 'workflow_run') {
    const run = asRecord(p.workflow_run)
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests : []
    if (prs.length === 0 && trustedTrigger(run, githubRef) && !pullRequestRef(githubRef))
      return NOT_A_PR
    return {
      is: true,
      onBase: true,
      number: num(asRecord(prs[0]).number),
      headSha: str(run.head_sha) || undefined
    }
  }
  if (eventName === 'issue_comment') {
    const issue = asRecord(p.issue)
    const onIssue = 'issue' in p && issue.pull_request === undefined && !pullRequestRef(githubRef)
    return onIssue ? NOT_A_PR : { is: true, onBase: true, number: num(issue.number) }
  }
  if (pullRequestRef(githubRef)) return { is: true, onBase: false }
  if (TRUSTED_EVENTS.has(eventName) && /^refs\/(?:heads|tags)\/./.test(githubRef)) return NOT_A_PR
  // Unknown or ambiguous: a pull request we cannot name.
  return { is: true, onBase: true }
}

/** A pull request's ref, or a merge queue's branch (pull-request code not merged yet). */
function pullRequestRef(ref: string): boolean {
  return ref.startsWith('refs/pull/') || MERGE_QUEUE_BRANCH.test(ref)
}

/**
 * A `workflow_run`'s own trigger, from its payload: a trusted event on the branch the run tags (not
 * a merge queue's). `issue_comment` (on a PR or not: the payload does not say) and a chained
 * `workflow_run` (whose trigger is not in the payload) are not trusted.
 */
function trustedTrigger(run: Record<string, unknown>, githubRef: string): boolean {
  const event = str(run.event)
  const branch = str(run.head_branch)
  // The run tags GITHUB_REF (the default branch); a trigger on another branch or a tag (a feature
  // push, a release) is other code under that name, so only a trigger on that same branch counts.
  const sameBranch = branch === '' || githubRef === `refs/heads/${branch}`
  return TRUSTED_EVENTS.has(event) && !MERGE_QUEUE_BRANCH.test(branch) && sameBranch
}

function prNumberOfRef(ref: string): number | undefined {
  const m = /^refs\/pull\/(\d+)\//.exec(ref)
  return m ? Number(m[1]) : undefined
}

function baseRefOf(ref: string, p: Record<string, unknown>): string {
  if (ref.startsWith('refs/tags/')) return str(p.base_ref).replace(/^refs\/heads\//, '')
  if (ref.startsWith('refs/pull/')) return str(asRecord(asRecord(p.pull_request).base).ref)
  return ''
}

/**
 * metadata-action's `{{is_default_branch}}`: the branch equals the payload's default branch, or the
 * event is one GitHub always runs on the default branch (its payload may lack `repository`).
 */
function isDefaultBranch(eventName: string, ref: string, defaultBranch: string): boolean {
  if (defaultBranch !== '' && ref.replace(/^refs\/heads\//, '') === defaultBranch) return true
  return /create|discussion|issues|schedule/.test(eventName)
}

function commitDateOf(sha: string, p: Record<string, unknown>): Date | undefined {
  const commits = Array.isArray(p.commits) ? p.commits.map(asRecord) : []
  const head = asRecord(p.head_commit)
  const hit = commits.find((c) => c.id === sha) ?? (head.id === sha ? head : undefined)
  const when = hit ? new Date(str(hit.timestamp)) : undefined
  return when && !Number.isNaN(when.getTime()) ? when : undefined
}

function repoInfo(env: Env, repository: Record<string, unknown>): RepoInfo {
  const fullName = str(repository.full_name) || env.GITHUB_REPOSITORY || ''
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return {
    name: str(repository.name) || fullName.slice(fullName.indexOf('/') + 1),
    htmlUrl: str(repository.html_url) || (fullName ? `${server}/${fullName}` : ''),
    description: str(repository.description),
    license: str(asRecord(repository.license).spdx_id)
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return undefined
}
