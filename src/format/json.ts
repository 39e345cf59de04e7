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
