import { compareSeverity } from '../core/severity.js'
import type { Finding, Severity } from '../core/types.js'
import { compareText } from '../core/text.js'

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): annotations that need no
 * token. The runner shows at most 10 errors and 10 warnings (notices count separately) per step,
 * so callers pass the findings most severe first and a limit.
 */

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice'
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function annotationCommand(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.range.start.line}`,
    `endLine=${f.range.end.line}`
  ]
  if (f.range.start.line === f.range.end.line) {
    props.push(`col=${f.range.start.column}`, `endColumn=${f.range.end.column}`)
  }
  props.push(`title=${escapeProperty(`${f.rule} (${f.severity})`)}`)
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`
}

export interface AnnotationOptions {
  /** Keep at most this many per annotation level (GitHub shows 10 per level per step). */
  limit?: number
}

/** Commands for `findings`, most severe first, capped per level; returns the lines and what was left out. */
export function annotationCommands(
  findings: Finding[],
  options: AnnotationOptions = {}
): { lines: string[]; omitted: number } {
  const sorted = [...findings].sort(
    (a, b) =>
      compareSeverity(a.severity, b.severity) ||
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line
  )
  const perLevel = new Map<string, number>()
  const lines: string[] = []
  let omitted = 0
  for (const f of sorted) {
    const level = COMMAND[f.severity]
    const n = perLevel.get(level) ?? 0
    if (options.limit !== undefined && n >= options.limit) {
      omitted++
      continue
    }
    perLevel.set(level, n + 1)
    lines.push(annotationCommand(f))
  }
  return { lines, omitted }
}
