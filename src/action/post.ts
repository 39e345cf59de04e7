import { isAbsolute, resolve } from 'node:path'
import { LineIndex } from '../core/text.js'
import type { Finding } from '../core/types.js'
import type { FileDiff } from '../diff/patch.js'
import { parsePatch } from '../diff/patch.js'
import { listPullFiles } from '../github/changes.js'
import { ApiReader } from '../github/reader.js'
import { draftReview, type ReviewFile } from '../review/draft.js'
import { parseArtifact } from './artifact.js'
import { docsUrlIn, finish } from './finish.js'
import type { FileKind } from '../core/types.js'
import { clientFor, type FlowInput } from './flow.js'
import { publish } from './publish.js'

/**
 * `mode: post` (a trusted `workflow_run` job): read the artifact a `mode: report` run wrote for a
 * pull request, check it against the trusted event and the API, and post the review. The
 * artifact is untrusted data: only findings whose rule we know, whose file is in the pull request
 * and whose positions fit the file are posted; its text is rendered inert like any message. The
 * verdict belongs to the report job; this step fails only when the artifact is unusable.
 */

const SC = /^SC\d{4}$/

function fits(lines: LineIndex, finding: Finding): boolean {
  const ok = (p: { line: number; column: number }) =>
    p.line <= lines.lineCount && p.column <= lines.lineEnd(p.line) - lines.lineStart(p.line) + 1
  const ranges = [finding.range, ...(finding.fix?.edits.map((e) => e.range) ?? [])]
  return ranges.every(
    (r) => ok(r.start) && (ok(r.end) || (r.end.line === lines.lineCount + 1 && r.end.column === 1))
  )
}

export async function postReport(input: FlowInput): Promise<void> {
  const { ctx, inputs, io } = input
  const path = isAbsolute(inputs.reportFile)
    ? inputs.reportFile
    : resolve(ctx.workspace ?? io.cwd, inputs.reportFile)
  const artifact = await parseArtifact(io.readFile(path))
  const repository = `${ctx.owner}/${ctx.repo}`
  if (artifact.repository.toLowerCase() !== repository.toLowerCase()) {
    throw new Error(`the report is for ${artifact.repository}, not ${repository}`)
  }
  const run = ctx.workflowRun
  if (run && run.headSha && run.headSha !== artifact.headSha) {
    throw new Error(
      `the report is for commit ${artifact.headSha}, but the triggering run built ${run.headSha}; not posting`
    )
  }
  if (run && run.pullNumbers.length > 0 && !run.pullNumbers.includes(artifact.pullRequest)) {
    throw new Error(
      `the report names pull request #${artifact.pullRequest}, which the triggering run is not for`
    )
  }
  const number = artifact.pullRequest
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const client = clientFor(input)
  io.info(`docker-review: posting the report for pull request #${number} at ${artifact.headSha}`)
  const changed = await listPullFiles(client, repo, number)
  const { registry } = await import('../rules/index.js')
  const live = new Map(changed.filter((f) => f.status !== 'removed').map((f) => [f.path, f]))
  const notes = [...artifact.notes]
  const known = artifact.findings.filter((f) => {
    const ok = registry.byId.has(f.rule) || SC.test(f.rule)
    if (!ok) notes.push(`Dropped a finding with unknown rule id ${f.rule}.`)
    return ok
  })
  const paths = [...new Set(known.map((f) => f.file))].filter((p) => {
    if (!live.has(p)) notes.push(`Dropped findings for ${p}: not a file of this pull request.`)
    return live.has(p)
  })
  const reader = new ApiReader(client, {
    ...repo,
    sha: artifact.headSha,
    pull: { number, review: true }
  })
  const fetched = await reader.fetch({ paths, dirs: [] })
  const files: ReviewFile[] = []
  for (const p of paths.sort()) {
    const state = fetched.files.get(p)
    if (state?.kind !== 'text') {
      notes.push(
        `Dropped findings for ${p}: the file could not be read at ${artifact.headSha.slice(0, 7)}.`
      )
      continue
    }
    const lines = new LineIndex(state.text)
    const findings = known.filter((f) => f.file === p && fits(lines, f))
    const dropped = known.filter((f) => f.file === p).length - findings.length
    if (dropped > 0)
      notes.push(`Dropped ${dropped} finding(s) for ${p}: positions outside the file.`)
    const diff: FileDiff = parsePatch(live.get(p)!.patch)
    const kind: FileKind = registry.byId.get(findings[0]?.rule ?? '')?.kind ?? 'dockerfile'
    files.push({ path: p, kind, text: state.text, diff, findings, errors: [] })
  }
  const draft = draftReview(files, {
    filterMode: artifact.filterMode,
    maxComments: inputs.maxComments,
    suggestions: inputs.suggestions,
    docsUrl: docsUrlIn(registry),
    // The reporting run applied the review policy; the same finding objects come back here.
    placement: (finding) => (finding as (typeof known)[number]).review ?? 'inline'
  })
  const verdict = { failed: artifact.failed, reason: artifact.reason, blocking: 0 }
  const posted = await publish(input, {
    client,
    reader,
    lint: { files },
    draft,
    notes,
    failOn: artifact.failOn,
    verdict,
    headSha: artifact.headSha,
    number,
    registry
  })
  await finish({
    ctx,
    io,
    filterMode: artifact.filterMode,
    failOn: artifact.failOn,
    verdict,
    // The report job is the check; posting never fails on findings.
    enforce: false,
    findings: posted.findings,
    results: [],
    notes,
    tags: artifact.tags,
    registry,
    sha: artifact.headSha,
    reviewed: posted.reviewed,
    sarifFile: '',
    files: files.length
  })
}
