import { isAbsolute, resolve } from 'node:path'
import { lazy } from '../core/lazy.js'
import type { ConfigLayer, ResolvedConfig } from '../config/config.js'
import type { Tools } from '../core/tools.js'
import type { Registry } from '../lint/engine.js'
import type { Threshold } from '../core/types.js'
import { kindDetector } from '../detect.js'
import {
  createClient,
  describeError,
  isNotFound,
  isRateLimited,
  type GitHubClient
} from '../github/client.js'
import { listPullFiles, PULL_FILES_CAP } from '../github/changes.js'
import { ApiReader, type PullState } from '../github/reader.js'
import { RUNNER_SECRETS } from '../github/redact.js'
import { postReview, type PostOutcome } from '../github/reporter.js'
import { draftReview, type ReviewDraft, type ScopedFinding } from '../review/draft.js'
import { ownComments, reconcile, reconcileSummary } from '../review/reconcile.js'
import { policyOf, reviewPolicy } from '../review/policy.js'
import { renderSummary, stickyBody } from '../review/summary.js'
import { ARTIFACT_VERSION, serializeArtifact, type ReportArtifact } from './artifact.js'
import type { RunContext } from './context.js'
import { diskFetcher, workspaceAt } from './disk.js'
import { configPaths } from './sources.js'
import { heapPacer } from '../io/heap.js'
import { docsUrlIn, finish, summaryInput, verdict, type Verdict } from './finish.js'
import type { ActionInputs } from './inputs.js'
import type { ActionIO } from './io.js'
import type { LintOutcome } from './lint.js'

/**
 * The pull-request flow: list the changed files, read what linting needs (from the checkout when
 * it is at the head, else one GraphQL request), lint, then — `mode: review` — reconcile with what
 * earlier runs posted and write the difference; `mode: report` writes the results artifact
 * instead. Ends with the verdict, job summary, annotations, SARIF and outputs.
 */

export interface FlowInput {
  ctx: RunContext
  inputs: ActionInputs
  io: ActionIO
  /**
   * The image tags of this run (shown in the summary and set as outputs), computed on first call:
   * after the flow's first API request, so that request is not held up by loading the tags code.
   */
  tags: () => Promise<string[]>
}

/** A positive whole number of milliseconds from the environment, else undefined. */
function millis(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,7}$/.test(value.trim()) && Number(value) > 0
    ? Number(value)
    : undefined
}

/**
 * The run's GitHub client. `DOCKER_REVIEW_REQUEST_TIMEOUT_MS` (deadline of one request, default
 * 30 s) and `DOCKER_REVIEW_RETRY_BASE_MS` (back-off unit of retried reads, default 1 s) tune it;
 * the end-to-end tests shorten both.
 */
export function clientFor(input: FlowInput): GitHubClient {
  const timeoutMs = millis(input.io.env.DOCKER_REVIEW_REQUEST_TIMEOUT_MS)
  const retryBaseMs = millis(input.io.env.DOCKER_REVIEW_RETRY_BASE_MS)
  return createClient({
    token: input.inputs.token,
    apiUrl: input.ctx.apiUrl,
    log: input.io.info,
    secrets: RUNNER_SECRETS.map((name) => input.io.env[name]),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(retryBaseMs ? { retryBaseMs } : {})
  })
}

export function configLayers(inputs: ActionInputs): ConfigLayer[] {
  return inputs.failOn ? [{ source: 'input fail-on', failOn: inputs.failOn }] : []
}

/** ShellCheck when the configuration wants it; says once when it is missing. */
export function toolsFor(io: ActionIO, notes: string[]): (config: ResolvedConfig) => Tools {
  return (config) => {
    if (!config.settings.shellcheck) return {}
    const shellcheck = io.shellcheck()
    if (!shellcheck) {
      notes.push(
        'ShellCheck is not installed on this runner: SC checks of RUN instructions were skipped.'
      )
      return {}
    }
    return { shellcheck }
  }
}

export function failOnOf(inputs: ActionInputs, config: ResolvedConfig): Threshold {
  return inputs.failOn ?? config.failOn
}

/**
 * The lint engine and its rules, loaded on first use: the bundler puts them in a separate chunk, so
 * the action reaches its first API request without compiling them.
 */
export const loadLint = lazy(() => import('./lint.js'))

function markNotPosted(draft: ReviewDraft): ScopedFinding[] {
  return draft.findings.map((f) =>
    f.comment ? { ...f, comment: undefined, notInline: 'not-posted' as const } : f
  )
}

