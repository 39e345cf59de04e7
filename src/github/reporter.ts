import type { InlineComment } from '../review/comment.js'
import {
  ownComments,
  reconcileSummary,
  type ExistingIssueComment,
  type ReconcilePlan
} from '../review/reconcile.js'
import {
  describeError,
  isNotFound,
  isPermissionError,
  isRateLimited,
  statusOf,
  type GitHubClient
} from './client.js'
import {
  changesMutation,
  failedChanges,
  type CommentChange,
  type GraphqlErrorInfo
} from './queries.js'
import type { ApiReader } from './reader.js'

/**
 * Writes a run's review to the pull request: one batched review (`event: COMMENT`) with the new
 * comments, one GraphQL mutation for every update, deletion, thread resolution and summary
 * update, and a new sticky comment only when there is none. Failures never throw: a read-only
 * token, a pull request that is gone (404) and an exhausted primary rate limit stop the writes
 * (the caller falls back to annotations), a 422 batch is retried comment by comment, rejects are
 * returned for the summary, and a 5xx or timeout on a create is checked against what exists
 * before the missing comments are posted again (at most `MAX_REVIEW_ATTEMPTS` reviews); comments
 * that still did not make it are returned as not posted.
 */

export interface PostRequest {
  client: GitHubClient
  reader: ApiReader
  owner: string
  repo: string
  number: number
  headSha: string
  plan: ReconcilePlan
  /** Our conversation comments as read before posting. */
  comments: ExistingIssueComment[]
  pullRequestId?: string
  /** The sticky body, rendered once the fate of every comment is known. */
  sticky(rejected: ReadonlySet<string>, notPosted: ReadonlySet<string>): string
  /** Create the sticky comment when there is none (a run with findings). */
  stickyWorthCreating: boolean
  log(message: string): void
}

/** Why writing stopped early. */
export type StopReason = 'read-only' | 'not-found' | 'rate-limit'

export interface PostOutcome {
  /** Token cannot write (fork, Dependabot, missing `pull-requests: write`): nothing more was tried. */
  readOnly?: string
  /** Writing stopped at the first write that showed it cannot succeed: why, and GitHub's words. */
  stopped?: { why: StopReason; message: string }
  created: number
  updated: number
  removed: number
  resolved: number
  /** Fingerprints of comments GitHub refused (422). */
  rejected: Set<string>
  /** Fingerprints of new comments that are not on GitHub after all (failures, a stop). */
  notPosted: Set<string>
  /** Other failures, one line each. */
  failures: string[]
  summary: 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped'
}

const REVIEW_MARKER = '<!-- docker-review:v1 review -->'

/** Reviews tried for the same new comments when GitHub keeps failing (5xx, timeouts, resets). */
export const MAX_REVIEW_ATTEMPTS = 3

function reviewBody(count: number): string {
  return `**docker-review**: ${count} new comment${count === 1 ? '' : 's'} on this pull request's changes.\n\n${REVIEW_MARKER}`
}

function apiComment(c: InlineComment): Record<string, unknown> {
  const out: Record<string, unknown> = { path: c.path, line: c.line, side: 'RIGHT', body: c.body }
  if (c.startLine !== undefined) {
    out.start_line = c.startLine
    out.start_side = 'RIGHT'
  }
  return out
}

class Stop extends Error {
  constructor(
    readonly why: StopReason,
    message: string
  ) {
    super(message)
  }
}

/** The error means no further write can succeed: throw a Stop. */
function stopOn(error: unknown): void {
  if (isRateLimited(error)) throw new Stop('rate-limit', describeError(error))
  if (isNotFound(error)) throw new Stop('not-found', describeError(error))
  if (isPermissionError(error)) throw new Stop('read-only', describeError(error))
}

