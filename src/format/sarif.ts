import type { Log, ReportingDescriptor, Result } from 'sarif'
import type { FileResult, Registry } from '../lint/engine.js'
import type { Finding, Severity } from '../core/types.js'
import { docsUrlOf } from './json.js'

/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif` and other consumers: real start and end
 * columns (hadolint writes 1/1), rule metadata with help links, and fixes as artifact changes.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/docker-review/docker-review'

const LEVEL: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note'
}

export interface SarifOptions {
  toolVersion: string
  /** Problems that are not findings (unreadable files, crashed rules). */
  extraErrors?: Array<{ file: string; message: string }>
}

function uri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
}

export function toSarif(results: FileResult[], registry: Registry, options: SarifOptions): Log {
  const findings = results.flatMap((r) => r.findings)
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort()
  const index = new Map(ruleIds.map((id, i) => [id, i]))
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const meta = registry.byId.get(id)
    const descriptor: ReportingDescriptor = {
      id,
      shortDescription: { text: meta?.description ?? `ShellCheck ${id}` },
      helpUri: docsUrlOf(id, registry),
      properties: { tags: [meta?.kind ?? 'dockerfile'] }
    }
    if (meta) {
      descriptor.defaultConfiguration = { level: LEVEL[meta.defaultSeverity] }
      if (meta.aliases.length > 0)
        descriptor.properties = { ...descriptor.properties, aliases: meta.aliases }
    }
    return descriptor
  })
  const errors = [
    ...(options.extraErrors ?? []),
    ...results.flatMap((r) => r.errors.map((message) => ({ file: r.path, message })))
  ]
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'docker-review',
            version: options.toolVersion,
            informationUri: INFORMATION_URI,
            rules
          }
        },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: errors.map((e) => ({
              level: 'error' as const,
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: uri(e.file) } } }]
            }))
          }
        ],
        results: findings.map((f) => toResult(f, index.get(f.rule)!))
      }
    ]
  }
}

function region(r: Finding['range']): {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
} {
  return {
    startLine: r.start.line,
    startColumn: r.start.column,
    endLine: r.end.line,
    endColumn: r.end.column
  }
}

function toResult(f: Finding, ruleIndex: number): Result {
  const result: Result = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      { physicalLocation: { artifactLocation: { uri: uri(f.file) }, region: region(f.range) } }
    ],
    properties: { severity: f.severity }
  }
  if (f.fix) {
    result.fixes = [
      {
        description: { text: f.fix.description },
        artifactChanges: [
          {
            artifactLocation: { uri: uri(f.file) },
            replacements: f.fix.edits.map((e) => ({
              deletedRegion: region(e.range),
              insertedContent: { text: e.text }
            }))
          }
        ]
      }
    ]
  }
  return result
}
