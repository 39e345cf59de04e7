import { isAbsolute, resolve } from 'node:path'
import type { FileResult } from '../lint/engine.js'
import type { Threshold } from '../core/types.js'
import type { FilterMode } from '../diff/filter.js'
import { annotationCommands } from '../format/github.js'
import { docsUrlOf } from '../format/json.js'
import { toSarif } from '../format/sarif.js'
import { chooseAnnotations } from '../review/annotations.js'
import type { ScopedFinding } from '../review/draft.js'
import {
  countBySeverity,
  MAX_JOB_SUMMARY,
  renderSummary,
  type SummaryInput
} from '../review/summary.js'
import type { Registry } from '../lint/engine.js'
import { VERSION } from '../version.js'
import type { RunContext } from './context.js'
import type { ActionIO } from './io.js'
import type { Verdict } from './verdict.js'

/**
 * The end of every run, whatever happened to the review: the verdict (the required check), the
 * job summary, annotations, the SARIF file and the outputs. Reporting failures never change the
 * verdict; findings that were not posted inline are always in the summary and annotations.
 */

/** Links to the rules' documentation, from the registry the run linted with. */
export function docsUrlIn(registry: Registry): (rule: string) => string | undefined {
  return (rule) => docsUrlOf(rule, registry) || undefined
}

export interface FinishInput {
  ctx: RunContext
  io: ActionIO
  filterMode: FilterMode
  failOn: Threshold
  verdict: Verdict
  findings: readonly ScopedFinding[]
  results: FileResult[]
  notes: string[]
  tags: string[]
  /** The rules (loaded with the lint engine, after the first API request). */
  registry: Registry
  /** Commit the summary links point at. */
  sha: string
  /** The review carried the inline comments (annotate only what is not inline). */
  reviewed: boolean
  sarifFile: string
  /** Number of files linted. */
  files: number
  /** Fail the step on a failing verdict (false: `mode: post`, where the report job is the check). */
  enforce?: boolean
}

export function summaryInput(
  input: Omit<FinishInput, 'io' | 'results' | 'reviewed' | 'sarifFile' | 'enforce'>
): SummaryInput {
  return {
    repoUrl: `${input.ctx.serverUrl}/${input.ctx.owner}/${input.ctx.repo}`,
    sha: input.sha,
    filterMode: input.filterMode,
    failOn: input.failOn,
    failed: input.verdict.failed,
    reason: input.verdict.reason,
    findings: input.findings,
    notes: input.notes,
    tags: input.tags,
    docsUrl: docsUrlIn(input.registry),
    files: input.files
  }
}

export async function finish(input: FinishInput): Promise<void> {
  const { io } = input
  await io.summary(renderSummary(summaryInput(input), { max: MAX_JOB_SUMMARY }))

  const choice = chooseAnnotations(input.findings, {
    reviewed: input.reviewed,
    failing: input.verdict.failed
  })
  const { lines } = annotationCommands(choice.findings)
  for (const line of lines) io.command(line)
  if (choice.dropped > 0) {
    io.info(
      `${choice.dropped} more finding(s) are listed in the job summary (GitHub shows 10 annotations per level).`
    )
  }

  if (input.sarifFile !== '') {
    const workspace = input.ctx.workspace ?? io.cwd
    const path = isAbsolute(input.sarifFile) ? input.sarifFile : resolve(workspace, input.sarifFile)
    try {
      const { log, truncation } = toSarif(input.results, input.registry, {
        toolVersion: VERSION,
        fingerprints: new Map(input.findings.map((s) => [s.finding, s.fingerprint]))
      })
      if (truncation) io.warning(truncation.message)
      io.writeFile(path, `${JSON.stringify(log, null, 1)}\n`)
      io.setOutput('sarif-file', path)
    } catch (error) {
      io.warning(`Could not write the SARIF file ${input.sarifFile}: ${(error as Error).message}`)
    }
  }

  const inScope = input.findings.filter((f) => f.inScope)
  const counts = countBySeverity(inScope)
  io.setOutput('findings', String(inScope.length))
  io.setOutput('errors', String(counts.error))
  io.setOutput('warnings', String(counts.warning))
  io.setOutput('info', String(counts.info))
  io.setOutput('style', String(counts.style))
  io.setOutput('all-findings', String(input.findings.length))
  io.setOutput('result', input.verdict.failed ? 'failure' : 'success')
  if (input.verdict.failed && input.enforce !== false) io.setFailed(input.verdict.reason)
  else io.info(input.verdict.reason)
}
