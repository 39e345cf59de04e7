import type { LineIndex } from '../core/text.js'
import type { Finding, Severity } from '../core/types.js'
import { commentSpan, inOneHunk, lastLineOf, type FileDiff } from '../diff/patch.js'
import { fenced, hasInvisible, inert } from './markdown.js'
import { groupMarker, inlineMarker } from './marker.js'
import { applyFixes, fixToLines, type LineChange } from '../core/fixes.js'
import type { Fix, TextEdit } from '../core/types.js'

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
  /**
   * For one thread carrying several findings (one instruction): every finding's fingerprint, the
   * thread's own (`fingerprint`, its most severe finding's) first. Reconciliation matches a thread
   * by any of them, so fixing one finding inside updates the thread instead of replacing it.
   */
  fingerprints?: string[]
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
  const parts = [headline(finding, options.docsUrl(finding.rule))]
  const body = fixedBody(
    {
      first: finding.range.start.line,
      last: lastLineOf(finding.range),
      fix: finding.fix,
      join: false
    },
    file,
    options,
    parts
  )
  if (!body) return undefined
  parts.push(inlineMarker(fingerprint, finding.rule))
  return commentAt(finding, fingerprint, file.path, body.span, parts, body.suggestion)
}

/**
 * Where a comment about lines `first..last` with one fix goes, and its fix part (appended to
 * `parts`): a ```suggestion block when the changed lines sit in one hunk with the comment's lines,
 * a ```diff block otherwise. Undefined when no line can carry the comment.
 */
