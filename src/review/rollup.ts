import { fileModel, isLoadable } from '../compose/file.js'
import { nodeSpan } from '../compose/model.js'
import { parseDockerfile, type DockerfileDoc } from '../dockerfile/model.js'
import type { FileDiff, LineSpan } from '../diff/patch.js'
import { lastLineOf } from '../diff/patch.js'
import type { FileKind } from '../core/types.js'
import { parseCompose } from '../parse/compose.js'

/**
 * Roll-ups: absence checks that fire once per compose service or Dockerfile stage (no limits, no
 * log rotation, no restart policy, no HEALTHCHECK, no USER). Such a finding is about its whole
 * service or stage, so the lines that count for it are that service's or stage's lines — as the
 * compose and Dockerfile models delimit them. Pure.
 */

export const ROLLUP_RULES: ReadonlySet<string> = new Set([
  'DC1003',
  'DC1004',
  'DC1005',
  'DC1014',
  'DC1015',
  'DR1004',
  'DR1008'
])

export function isRollUp(rule: string): boolean {
  return ROLLUP_RULES.has(rule)
}

/** The file as the models see it. */
export interface ModelSource {
  path: string
  kind: FileKind
  text: string
}

/** The line spans of a file's services (compose) or stages (Dockerfile), in file order. */
export function ownerSpans(file: ModelSource, dockerfile?: DockerfileDoc): LineSpan[] {
  try {
    if (file.kind === 'compose') return serviceSpans(file)
    if (file.kind === 'dockerfile')
      return stageSpans(dockerfile ?? parseDockerfile(file.path, file.text))
  } catch {
    // A file the models cannot read has no services or stages: its roll-ups keep their own line.
  }
  return []
}

/** Each service's key line to the last line of its definition (merged-in definitions excluded). */
function serviceSpans(file: ModelSource): LineSpan[] {
  const doc = parseCompose(file.path, file.text)
  if (!isLoadable(doc)) return []
  const out: LineSpan[] = []
  for (const entry of fileModel(doc).services.values()) {
    const start = entry.keyNode.range?.[0]
    if (entry.merged || entry.doc !== doc || start === undefined) continue
    const [, end] = nodeSpan(entry.value.node)
    const range = doc.rangeOf(start, Math.max(end, start))
    out.push({ start: range.start.line, end: lastLineOf(range) })
  }
  return out
}

/** Each stage's FROM line to the last line of its last instruction. */
function stageSpans(doc: DockerfileDoc): LineSpan[] {
  return doc.stages.map((stage) => {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from
    return { start: stage.from.range.start.line, end: lastLineOf(last.range) }
  })
}

/** The innermost span holding `line` (services do not nest; stages do not overlap). */
export function ownerOf(spans: readonly LineSpan[], line: number): LineSpan | undefined {
  return spans.find((s) => s.start <= line && line <= s.end)
}

/** The first line of `span` the pull request added, if any. */
export function firstAdded(diff: FileDiff | undefined, span: LineSpan): number | undefined {
  if (!diff?.hasPatch) return undefined
  if (span.end - span.start + 1 > diff.right.size) {
    let first: number | undefined
    for (const [line, at] of diff.right) {
      if (
        at.added &&
        line >= span.start &&
        line <= span.end &&
        (first === undefined || line < first)
      )
        first = line
    }
    return first
  }
  for (let line = span.start; line <= span.end; line++) if (diff.right.get(line)?.added) return line
  return undefined
}
