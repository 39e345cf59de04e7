import { describeError, isNotFound, isRateLimited, type GitHubClient } from '../github/client.js'
import type { ApiReader, PullState } from '../github/reader.js'
import { postReview, type PostOutcome } from '../github/reporter.js'
import type { Registry } from '../lint/engine.js'
import type { ReviewDraft, ScopedFinding } from '../review/draft.js'
import { ownComments, reconcile, reconcileSummary } from '../review/reconcile.js'
import { renderSummary, stickyBody } from '../review/summary.js'
import type { Threshold } from '../core/types.js'
import { summaryInput } from './finish.js'
import type { FlowInput } from './flow.js'
import type { LintOutcome } from './lint.js'
import type { Verdict } from './verdict.js'

/**
 * Writing a review: reconcile the drafted comments with what earlier runs posted, check the head
 * has not moved, and write the difference (the pull-request flow and `mode: post` share it).
 */

export function markNotPosted(draft: ReviewDraft): ScopedFinding[] {
  return draft.findings.map((f) =>
    f.comment ? { ...f, comment: undefined, notInline: 'not-posted' as const } : f
  )
}

interface PublishInput {
  client: GitHubClient
  reader: ApiReader
  lint: Pick<LintOutcome, 'files'>
  draft: ReviewDraft
  notes: string[]
  failOn: Threshold
  verdict: Verdict
  headSha: string
  number: number
  registry: Registry
}

/**
 * Reconcile and write. Returns the findings as they ended up (inline, rejected, not posted) and
 * whether the review carried the inline ones.
 */
export async function publish(
  input: FlowInput,
  run: PublishInput
): Promise<{ findings: ScopedFinding[]; reviewed: boolean }> {
  const { ctx, io } = input
  const { reader, draft, notes } = run
  const tags = await input.tags()
  /** Nothing is posted: say why (one line, also in the summary); every finding is annotated. */
  const notPosting = (note: string) => {
    io.warning(note)
    notes.push(note)
    return { findings: markNotPosted(draft), reviewed: false }
  }
  const readFailed = (error: unknown) =>
    notPosting(
      `Could not read the pull request before posting: ${describeError(error)}. ${stopAdvice(error)}Nothing was posted; findings are shown as annotations and in this summary.`
    )
  // Disk mode reads the pull request only now (after linting): that read is the head check. In
  // API mode it was read with the files; a second read (compose references) is recent enough.
  const readBeforeLint = reader.pullRead
  let state: PullState
  try {
    state = readBeforeLint ? reader.pull! : await reader.refreshPull()
  } catch (error) {
    return readFailed(error)
  }
  const needsHeadCheck = readBeforeLint && reader.pullReads === 1
  const plan = reconcile(draft.inline, ownComments(state.threads))
  const findingsWith = (
    rejected: ReadonlySet<string>,
    notPosted: ReadonlySet<string> = new Set()
  ): ScopedFinding[] =>
    draft.findings.map((f) =>
      f.comment && rejected.has(f.comment.fingerprint)
        ? { ...f, comment: undefined, notInline: 'rejected' as const }
        : f.comment && notPosted.has(f.comment.fingerprint)
          ? { ...f, comment: undefined, notInline: 'not-posted' as const }
          : f
    )
  const sticky = (rejected: ReadonlySet<string>, notPosted?: ReadonlySet<string>): string =>
    stickyBody(
      renderSummary(
        summaryInput({
          ctx,
          filterMode: input.inputs.filterMode,
          failOn: run.failOn,
          verdict: run.verdict,
          findings: findingsWith(rejected, notPosted),
          notes,
          tags,
          registry: run.registry,
          sha: run.headSha,
          files: run.lint.files.length
        })
      )
    )
  const worthCreating = draft.findings.some((f) => f.inScope)
  const summaryPlan = reconcileSummary(sticky(new Set()), worthCreating, state.comments)
  const writes =
    plan.create.length + plan.update.length + plan.remove.length + plan.resolve.length > 0 ||
    !summaryPlan.unchanged ||
    summaryPlan.duplicates.length > 0
  io.info(
    `Review plan: ${plan.create.length} new, ${plan.keep.length} unchanged, ${plan.update.length} to update, ${plan.remove.length} to delete, ${plan.resolve.length} to resolve; summary ${summaryPlan.create ? 'to create' : summaryPlan.unchanged ? 'unchanged' : 'to update'}.`
  )
  if (!writes) return { findings: draft.findings, reviewed: true }

  // A newer push makes a newer run: it owns the review. Checked right before writing.
  if (needsHeadCheck && state.headSha === run.headSha) {
    try {
      state = await reader.refreshPull()
    } catch (error) {
      return readFailed(error)
    }
  }
  if (state.headSha !== run.headSha) {
    return notPosting(
      `The pull request head moved to ${state.headSha.slice(0, 7)} while this run reviewed ${run.headSha.slice(0, 7)}; nothing was posted (the run for the new head posts the review).`
    )
  }

  let outcome: PostOutcome
  try {
    outcome = await postReview({
      client: run.client,
      reader,
      owner: ctx.owner,
      repo: ctx.repo,
      number: run.number,
      headSha: run.headSha,
      plan,
      comments: state.comments,
      sticky,
      stickyWorthCreating: worthCreating,
      log: io.info
    })
  } catch (error) {
    return notPosting(
      `Could not post the review: ${describeError(error)}. Findings are in this summary and in annotations.`
    )
  }
  const stopped = outcome.stopped
  if (stopped?.why === 'read-only') {
    return notPosting(
      `Could not post review comments: ${stopped.message}. The token is read-only here (pull request from a fork or by Dependabot, or the workflow lacks \`pull-requests: write\`); findings are shown as annotations and in this summary. See docs/action.md for the two-workflow setup that comments on fork pull requests.`
    )
  }
  if (stopped?.why === 'not-found') {
    return notPosting(
      `Could not post review comments: ${stopped.message}. The pull request or its repository is gone (or no longer visible to this token); findings are shown as annotations and in this summary.`
    )
  }
  for (const failure of outcome.failures) {
    io.warning(`docker-review: ${failure}`)
    notes.push(`Posting failed: ${failure}`)
  }
  if (stopped?.why === 'rate-limit') {
    const note = `Stopped posting: ${stopped.message}. GitHub's API rate limit for this token is used up, and the run does not wait for it; ${outcome.created} new comment(s) were posted, and the findings not posted are shown as annotations and in this summary.`
    io.warning(note)
    notes.push(note)
  }
  io.info(
    `Posted: ${outcome.created} new, ${outcome.updated} updated, ${outcome.removed} deleted, ${outcome.resolved} resolved; summary ${outcome.summary}; ${run.client.requests} API requests.`
  )
  return { findings: findingsWith(outcome.rejected, outcome.notPosted), reviewed: true }
}

/** For a failed read: what the reader should know about its cause. */
function stopAdvice(error: unknown): string {
  if (isRateLimited(error))
    return 'GitHub’s API rate limit for this token is used up, and the run does not wait for it. '
  if (isNotFound(error))
    return 'The pull request or its repository is gone (or no longer visible to this token). '
  return ''
}
