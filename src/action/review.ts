import { isAbsolute, resolve } from 'node:path'
import type { Threshold } from '../core/types.js'
import { kindDetector } from '../detect.js'
import { listPullFiles, PULL_FILES_CAP } from '../github/changes.js'
import { ApiReader } from '../github/reader.js'
import { draftReview, type ReviewDraft } from '../review/draft.js'
import { policyOf, reviewPolicy } from '../review/policy.js'
import { heapPacer } from '../io/heap.js'
import { ARTIFACT_VERSION, serializeArtifact, type ReportArtifact } from './artifact.js'
import { diskFetcher, workspaceAt } from './disk.js'
import { docsUrlIn, finish } from './finish.js'
import { clientFor, configLayers, failOnOf, loadLint, toolsFor, type FlowInput } from './flow.js'
import { markNotPosted, publish } from './publish.js'
import { configPaths } from './sources.js'
import { verdict, type Verdict } from './verdict.js'

/**
 * The pull-request flow: list the changed files, read what linting needs (from the checkout when
 * it is at the head, else one GraphQL request), lint, then — `mode: review` — reconcile with what
 * earlier runs posted and write the difference; `mode: report` writes the results artifact
 * instead. Ends with the verdict, job summary, annotations, SARIF and outputs.
 */

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
    results: lint.files,
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
