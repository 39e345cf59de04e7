import { gzipSync } from 'node:zlib'
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif'
import type { FileResult, Registry } from '../lint/engine.js'
import { LineIndex } from '../core/text.js'
import { SEVERITIES, type Finding, type Severity } from '../core/types.js'
import { fingerprints } from '../review/fingerprint.js'
import { DOCS_BASE } from '../rules/define.js'
import { docsUrlOf } from './json.js'
import RULE_HELP from './rule-help.json' with { type: 'json' }

/**
 * SARIF 2.1.0 for `github/codeql-action/upload-sarif` and other consumers: real start and end
 * columns (hadolint writes 1/1), rule metadata with the rule's docs page as help, the review's
 * stable fingerprints, fixes as artifact changes, and GitHub's upload limits kept.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const INFORMATION_URI = 'https://github.com/docker-review/docker-review'

/** The `partialFingerprints` key (GitHub reserves `primaryLocationLineHash` and recomputes it). */
export const FINGERPRINT_KEY = 'dockerReviewFingerprint/v1'

/** Code scanning's limits: results per run and the gzipped size of an upload. */
export const GITHUB_MAX_RESULTS = 25_000
export const GITHUB_MAX_GZIP_BYTES = 10 * 1024 * 1024

const LEVEL: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  style: 'note'
}

/**
 * `security-severity` (CVSS-like, 0–10: ≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low) of the rules
 * that report a security weakness; GitHub shows those as security alerts with that severity.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, string>> = {
  DC1008: '8.0', // literal secret in the compose file
  DC1009: '8.0', // privileged, docker.sock, host namespaces
  DR1006: '8.0', // a secret file copied into the image
  DR3005: '7.5', // TLS verification off for downloads
  DR3006: '7.5', // package signature checks off
  DR3007: '7.0', // pip without TLS verification
  DR3008: '7.0', // npm/yarn/Node without TLS verification
  DR2014: '7.0', // secret-looking ARG/ENV
  DR3004: '6.5', // chpasswd in the image
  DR1016: '6.0', // curl | sh
  DL3002: '5.0', // last USER is root
  DR1004: '5.0', // never sets USER
  DR3001: '5.0', // EXPOSE 22/23/2375
  DC1012: '5.0', // database port on all interfaces
  DL3004: '4.0', // sudo
  DR3003: '4.0', // WORKDIR in a system directory
  DC1014: '3.0', // hardening hints
  DR3002: '2.0' // package index update without install
}

const HELP: Readonly<Record<string, string>> = RULE_HELP

export interface SarifOptions {
  toolVersion: string
  /** Problems that are not findings (unreadable files, crashed rules). */
  extraErrors?: Array<{ file: string; message: string }>
  /** Each finding's stable fingerprint (the review's), written as `partialFingerprints`. */
  fingerprints?: ReadonlyMap<Finding, string>
  /** Defaults: GitHub's (GITHUB_MAX_RESULTS, GITHUB_MAX_GZIP_BYTES of the 2-space-indented JSON). */
  maxResults?: number
  maxGzipBytes?: number
}

/** Set when results were left out to stay within the limits (most severe kept). */
export interface SarifTruncation {
  total: number
  kept: number
  /** One line for stderr or a log: what was left out and why. */
  message: string
}

export interface SarifOutput {
  log: Log
  /**
   * The log as `JSON.stringify(log, null, 2)`: the text whose size was held to the limit, made
   * once (a second stringify of the corpus's 16 MB log, with the first still on the heap, set the
   * peak memory of the run that made it).
   */
  text: string
  truncation?: SarifTruncation
}

/** The review's fingerprints of every finding, given the files' texts (`fingerprints()` per file). */
export function fingerprintsOf(
  results: readonly FileResult[],
  textOf: (path: string) => string | undefined
): Map<Finding, string> {
  const out = new Map<Finding, string>()
  for (const r of results) {
    const text = textOf(r.path)
    if (text === undefined || r.findings.length === 0) continue
    const fps = fingerprints(r.path, new LineIndex(text), r.findings)
    r.findings.forEach((f, i) => out.set(f, fps[i]))
  }
  return out
}

/** A relative reference for a relative path; a `file:` URI for an absolute one. */
function uri(path: string): string {
  const relative = path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/')
  if (relative.startsWith('/')) return `file://${relative}`
  return /^[A-Za-z]%3A\//.test(relative) ? `file:///${relative.replace('%3A', ':')}` : relative
}

/** The first paragraph under `## Why` of a docs page. */
function whyOf(markdown: string): string | undefined {
  const why = /^## Why\n+((?:.+\n?)+)/m.exec(markdown)?.[1]
  return why?.replace(/\s*\n\s*/g, ' ').trim()
}

