import type { FileResult, Registry } from '../lint/engine.js'
import { fixToLines } from '../core/fixes.js'
import { LineIndex } from '../core/text.js'
import type { Finding, Position, Severity } from '../core/types.js'
import { docsUrlOf } from './json.js'

/**
 * `--format rdjson`: reviewdog's Diagnostic Format (`reviewdog -f=rdjson`), the JSON form of its
 * `DiagnosticResult` message (proto/rdf/reviewdog.proto). Columns are 1-based UTF-8 byte counts,
 * as the format says (ours are UTF-16 code units: converted against the file's text); ends are
 * exclusive, like ours. A safe fix becomes one suggestion over whole lines (a range without
 * columns is line-wise, end line included), which is what review tools can offer as a
 * suggested change. Pure.
 */

export type RdSeverity = 'ERROR' | 'WARNING' | 'INFO'

export interface RdPosition {
  line: number
  column?: number
}

export interface RdRange {
  start: RdPosition
  end?: RdPosition
}

export interface RdDiagnostic {
  message: string
  location: { path: string; range?: RdRange }
  severity: RdSeverity
  code?: { value: string; url?: string }
  suggestions?: Array<{ range: RdRange; text: string }>
}

export interface RdResult {
  source: { name: string; url: string }
  diagnostics: RdDiagnostic[]
}

const SEVERITY: Record<Severity, RdSeverity> = {
  error: 'ERROR',
  warning: 'WARNING',
  info: 'INFO',
  style: 'INFO'
}

const RD_SOURCE = {
  name: 'docker-review',
  url: 'https://github.com/docker-review/docker-review'
}

/** A UTF-16 column → UTF-8 byte column on the same line. */
function byteColumn(lines: LineIndex | undefined, pos: Position): RdPosition {
  if (!lines || pos.line > lines.lineCount) return { line: pos.line, column: pos.column }
  const before = lines.lineText(pos.line).slice(0, Math.max(0, pos.column - 1))
  return { line: pos.line, column: Buffer.byteLength(before, 'utf8') + 1 }
}

function suggestion(lines: LineIndex | undefined, f: Finding): RdDiagnostic['suggestions'] {
  if (!lines || !f.fix?.safe) return undefined
  const change = fixToLines(lines, f.fix)
  if (!change) return undefined
  return [
    {
      range: { start: { line: change.startLine }, end: { line: change.endLine } },
      text: change.after.join('\n')
    }
  ]
}

export function toRdjson(
  results: FileResult[],
  registry: Registry,
  sources: ReadonlyMap<string, string>,
  /** Files not (fully) linted: unreadable, binary, a crashed rule. */
  errors: Array<{ file: string; message: string }> = []
): RdResult {
  const diagnostics: RdDiagnostic[] = []
  for (const r of results) {
    const text = sources.get(r.path)
    const lines = text === undefined ? undefined : new LineIndex(text)
    for (const f of r.findings) {
      const d: RdDiagnostic = {
        message: f.message,
        location: {
          path: r.path,
          range: { start: byteColumn(lines, f.range.start), end: byteColumn(lines, f.range.end) }
        },
        severity: SEVERITY[f.severity],
        code: { value: f.rule }
      }
      const url = docsUrlOf(f.rule, registry)
      if (url) d.code = { value: f.rule, url }
      const suggestions = suggestion(lines, f)
      if (suggestions) d.suggestions = suggestions
      diagnostics.push(d)
    }
  }
  for (const e of errors) {
    diagnostics.push({ message: e.message, location: { path: e.file }, severity: 'ERROR' })
  }
  return { source: RD_SOURCE, diagnostics }
}
