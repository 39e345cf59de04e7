import { sha256Hex } from '../core/hash.js'
import type { FileResult } from '../lint/engine.js'
import { LineIndex } from '../core/text.js'
import type { Severity } from '../core/types.js'
import { fingerprints } from '../review/fingerprint.js'

/**
 * `--format gitlab`: a GitLab Code Quality report (the `artifacts:reports:codequality` file), the
 * subset of the Code Climate issue format GitLab reads. The fingerprint is the review's own stable
 * one (rule, path, offending text, occurrence — not the line), so an issue moved by lines added
 * above it is the same issue in the merge-request widget. Pure.
 */

export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker'

export interface GitlabIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: GitlabSeverity
  location: { path: string; lines: { begin: number; end?: number } }
}

/** hadolint's `--format gitlab_codeclimate` mapping, so a migration keeps the widget's ordering. */
const SEVERITY: Record<Severity, GitlabSeverity> = {
  error: 'blocker',
  warning: 'major',
  info: 'minor',
  style: 'info'
}

/** check_name of a file that could not be linted (unreadable, binary, a crashed rule). */
export const NOT_LINTED_CHECK = 'docker-review/not-linted'

export function toGitlab(
  results: FileResult[],
  sources: ReadonlyMap<string, string>,
  /** Files not (fully) linted: unreadable, binary, a crashed rule. */
  errors: Array<{ file: string; message: string }> = []
): GitlabIssue[] {
  const issues: GitlabIssue[] = []
  for (const r of results) {
    const fps = fingerprints(r.path, new LineIndex(sources.get(r.path) ?? ''), r.findings)
    r.findings.forEach((f, i) => {
      const { start, end } = f.range
      const lines: GitlabIssue['location']['lines'] = { begin: start.line }
      // The range's end is exclusive: column 1 of the next line ends the line before.
      const last = end.column === 1 && end.line > start.line ? end.line - 1 : end.line
      if (last > start.line) lines.end = last
      issues.push({
        description: `${f.rule}: ${f.message}`,
        check_name: f.rule,
        fingerprint: fps[i],
        severity: SEVERITY[f.severity],
        location: { path: r.path, lines }
      })
    })
  }
  for (const e of errors) {
    issues.push({
      description: e.message,
      check_name: NOT_LINTED_CHECK,
      fingerprint: sha256Hex(`${NOT_LINTED_CHECK}\u0000${e.file}\u0000${e.message}`).slice(0, 16),
      severity: 'blocker',
      location: { path: e.file, lines: { begin: 1 } }
    })
  }
  return issues
}