export async function postReview(request: PostRequest): Promise<PostOutcome> {
  const outcome: PostOutcome = {
    created: 0,
    updated: 0,
    removed: 0,
    resolved: 0,
    rejected: new Set(),
    notPosted: new Set(),
    failures: [],
    summary: 'skipped'
  }
  const { octokit } = request.client
  const base = { owner: request.owner, repo: request.repo, pull_number: request.number }
  /** New comments not known to be on GitHub yet. */
  let pending: InlineComment[] = []

  const createBatch = async (comments: InlineComment[]): Promise<void> => {
    await octokit.rest.pulls.createReview({
      ...base,
      commit_id: request.headSha,
      event: 'COMMENT',
      body: reviewBody(comments.length),
      comments: comments.map(apiComment) as never,
      request: { retries: 0 }
    })
    outcome.created += comments.length
    pending = []
  }

  const createOneByOne = async (comments: InlineComment[]): Promise<void> => {
    for (const c of comments) {
      try {
        await octokit.rest.pulls.createReviewComment({
          ...base,
          commit_id: request.headSha,
          ...(apiComment(c) as { path: string; body: string }),
          request: { retries: 0 }
        })
        outcome.created++
      } catch (error) {
        stopOn(error)
        if (statusOf(error) === 422) {
          outcome.rejected.add(c.fingerprint)
          request.log(
            `GitHub refused the comment on ${JSON.stringify(c.path)}:${c.line}: ${describeError(error)}`
          )
        } else {
          outcome.notPosted.add(c.fingerprint)
          outcome.failures.push(
            `comment on ${JSON.stringify(c.path)}:${c.line}: ${describeError(error)}`
          )
        }
      }
      pending = pending.filter((p) => p !== c)
    }
  }

  /** After a failed create: which of `comments` did reach GitHub anyway? */
  const missingAfterFailure = async (comments: InlineComment[]): Promise<InlineComment[]> => {
    const pull = await request.reader.refreshPull({ threads: true })
    const present = new Set(ownComments(pull.threads).map((c) => c.fingerprint))
    return comments.filter((c) => !present.has(c.fingerprint))
  }

  try {
    pending = [...request.plan.create]
    for (let attempt = 1; pending.length > 0; attempt++) {
      try {
        await createBatch(pending)
      } catch (error) {
        stopOn(error)
        if (statusOf(error) === 422) {
          request.log(
            `GitHub refused the review (${describeError(error)}); posting comments one by one`
          )
          await createOneByOne(pending)
          break
        }
        request.log(
          `posting the review failed (${describeError(error)}); checking what was created`
        )
        let missing: InlineComment[]
        try {
          missing = await missingAfterFailure(pending)
        } catch (check) {
          stopOn(check)
          // Unknown whether the review exists: posting again could post it twice.
          outcome.failures.push(
            `review: ${describeError(error)}; could not check what was created (${describeError(check)})`
          )
          break
        }
        outcome.created += pending.length - missing.length
        pending = missing
        if (pending.length > 0 && attempt >= MAX_REVIEW_ATTEMPTS) {
          outcome.failures.push(`review: ${describeError(error)} (${attempt} attempts)`)
          break
        }
      }
    }
    for (const c of pending) outcome.notPosted.add(c.fingerprint)
    pending = []

    const sticky = request.sticky(outcome.rejected, outcome.notPosted)
    const summaryPlan = reconcileSummary(sticky, request.stickyWorthCreating, request.comments)
    const changes: CommentChange[] = [
      ...request.plan.update.map((u): CommentChange => ({
        kind: 'update-review-comment',
        id: u.existing.id,
        body: u.wanted.body
      })),
      ...request.plan.remove.map((c): CommentChange => ({
        kind: 'delete-review-comment',
        id: c.id
      })),
      ...request.plan.resolve.map((c): CommentChange => ({
        kind: 'resolve-thread',
        id: c.threadId
      })),
      ...summaryPlan.duplicates.map((c): CommentChange => ({
        kind: 'delete-issue-comment',
        id: c.id
      }))
    ]
    if (summaryPlan.target && !summaryPlan.unchanged) {
      changes.push({ kind: 'update-issue-comment', id: summaryPlan.target.id, body: sticky })
    }
    if (changes.length > 0) await applyChanges(request, changes, outcome)
    if (summaryPlan.target) {
      outcome.summary = summaryPlan.unchanged
        ? 'unchanged'
        : outcome.summary === 'failed'
          ? 'failed'
          : 'updated'
    } else if (summaryPlan.create) {
      try {
        await octokit.rest.issues.createComment({
          owner: request.owner,
          repo: request.repo,
          issue_number: request.number,
          body: sticky,
          request: { retries: 0 }
        })
        outcome.summary = 'created'
      } catch (error) {
        stopOn(error)
        outcome.summary = 'failed'
        outcome.failures.push(`summary comment: ${describeError(error)}`)
      }
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    outcome.stopped = { why: error.why, message: error.message }
    if (error.why === 'read-only') outcome.readOnly = error.message
    for (const c of pending) outcome.notPosted.add(c.fingerprint)
  }
  return outcome
}

async function applyChanges(
  request: PostRequest,
  changes: CommentChange[],
  outcome: PostOutcome
): Promise<void> {
  const { query, variables } = changesMutation(changes)
  let errors: GraphqlErrorInfo[] = []
  try {
    await request.client.octokit.graphql(query, variables)
  } catch (error) {
    const gqlErrors = (error as { errors?: GraphqlErrorInfo[] }).errors
    if (isRateLimited(error)) throw new Stop('rate-limit', describeError(error))
    if (!Array.isArray(gqlErrors)) {
      stopOn(error)
      outcome.failures.push(`comment updates: ${describeError(error)}`)
      if (changes.some((c) => c.kind === 'update-issue-comment')) outcome.summary = 'failed'
      return
    }
    errors = gqlErrors
  }
  const failed = failedChanges(changes, errors)
  if (
    failed.length > 0 &&
    failed.length === changes.length &&
    failed.every((f) => f.error.type === 'FORBIDDEN')
  ) {
    throw new Stop('read-only', failed[0].error.message)
  }
  const failedSet = new Set(failed.map((f) => f.change))
  for (const f of failed)
    outcome.failures.push(`${f.change.kind} ${f.change.id}: ${f.error.message}`)
  for (const c of changes) {
    if (failedSet.has(c)) {
      if (c.kind === 'update-issue-comment') outcome.summary = 'failed'
      continue
    }
    if (c.kind === 'update-review-comment') outcome.updated++
    else if (c.kind === 'delete-review-comment') outcome.removed++
    else if (c.kind === 'resolve-thread') outcome.resolved++
  }
}
