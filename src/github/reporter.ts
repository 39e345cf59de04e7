import type { InlineComment } from '../review/comment.js'
import {
  ownComments,
  reconcileSummary,
  type ExistingIssueComment,
  type ReconcilePlan
} from '../review/reconcile.js'
import { describeError, isPermissionError, statusOf, type GitHubClient } from './client.js'
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
 * token stops the writes (the caller falls back to annotations), a 422 batch is retried comment by
 * comment, rejects are returned for the summary, and a 5xx on a create is checked against what
 * exists before anything is posted again.
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
  sticky(rejected: ReadonlySet<string>): string
  /** Create the sticky comment when there is none (a run with findings). */
  stickyWorthCreating: boolean
  log(message: string): void
}

export interface PostOutcome {
  /** Token cannot write (fork, Dependabot, missing `pull-requests: write`): nothing more was tried. */
  readOnly?: string
  created: number
  updated: number
  removed: number
  resolved: number
  /** Fingerprints of comments GitHub refused (422). */
  rejected: Set<string>
  /** Other failures, one line each. */
  failures: string[]
  summary: 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped'
}

const REVIEW_MARKER = '<!-- docker-review:v1 review -->'

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

class ReadOnly extends Error {}

export async function postReview(request: PostRequest): Promise<PostOutcome> {
  const outcome: PostOutcome = {
    created: 0,
    updated: 0,
    removed: 0,
    resolved: 0,
    rejected: new Set(),
    failures: [],
    summary: 'skipped'
  }
  const { octokit } = request.client
  const base = { owner: request.owner, repo: request.repo, pull_number: request.number }
  const permission = (error: unknown): void => {
    if (isPermissionError(error)) throw new ReadOnly(describeError(error))
  }

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
        permission(error)
        if (statusOf(error) === 422) {
          outcome.rejected.add(c.fingerprint)
          request.log(`GitHub refused the comment on ${c.path}:${c.line}: ${describeError(error)}`)
        } else outcome.failures.push(`comment on ${c.path}:${c.line}: ${describeError(error)}`)
      }
    }
  }

  /** After a failed create: which of `comments` did reach GitHub anyway? */
  const missingAfterFailure = async (comments: InlineComment[]): Promise<InlineComment[]> => {
    const pull = await request.reader.refreshPull({ threads: true })
    const present = new Set(ownComments(pull.threads).map((c) => c.fingerprint))
    return comments.filter((c) => !present.has(c.fingerprint))
  }

  try {
    const create = request.plan.create
    if (create.length > 0) {
      try {
        await createBatch(create)
      } catch (error) {
        permission(error)
        const status = statusOf(error)
        if (status === 422) {
          request.log(
            `GitHub refused the review (${describeError(error)}); posting comments one by one`
          )
          await createOneByOne(create)
        } else {
          request.log(
            `posting the review failed (${describeError(error)}); checking what was created`
          )
          const missing = await missingAfterFailure(create)
          outcome.created += create.length - missing.length
          if (missing.length > 0) {
            try {
              await createBatch(missing)
            } catch (again) {
              permission(again)
              outcome.failures.push(`review: ${describeError(again)}`)
            }
          }
        }
      }
    }

    const sticky = request.sticky(outcome.rejected)
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
        permission(error)
        outcome.summary = 'failed'
        outcome.failures.push(`summary comment: ${describeError(error)}`)
      }
    }
  } catch (error) {
    if (!(error instanceof ReadOnly)) throw error
    outcome.readOnly = error.message
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
    if (!Array.isArray(gqlErrors)) {
      if (isPermissionError(error)) throw new ReadOnly(describeError(error))
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
    throw new ReadOnly(failed[0].error.message)
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
