import type { Registry, FileResult } from '../lint/engine.js'
import type { Finding } from '../core/types.js'

/** `--format json`: the contract other tools build on (docs/json-format.md). */

export interface JsonEdit {
  line: number
  column: number
  endLine: number
  endColumn: number
  text: string
}

export interface JsonFinding {
  file: string
  rule: string
  aliases: string[]
  severity: Finding['severity']
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  docsUrl: string
  fix?: { description: string; safe: boolean; edits: JsonEdit[] }
  /** The review policy's decision: an inline pull-request comment, or the summary only. */
  review?: 'inline' | 'summary'
}

export interface JsonReport {
  version: 1
  files: Array<{ path: string; kind: FileResult['kind'] }>
  findings: JsonFinding[]
  errors: Array<{ file: string; message: string }>
}

export const SHELLCHECK_WIKI = 'https://www.shellcheck.net/wiki/'

export function docsUrlOf(rule: string, registry: Registry): string {
  return (
    registry.byId.get(rule)?.docsUrl ?? (/^SC\d+$/.test(rule) ? `${SHELLCHECK_WIKI}${rule}` : '')
  )
}

export function toJsonFinding(
  f: Finding,
  registry: Registry,
  placement?: (finding: Finding) => 'inline' | 'summary'
): JsonFinding {
  const out: JsonFinding = {
    file: f.file,
    rule: f.rule,
    aliases: registry.byId.get(f.rule)?.aliases ?? [],
    severity: f.severity,
    message: f.message,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    docsUrl: docsUrlOf(f.rule, registry)
  }
  if (f.fix) {
    out.fix = {
      description: f.fix.description,
      safe: f.fix.safe,
      edits: f.fix.edits.map((e) => ({
        line: e.range.start.line,
        column: e.range.start.column,
        endLine: e.range.end.line,
        endColumn: e.range.end.column,
        text: e.text
      }))
    }
  }
  if (placement) out.review = placement(f)
  return out
}

export function toJsonReport(
  results: FileResult[],
  registry: Registry,
  extraErrors: Array<{ file: string; message: string }> = [],
  placement?: (finding: Finding) => 'inline' | 'summary'
): JsonReport {
  return {
    version: 1,
    files: results.map((r) => ({ path: r.path, kind: r.kind })),
    findings: results.flatMap((r) => r.findings.map((f) => toJsonFinding(f, registry, placement))),
    errors: [
      ...extraErrors,
      ...results.flatMap((r) => r.errors.map((message) => ({ file: r.path, message })))
    ]
  }
}

/**
 * The JSON report of some consecutive files, as text: each of the report's three lists holds the
 * elements of these files, each rendered as `JSON.stringify(report, null, 2)` renders it at its
 * depth, joined by `,\n` ('' when there are none). joinJsonPieces puts the pieces of a run
 * together into the very bytes of the report of all its files at once, so a report can be made a
 * few files at a time (src/cli/pool.ts: where the files are linted) instead of from every result
 * held at once.
 */
export interface JsonPiece {
  files: string
  findings: string
  errors: string
}

/**
 * An element of a top-level list, as `JSON.stringify(report, null, 2)` writes it. Every `\n` of
 * JSON.stringify's text is one of its own (it escapes those of strings); a regular expression's
 * `^` would also match after a raw U+2028 in a message.
 */
function element(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).split('\n').join('\n    ')}`
}

export function jsonPiece(
  results: FileResult[],
  registry: Registry,
  placement?: (finding: Finding) => 'inline' | 'summary'
): JsonPiece {
  const report = toJsonReport(results, registry, [], placement)
  return {
    files: report.files.map(element).join(',\n'),
    findings: report.findings.map(element).join(',\n'),
    errors: report.errors.map(element).join(',\n')
  }
}

/**
 * The report from its pieces, in order, as a list of texts to write one after the other;
 * `extraErrors` (problems found before linting) come first in `errors`, as in toJsonReport.
 * Pieces may be bytes (UTF-8) as well as text.
 */
export function joinJsonPieces<T extends string | Uint8Array>(
  pieces: ReadonlyArray<Record<keyof JsonPiece, T>>,
  extraErrors: Array<{ file: string; message: string }> = []
): Array<string | T> {
  const out: Array<string | T> = ['{\n  "version": 1']
  const list = (name: keyof JsonPiece, first: string[] = []): void => {
    const parts: Array<string | T> = [...first]
    for (const piece of pieces) if (piece[name].length > 0) parts.push(piece[name])
    if (parts.length === 0) {
      out.push(`,\n  "${name}": []`)
      return
    }
    out.push(`,\n  "${name}": [\n`)
    parts.forEach((part, k) => {
      if (k > 0) out.push(',\n')
      out.push(part)
    })
    out.push('\n  ]')
  }
  list('files')
  list('findings')
  list('errors', extraErrors.map(element))
  out.push('\n}\n')
  return out
}