/** Markdown as plain text: no heading marks, emphasis or link syntax. */
function plain(markdown: string): string {
  return markdown
    .replace(/^#+ /gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
}

function descriptor(id: string, registry: Registry): ReportingDescriptor {
  const meta = registry.byId.get(id)
  const helpUri = docsUrlOf(id, registry)
  const shellcheck = `ShellCheck's ${id}, reported inside a \`RUN\` at its exact position.`
  const markdown =
    HELP[id] ??
    `# ${id}\n\n${shellcheck} See [${id} on the ShellCheck wiki](${helpUri}) and [how docker-review runs ShellCheck](${DOCS_BASE}SHELLCHECK.md).`
  const short = meta?.description ?? `ShellCheck ${id}`
  const security = SECURITY_SEVERITY[id]
  const out: ReportingDescriptor = {
    id,
    shortDescription: { text: short },
    fullDescription: { text: HELP[id] ? (whyOf(markdown) ?? short) : shellcheck },
    help: { text: plain(markdown), markdown },
    helpUri,
    properties: {
      tags: [meta?.kind ?? 'dockerfile', ...(security ? ['security'] : [])],
      ...(meta && meta.aliases.length > 0 ? { aliases: meta.aliases } : {}),
      ...(security ? { 'security-severity': security } : {})
    }
  }
  if (meta) out.defaultConfiguration = { level: LEVEL[meta.defaultSeverity] }
  return out
}

/** The `count` most severe findings (the earlier among equals), in their original order. */
function mostSevere(findings: readonly Finding[], count: number): Finding[] {
  if (findings.length <= count) return [...findings]
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity)
  const keep = new Set(
    findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .slice(0, count)
      .map((x) => x.f)
  )
  return findings.filter((f) => keep.has(f))
}

function measured(log: Log): { text: string; size: number } {
  const text = JSON.stringify(log, null, 2)
  return { text, size: gzipSync(text).length }
}

export function toSarif(
  results: FileResult[],
  registry: Registry,
  options: SarifOptions
): SarifOutput {
  const all = results.flatMap((r) => r.findings)
  const maxResults = options.maxResults ?? GITHUB_MAX_RESULTS
  const maxBytes = options.maxGzipBytes ?? GITHUB_MAX_GZIP_BYTES
  let kept = mostSevere(all, maxResults)
  let log = build(kept, all.length, results, registry, options)
  let made = measured(log)
  while (made.size > maxBytes && kept.length > 0) {
    // Results dominate the size: shrink in proportion, with a margin, until it fits.
    const target = Math.min(kept.length - 1, Math.floor((kept.length * maxBytes * 0.9) / made.size))
    kept = mostSevere(kept, Math.max(0, target))
    log = build(kept, all.length, results, registry, options)
    made = measured(log)
  }
  const { text } = made
  if (kept.length === all.length) return { log, text }
  const message = note(kept.length, all.length)
  return { log, text, truncation: { total: all.length, kept: kept.length, message } }
}

function note(kept: number, total: number): string {
  return `SARIF: ${total - kept} of ${total} results left out to stay within GitHub code scanning's limits (${GITHUB_MAX_RESULTS} results per run, ${GITHUB_MAX_GZIP_BYTES / 1024 / 1024} MB gzipped); the ${kept} most severe are kept.`
}

function build(
  findings: readonly Finding[],
  total: number,
  results: readonly FileResult[],
  registry: Registry,
  options: SarifOptions
): Log {
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort()
  const index = new Map(ruleIds.map((id, i) => [id, i]))
  const errors = [
    ...(options.extraErrors ?? []),
    ...results.flatMap((r) => r.errors.map((message) => ({ file: r.path, message })))
  ]
  const notifications: Notification[] = errors.map((e) => ({
    level: 'error' as const,
    message: { text: e.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(e.file) } } }]
  }))
  const truncated = findings.length < total
  if (truncated)
    notifications.push({ level: 'warning', message: { text: note(findings.length, total) } })
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
            rules: ruleIds.map((id) => descriptor(id, registry))
          }
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: findings.map((f) => toResult(f, index.get(f.rule)!, options.fingerprints?.get(f))),
        ...(truncated
          ? {
              properties: {
                truncated: true,
                totalResults: total,
                keptResults: findings.length,
                note: note(findings.length, total)
              }
            }
          : {})
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

function toResult(f: Finding, ruleIndex: number, fingerprint: string | undefined): Result {
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
  if (fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprint }
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
