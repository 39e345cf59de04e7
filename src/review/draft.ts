import { isNotChecked } from '../core/not-checked.js'
import { compareSeverity } from '../core/severity.js'
import { eolOf, LineIndex } from '../core/text.js'
import type { FileKind, Finding } from '../core/types.js'
import { inScope, type FilterMode } from '../diff/filter.js'
import type { FileDiff } from '../diff/patch.js'
import { renderComment, type CommentOptions, type InlineComment } from './comment.js'
import { fingerprints } from './fingerprint.js'
import type { ReviewPlacement } from './policy.js'

/**
 * From lint results and diffs to what the review should contain: every finding with its
 * fingerprint and scope, and the inline comments (most severe first, at most `maxComments`). Pure.
 */

export interface ReviewFile {
  path: string
  kind: FileKind
  /** Head content. */
  text: string
  /** The file's diff when it is part of the change set. */
  diff?: FileDiff
  findings: Finding[]
}

export type NotInline =
  /** In scope, but neither the finding nor its fix touches a line of the diff. */
  | 'outside-diff'
  /** GitHub sent no patch (binary or very large diff): nothing is commentable. */
  | 'no-patch'
  /** Beyond `max-comments`. */
  | 'limit'
  /** The pull request review API refused the comment. */
  | 'rejected'
  /** Comments could not be posted at all (read-only token, head moved, `report` mode). */
  | 'not-posted'
  /** The review policy keeps it in the summary (rule precision too low for its severity, or path). */
  | 'policy'

export interface ScopedFinding {
  finding: Finding
  fingerprint: string
  inScope: boolean
  /** What the review policy decided; only `inline` findings may become comments. */
  review: ReviewPlacement
  /** The comment carrying it, when it is (meant to be) inline. */
  comment?: InlineComment
  /** Why an in-scope finding is not an inline comment. */
  notInline?: NotInline
}

export interface DraftOptions {
  filterMode: FilterMode
  maxComments: number
  suggestions: boolean
  docsUrl(rule: string): string | undefined
  /**
   * The review policy's decision per finding (`reviewPolicy(policy)`); default: every finding may
   * go inline. The verdict never depends on it.
   */
  placement?(finding: Finding): ReviewPlacement
}

export interface ReviewDraft {
  findings: ScopedFinding[]
  /** Wanted inline comments, ordered by path then line. */
  inline: InlineComment[]
}

/** Most severe first, then by path and position. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.rule.localeCompare(b.rule)
  )
}

export function draftReview(files: readonly ReviewFile[], options: DraftOptions): ReviewDraft {
  const scoped: Array<ScopedFinding & { lines: LineIndex; file: ReviewFile }> = []
  for (const file of files) {
    const lines = new LineIndex(file.text)
    const fps = fingerprints(file.path, lines, file.findings)
    file.findings.forEach((finding, i) => {
      scoped.push({
        finding,
        fingerprint: fps[i],
        // "Not fully checked" is about the whole file: it counts wherever the change touched it.
        inScope: isNotChecked(finding.rule)
          ? file.diff !== undefined || options.filterMode === 'nofilter'
          : inScope(file.diff, finding.range, options.filterMode),
        review: options.placement?.(finding) ?? 'inline',
        lines,
        file
      })
    })
  }
  const claimed = new Map<string, Set<number>>()
  const claim = (path: string, start: number, end: number): boolean => {
    let set = claimed.get(path)
    if (!set) claimed.set(path, (set = new Set()))
    for (let line = start; line <= end; line++) if (set.has(line)) return false
    for (let line = start; line <= end; line++) set.add(line)
    return true
  }
  const crlf = new Map<ReviewFile, boolean>()
  const isCrlf = (file: ReviewFile): boolean => {
    let value = crlf.get(file)
    if (value === undefined) crlf.set(file, (value = eolOf(file.text) === '\r\n'))
    return value
  }
  const inline: InlineComment[] = []
  const candidates = scoped.filter((s) => s.inScope)
  candidates.sort((a, b) => compareFindings(a.finding, b.finding))
  const context = (s: (typeof scoped)[number], diff: FileDiff) => ({
    path: s.file.path,
    lines: s.lines,
    diff,
    crlf: isCrlf(s.file)
  })
  const render = (s: (typeof scoped)[number], claimLines: CommentOptions['claim']) =>
    renderComment(s.finding, s.fingerprint, context(s, s.file.diff!), {
      docsUrl: options.docsUrl,
      suggestions: options.suggestions,
      claim: claimLines
    })
  // Which findings get a comment: the most severe ones that can be placed, up to the cap.
  const chosen: typeof scoped = []
  for (const s of candidates) {
    const diff = s.file.diff
    if (s.review === 'summary') s.notInline = 'policy'
    else if (!diff || !diff.hasPatch) s.notInline = 'no-patch'
    else if (chosen.length >= options.maxComments) s.notInline = 'limit'
    else if (!render(s, () => true)) s.notInline = 'outside-diff'
    else chosen.push(s)
  }
  // Who gets the one suggestion a line can carry: safe fixes first, then severity, then the
  // smallest change (a one-line fix beats a merge of several lines).
  const priority = (s: (typeof scoped)[number]): number => (s.finding.fix?.safe ? 0 : 1)
  const size = (s: (typeof scoped)[number]): number => {
    const edits = s.finding.fix?.edits ?? []
    if (edits.length === 0) return 0
    return (
      Math.max(...edits.map((e) => e.range.end.line)) -
      Math.min(...edits.map((e) => e.range.start.line))
    )
  }
  chosen.sort(
    (a, b) =>
      priority(a) - priority(b) ||
      compareSeverity(a.finding.severity, b.finding.severity) ||
      size(a) - size(b) ||
      compareFindings(a.finding, b.finding)
  )
  for (const s of chosen) {
    s.comment = render(s, claim)!
    inline.push(s.comment)
  }
  inline.sort(
    (a, b) =>
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line ||
      a.fingerprint.localeCompare(b.fingerprint)
  )
  return {
    findings: scoped.map(({ finding, fingerprint, inScope: scope, review, comment, notInline }) => {
      const out: ScopedFinding = { finding, fingerprint, inScope: scope, review }
      if (comment) out.comment = comment
      if (notInline) out.notInline = notInline
      return out
    }),
    inline
  }
}
