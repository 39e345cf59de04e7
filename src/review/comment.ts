import type { LineIndex } from '../core/text.js'
import type { Finding, Severity } from '../core/types.js'
import { commentSpan, inOneHunk, lastLineOf, type FileDiff } from '../diff/patch.js'
import { fenced, hasInvisible, inert } from './markdown.js'
import { inlineMarker } from './marker.js'
import { fixToLines, type LineChange } from '../core/fixes.js'

/**
 * One review comment per finding: severity, rule id linked to its docs, the message, and the fix —
 * a ```suggestion block when the changed lines all sit in one hunk, a ```diff block otherwise —
 * then the hidden marker. Pure.
 */

export interface InlineComment {
  fingerprint: string
  rule: string
  severity: Severity
  path: string
  /** Last line of the commented range (RIGHT side). */
  line: number
  /** First line when the comment spans several lines. */
  startLine?: number
  body: string
  /** Does the body carry a one-click suggestion? */
  suggestion: boolean
}

export interface FileContext {
  path: string
  lines: LineIndex
  diff: FileDiff
  crlf: boolean
}

export interface CommentOptions {
  /** Docs page of a rule id (ShellCheck codes included). */
  docsUrl(rule: string): string | undefined
  /** Emit ```suggestion blocks (input `suggestions`). */
  suggestions: boolean
  /**
   * Claim head lines for a suggestion; false when another comment's suggestion already covers one
   * of them (GitHub applies only one suggestion per line in a batch).
   */
  claim(path: string, start: number, end: number): boolean
}

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '🔴 **Error**',
  warning: '🟠 **Warning**',
  info: '🔵 **Info**',
  style: '⚪ **Style**'
}

/** GitHub rejects bodies above 65,536 characters; keep well below with the marker added. */
const MAX_BODY = 60_000
const TRAILING_STOP = /[.\s]+$/

export function ruleLink(rule: string, docsUrl: string | undefined): string {
  return docsUrl ? `[${rule}](${docsUrl})` : rule
}

/**
 * Severity, linked rule id and the message's first line; later lines of a multi-line message (a
 * refactoring sketch, say) follow as a code block, which is inert whatever they hold.
 */
export function headline(finding: Finding, docsUrl: string | undefined): string {
  const [first, ...rest] = finding.message.split(/\r?\n/)
  const head = `${SEVERITY_LABEL[finding.severity]} · ${ruleLink(finding.rule, docsUrl)} · ${inert(first)}`
  return rest.length > 0 && rest.some((l) => l.trim() !== '')
    ? `${head}\n\n${fenced('', rest)}`
    : head
}

function diffBlock(change: LineChange): string {
  const header = `@@ -${change.startLine},${change.before.length} +${change.startLine},${change.after.length} @@`
  return fenced('diff', [
    header,
    ...change.before.map((l) => `-${l}`),
    ...change.after.map((l) => `+${l}`)
  ])
}

/**
 * The comment for a finding, or undefined when no line of it (nor of its fix) can carry a comment
 * in this diff.
 */
export function renderComment(
  finding: Finding,
  fingerprint: string,
  file: FileContext,
  options: CommentOptions
): InlineComment | undefined {
  const change = finding.fix ? fixToLines(file.lines, finding.fix) : undefined
  const fixFits = change !== undefined && inOneHunk(file.diff, change.startLine, change.endLine)
  const span = fixFits
    ? { start: change.startLine, end: change.endLine }
    : commentSpan(file.diff, finding.range.start.line, lastLineOf(finding.range))
  if (!span) return undefined
  const parts = [headline(finding, options.docsUrl(finding.rule))]
  let suggestion = false
  if (change && finding.fix) {
    const description = inert(finding.fix.description.replace(TRAILING_STOP, ''))
    const note = finding.fix.safe
      ? `Suggested fix: ${description}.`
      : `⚠️ Check before applying: ${description}.`
    // A suggestion must hold the lines exactly; one that would have to show an invisible or
    // reordering character spelled out is shown as a diff instead.
    const usable =
      fixFits &&
      options.suggestions &&
      !change.after.some(hasInvisible) &&
      options.claim(file.path, change.startLine, change.endLine)
    const block = usable ? fenced('suggestion', change.after) : diffBlock(change)
    if (block.length > MAX_BODY) {
      parts.push(`${note} (The change is too large to show here.)`)
    } else if (usable) {
      suggestion = true
      parts.push(note, block)
      if (file.crlf) {
        parts.push('This file uses CRLF line endings: check them after applying the suggestion.')
      }
    } else {
      const why = !fixFits
        ? 'It changes lines outside this pull request’s diff, so it cannot be applied from here:'
        : !options.suggestions
          ? 'Proposed change:'
          : change.after.some(hasInvisible)
            ? 'The lines hold invisible or reordering characters (shown as `<U+…>`), so it is not offered as a one-click suggestion:'
            : 'It overlaps another suggestion on these lines; apply that one first:'
      parts.push(`${note} ${why}`, block)
    }
  }
  parts.push(inlineMarker(fingerprint, finding.rule))
  const comment: InlineComment = {
    fingerprint,
    rule: finding.rule,
    severity: finding.severity,
    path: file.path,
    line: span.end,
    body: parts.join('\n\n'),
    suggestion
  }
  if (span.start < span.end) comment.startLine = span.start
  return comment
}
