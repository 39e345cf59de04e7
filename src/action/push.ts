import { collectTargets } from '../cli/files.js'
import { kindDetector } from '../detect.js'
import type { FilterMode } from '../diff/filter.js'
import { commitFiles, COMPARE_FILES_CAP, compareFiles, treePaths } from '../github/changes.js'
import { ApiReader } from '../github/reader.js'
import { draftReview } from '../review/draft.js'
import { diskFetcher, workspaceAt } from './disk.js'
import { docsUrlIn, finish } from './finish.js'
import { verdict } from './verdict.js'
import type { ChangedFile } from '../core/ports.js'
import { clientFor, configLayers, failOnOf, loadLint, toolsFor, type FlowInput } from './flow.js'

/**
 * Runs without a pull request. `push` / `merge_group`: lint the files the pushed range changed,
 * with the filter mode applied to their diffs. `workflow_dispatch` (and other events): lint every
 * Dockerfile and compose file of the commit. Results go to annotations, the job summary, SARIF and
 * the verdict — never to review comments.
 */

export async function lintCommit(input: FlowInput): Promise<void> {
  const { ctx, inputs, io } = input
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const head = ctx.range?.head ?? ctx.sha
  if (!/^[0-9a-f]{40}$/.test(head)) throw new Error('GITHUB_SHA is not set: nothing to lint')
  const detect = kindDetector(inputs.patterns)
  const onDisk = workspaceAt(ctx.workspace, head)
  const client = inputs.token ? clientFor(input) : undefined
  const whole = ctx.range === undefined
  const notes: string[] = []
  /** What could not be listed, so not checked: it fails the check (closed). */
  const unchecked: string[] = []
  let changed: ChangedFile[]
  if (!whole) {
    if (!client) throw new Error('`github-token` is empty: it is needed to list the pushed changes')
    changed = ctx.range!.base
      ? await compareFiles(client, repo, ctx.range!.base, head)
      : await commitFiles(client, repo, head)
    if (changed.length >= COMPARE_FILES_CAP)
      unchecked.push(
        `GitHub lists at most ${COMPARE_FILES_CAP} files of a pushed range, so files beyond them were not checked`
      )
    io.info(
      `docker-review: ${ctx.eventName} ${ctx.range!.base ? `${ctx.range!.base.slice(0, 7)}…` : ''}${head.slice(0, 7)}, ${changed.length} changed file(s)`
    )
  } else if (onDisk) {
    const collected = collectTargets(['.'], { cwd: ctx.workspace!, detect, ignorePaths: [] })
    changed = collected.targets.map((t) => ({ path: t.path, status: 'added' }))
    io.info(
      `docker-review: ${ctx.eventName || 'run'} at ${head.slice(0, 7)}, linting every Dockerfile and compose file of the checkout`
    )
  } else {
    if (!client) throw new Error('`github-token` is empty and there is no checkout to read')
    const tree = await treePaths(client, repo, head)
    if (tree.truncated) {
      unchecked.push(
        'the repository tree is too large to list completely, so some files were not checked'
      )
    }
    changed = tree.paths
      .filter((p) => detect(p) !== undefined)
      .map((path) => ({ path, status: 'added' }))
    io.info(
      `docker-review: ${ctx.eventName || 'run'} at ${head.slice(0, 7)}, linting every Dockerfile and compose file of the commit`
    )
  }
  const reader = client ? new ApiReader(client, { ...repo, sha: head }) : undefined
  const { lintChanges } = await loadLint()
  const lint = await lintChanges({
    changed,
    detect,
    ...(inputs.config ? { configPath: inputs.config } : {}),
    layers: configLayers(inputs),
    fetch: onDisk ? diskFetcher(ctx.workspace!) : (request) => reader!.fetch(request),
    tools: toolsFor(io, notes),
    wholeFiles: whole
  })
  notes.unshift(...lint.notes)
  const filterMode: FilterMode = whole ? 'nofilter' : inputs.filterMode
  const failOn = failOnOf(inputs, lint.config)
  const draft = draftReview(lint.files, {
    filterMode,
    maxComments: 0,
    suggestions: false,
    docsUrl: docsUrlIn(lint.registry)
  })
  await finish({
    ctx,
    io,
    filterMode,
    failOn,
    verdict: verdict(draft.findings, failOn, filterMode, unchecked),
    // No review on these events: findings are annotations and summary rows, nothing "not inline".
    findings: draft.findings.map(({ finding, fingerprint, inScope, review }) => ({
      finding,
      fingerprint,
      inScope,
      review
    })),
    results: lint.files,
    notes,
    tags: await input.tags(),
    registry: lint.registry,
    sha: head,
    reviewed: false,
    sarifFile: inputs.sarifFile,
    files: lint.files.length
  })
}