function fixedBody(
  at: { first: number; last: number; fix: Fix | undefined; join: boolean },
  file: FileContext,
  options: CommentOptions,
  parts: string[]
): { span: { start: number; end: number }; suggestion: boolean } | undefined {
  const fix = at.fix
  const change = fix ? fixToLines(file.lines, fix) : undefined
  const fixFits = change !== undefined && inOneHunk(file.diff, change.startLine, change.endLine)
  const wide = fixFits &&
    at.join && {
      start: Math.min(change.startLine, at.first),
      end: Math.max(change.endLine, at.last)
    }
  // A thread of several findings covers their lines and the fix's when they share a hunk; a single
  // finding's comment covers its fix's lines.
  const span =
    wide && inOneHunk(file.diff, wide.start, wide.end)
      ? wide
      : fixFits
        ? { start: change.startLine, end: change.endLine }
        : commentSpan(file.diff, at.first, at.last)
  if (!span) return undefined
  let suggestion = false
  if (change && fix) {
    const description = inert(fix.description.replace(TRAILING_STOP, ''))
    const note = fix.safe
      ? `Suggested fix: ${description}.`
      : `⚠️ Check before applying: ${description}.`
    const usable = offerable(change, fixFits, file, options)
    const block = usable ? fenced('suggestion', change.after) : diffBlock(change)
    if (block.length > MAX_BODY) {
      parts.push(`${note} (The change is too large to show here.)`)
    } else if (usable) {
      suggestion = true
      parts.push(note, ...paddedSuggestion(change, span, file))
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
  return { span, suggestion }
}

function commentAt(
  lead: Finding,
  fingerprint: string,
  path: string,
  span: { start: number; end: number },
  parts: string[],
  suggestion: boolean
): InlineComment {
  const comment: InlineComment = {
    fingerprint,
    rule: lead.rule,
    severity: lead.severity,
    path,
    line: span.end,
    body: parts.join('\n\n'),
    suggestion
  }
  if (span.start < span.end) comment.startLine = span.start
  return comment
}

/** What `renderGroup` takes for each finding: most severe first. */
export interface GroupMember {
  finding: Finding
  fingerprint: string
  /** The fingerprint of an earlier member whose fix makes the same change: one item with it. */
  sameFixAs?: string
}

const fixNote = (fix: Fix): string => inert(fix.description.replace(TRAILING_STOP, ''))

/** One entry of a thread: a finding, and the findings of other rules proposing the same change. */
interface Item {
  lead: GroupMember
  also: GroupMember[]
}

function itemsOf(members: readonly GroupMember[]): Item[] {
  const items: Item[] = []
  const byFingerprint = new Map<string, Item>()
  for (const m of members) {
    const lead = m.sameFixAs === undefined ? undefined : byFingerprint.get(m.sameFixAs)
    if (lead) lead.also.push(m)
    else {
      const item = { lead: m, also: [] }
      items.push(item)
      byFingerprint.set(m.fingerprint, item)
    }
  }
  return items
}

/** Every rule of an item, for a line about its fix: `DR3002 and DL3059`. */
const rulesOf = (item: Item): string =>
  [item.lead, ...item.also].map((m) => m.finding.rule).join(' and ')

/** An item's headlines: its lead's, then each rule proposing the same change. */
function itemHeadline(item: Item, options: CommentOptions): string {
  const head = (m: GroupMember) => headline(m.finding, options.docsUrl(m.finding.rule))
  return [
    head(item.lead),
    ...item.also.map((m) => `↳ ${head(m)} (the same fix as ${item.lead.finding.rule})`)
  ].join('\n')
}

/**
 * One comment for every finding on one instruction: each rule's headline, most severe first, then
 * ONE suggestion applying every compatible safe fix at once (`applyFixes` picks them, as `--fix`
 * does); fixes that overlap it or are unsafe are described, never offered as competing blocks —
 * unless the thread's only fix is an unsafe one, offered as a single finding's is, with a warning.
 * Findings of several rules proposing the same change (`sameFixAs`) are one item: both rules named,
 * one fix. Undefined when no line of the instruction can carry a comment in this diff.
 */
export function renderGroup(
  members: readonly GroupMember[],
  file: FileContext,
  options: CommentOptions,
  offerLoneFix = true
): InlineComment | undefined {
  const items = itemsOf(members)
  const first = Math.min(...members.map((m) => m.finding.range.start.line))
  const last = Math.max(...members.map((m) => lastLineOf(m.finding.range)))
  const fixed = items.filter((i) => i.lead.finding.fix)
  const finish = (
    parts: string[],
    span: { start: number; end: number },
    suggestion: boolean
  ): InlineComment => {
    const fingerprints = members.map((m) => m.fingerprint)
    parts.push(
      groupMarker(fingerprints.slice(1)),
      inlineMarker(fingerprints[0], members[0].finding.rule)
    )
    return {
      ...commentAt(members[0].finding, fingerprints[0], file.path, span, parts, suggestion),
      fingerprints
    }
  }
  if (offerLoneFix && fixed.length === 1 && !fixed[0].lead.finding.fix!.safe) {
    const parts = items.map((i) => itemHeadline(i, options))
    const fix = fixed[0].lead.finding.fix
    const body = fixedBody({ first, last, fix, join: true }, file, options, parts)
    return body && finish(parts, body.span, body.suggestion)
  }
  const safe = fixed.flatMap((i) => (i.lead.finding.fix!.safe ? [i.lead.finding.fix!] : []))
  const { applied, skipped } = applyFixes(file.lines.text, safe)
  const edits = applied.flatMap((f) => f.edits.map((e) => ({ ...e })))
  // Two insertions at one point (`-y` and `--no-install-recommends` after `install`) have no
  // order for `--fix`, which takes them in two passes; here they become one insertion.
  for (const fix of skipped) {
    const points = fix.edits.map((e) => edits.find((a) => isInsertion(a) && samePoint(a, e)))
    if (fix.edits.every((e, i) => isInsertion(e) && points[i])) {
      fix.edits.forEach((e, i) => (points[i]!.text += e.text))
      applied.push(fix)
    }
  }
  const combined: Fix | undefined =
    applied.length > 0
      ? { description: applied.map(fixNote).join('; '), safe: true, edits }
      : undefined
  const change = combined ? fixToLines(file.lines, combined) : undefined
  const fixFits = change !== undefined && inOneHunk(file.diff, change.startLine, change.endLine)
  const span = fixFits
    ? { start: Math.min(change.startLine, first), end: Math.max(change.endLine, last) }
    : commentSpan(file.diff, first, last)
  if (!span || (fixFits && !inOneHunk(file.diff, span.start, span.end))) {
    return fixFits ? renderGroupWithout(members, file, options) : undefined
  }
  const parts = items.map((i) => itemHeadline(i, options))
  let suggestion = false
  if (change && combined) {
    const usable = offerable(change, fixFits, file, options)
    const block = fenced('suggestion', change.after)
    const note = `Suggested fix (${applied.length === 1 ? 'one fix' : `${applied.length} fixes at once`}): ${combined.description}.`
    if (usable && block.length <= MAX_BODY) {
      suggestion = true
      parts.push(note, ...paddedSuggestion(change, span, file))
    } else {
      const why =
        block.length > MAX_BODY
          ? 'The change is too large to show here.'
          : 'Not offered as a one-click suggestion here.'
      parts.push(`${note} (${why})`)
    }
  }
  for (const item of fixed) {
    const fix = item.lead.finding.fix!
    if (suggestion && applied.includes(fix)) continue
    parts.push(
      fix.safe
        ? `${rulesOf(item)}: ${fixNote(fix)} (overlaps the fix above: apply it, then re-run).`
        : `⚠️ ${rulesOf(item)}, check before applying: ${fixNote(fix)}.`
    )
  }
  return finish(parts, span, suggestion)
}

/** The group when its combined fix cannot share a hunk with the findings: no suggestion. */
function renderGroupWithout(
  members: readonly GroupMember[],
  file: FileContext,
  options: CommentOptions
): InlineComment | undefined {
  const stripped = members.map((m) => ({
    ...m,
    finding: { ...m.finding, fix: m.finding.fix && { ...m.finding.fix, safe: false } }
  }))
  return renderGroup(stripped, file, options, false)
}

const isInsertion = (e: TextEdit): boolean =>
  e.range.start.line === e.range.end.line && e.range.start.column === e.range.end.column

const samePoint = (a: TextEdit, b: TextEdit): boolean =>
  a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column

/**
 * Whether `change` can be a one-click suggestion, claiming its lines when it can: it must sit in
 * the diff, suggestions be on, and the lines hold no invisible or reordering character (a
 * suggestion holds the lines exactly; one spelled out as `<U+…>` is shown as a diff instead).
 */
function offerable(
  change: LineChange,
  fixFits: boolean,
  file: FileContext,
  options: CommentOptions
): boolean {
  return (
    fixFits &&
    options.suggestions &&
    !change.after.some(hasInvisible) &&
    options.claim(file.path, change.startLine, change.endLine)
  )
}

/**
 * The ```suggestion block for `change` in a comment over `span`: it replaces the comment's lines,
 * so it is padded with the lines it leaves alone; plus the CRLF note where it applies.
 */
function paddedSuggestion(
  change: LineChange,
  span: { start: number; end: number },
  file: FileContext
): string[] {
  const before = rangeLines(file.lines, span.start, change.startLine - 1)
  const after = rangeLines(file.lines, change.endLine + 1, span.end)
  const out = [fenced('suggestion', [...before, ...change.after, ...after])]
  if (file.crlf) {
    out.push('This file uses CRLF line endings: check them after applying the suggestion.')
  }
  return out
}

function rangeLines(lines: LineIndex, from: number, to: number): string[] {
  const out: string[] = []
  for (let line = from; line <= to; line++) out.push(lines.lineText(line).replace(/\r$/, ''))
  return out
}