export async function reviewPullRequest(input: FlowInput): Promise<void> {
  const { ctx, inputs, io } = input
  const pull = ctx.pull!
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const client = clientFor(input)
  io.info(
    `docker-review: pull request #${pull.number}, head ${pull.headSha}${pull.fork ? ' (from a fork)' : ''}`
  )
  const notes: string[] = []
  // Files GitHub does not list cannot be checked, nor pointed at: the check fails (closed).
  const unchecked: string[] = []
  if ((pull.changedFiles ?? 0) > PULL_FILES_CAP) {
    const note = `This pull request changes ${pull.changedFiles} files; GitHub lists only the first ${PULL_FILES_CAP}, so ${(pull.changedFiles ?? 0) - PULL_FILES_CAP} files were not checked`
    io.warning(`${note}.`)
    notes.push(`${note}: the check fails. Split the pull request to have every file checked.`)
    unchecked.push(note)
  }
  const changed = await listPullFiles(client, repo, pull.number)
  // pull_request_target runs with a write token on behalf of untrusted code: read everything
  // through the API. The configuration comes from the base commit there, and by default
  // (`config-from: base`) on every pull request, so the change cannot turn its own checks off.
  const target = ctx.eventName === 'pull_request_target'
  const onDisk = !target && workspaceAt(ctx.workspace, pull.headSha)
  const configAtBase = (target || inputs.configFrom === 'base') && pull.baseSha !== pull.headSha
  // From the API the base configuration rides along with the first read; a checkout needs a read.
  const baseReader =
    configAtBase && onDisk ? new ApiReader(client, { ...repo, sha: pull.baseSha }) : undefined
  const reader = new ApiReader(client, {
    ...repo,
    sha: pull.headSha,
    pull: { number: pull.number, review: inputs.mode === 'review' },
    ...(configAtBase && !onDisk ? { baseSha: pull.baseSha } : {})
  })
  io.info(
    onDisk
      ? 'Reading files from the checkout (it is at the pull request head).'
      : 'Reading files through the GitHub API (no checkout of the pull request head).'
  )
  const { lintChanges } = await loadLint()
  const lint = await lintChanges({
    changed,
    detect: kindDetector(inputs.patterns),
    ...(inputs.config ? { configPath: inputs.config } : {}),
    layers: configLayers(inputs),
    fetch: onDisk ? diskFetcher(ctx.workspace!) : (request) => reader.fetch(request),
    ...(baseReader ? { configFetch: (request) => baseReader.fetch(request) } : {}),
    ...(configAtBase ? { configAtBase } : {}),
    tools: toolsFor(io, notes),
    afterFile: heapPacer()
  })
  notes.unshift(...lint.notes)
  if (configAtBase) {
    const own = configPaths(inputs.config)
    const changedConfig = changed.filter((f) => own.includes(f.path)).map((f) => f.path)
    if (changedConfig.length > 0) {
      notes.push(
        `This pull request changes ${changedConfig.join(', ')}; the configuration was read from the base commit (\`config-from: base\`), so the change takes effect once merged.`
      )
    }
  }
  const failOn = failOnOf(inputs, lint.config)
  const policy = reviewPolicy(
    policyOf({
      ...lint.config.review,
      ...(inputs.reviewInline ? { inline: inputs.reviewInline } : {})
    })
  )
  const draft = draftReview(lint.files, {
    filterMode: inputs.filterMode,
    maxComments: inputs.maxComments,
    suggestions: inputs.suggestions,
    docsUrl: docsUrlIn(lint.registry),
    placement: (finding) => policy(finding).review
  })
  const decided = verdict(draft.findings, failOn, inputs.filterMode, unchecked)
  const common = {
    ctx,
    io,
    filterMode: inputs.filterMode,
    failOn,
    verdict: decided,
    results: lint.results,
    tags: await input.tags(),
    registry: lint.registry,
    sha: pull.headSha,
    sarifFile: inputs.sarifFile,
    files: lint.files.length
  }

  if (inputs.mode === 'report') {
    writeArtifact(input, {
      tags: common.tags,
      pullNumber: pull.number,
      headSha: pull.headSha,
      failOn,
      verdict: decided,
      draft,
      notes
    })
    await finish({ ...common, findings: markNotPosted(draft), notes, reviewed: false })
    return
  }

  const posted = await publish(input, {
    client,
    reader,
    lint,
    draft,
    notes,
    failOn,
    verdict: decided,
    headSha: pull.headSha,
    number: pull.number,
    registry: lint.registry
  })
  await finish({ ...common, findings: posted.findings, notes, reviewed: posted.reviewed })
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
      f.comment && rejected.has(f.fingerprint)
        ? { ...f, comment: undefined, notInline: 'rejected' as const }
        : f.comment && notPosted.has(f.fingerprint)
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

function writeArtifact(
  input: FlowInput,
  run: {
    pullNumber: number
    headSha: string
    failOn: Threshold
    verdict: Verdict
    draft: ReviewDraft
    notes: string[]
    tags: string[]
  }
): void {
  const { ctx, inputs, io } = input
  const artifact: ReportArtifact = {
    version: ARTIFACT_VERSION,
    tool: 'docker-review',
    repository: `${ctx.owner}/${ctx.repo}`,
    pullRequest: run.pullNumber,
    headSha: run.headSha,
    filterMode: inputs.filterMode,
    failOn: run.failOn,
    failed: run.verdict.failed,
    reason: run.verdict.reason,
    // The policy's decision travels with each finding: `mode: post` has no configuration.
    findings: run.draft.findings.map((f) => ({ ...f.finding, review: f.review })),
    notes: run.notes,
    tags: run.tags
  }
  const path = isAbsolute(inputs.reportFile)
    ? inputs.reportFile
    : resolve(ctx.workspace ?? io.cwd, inputs.reportFile)
  io.writeFile(path, serializeArtifact(artifact))
  io.setOutput('report-file', path)
  io.info(`Wrote the review report to ${path}; a \`mode: post\` job posts it.`)
}
