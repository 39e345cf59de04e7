import { isNotChecked } from '../core/not-checked.js'
import { compareSeverity } from '../core/severity.js'
import { compareText, eolOf, LineIndex } from '../core/text.js'
import type { Finding } from '../core/types.js'
import { inScope, type FilterMode } from '../diff/filter.js'
import type { FileDiff } from '../diff/patch.js'
import type { FileResult } from '../lint/engine.js'
import { renderComment, renderGroup, type CommentOptions, type InlineComment } from './comment.js'
import { fingerprints } from './fingerprint.js'
import { parseDockerfile, type DockerfileDoc } from '../dockerfile/model.js'
import type { ReviewPlacement } from './policy.js'
import { firstAdded, isRollUp, ownerOf, ownerSpans } from './rollup.js'
import { sameFixLeads } from './same-fix.js'

/**
 * From lint results and diffs to what the review should contain: every finding with its
 * fingerprint and scope, and the inline comments (most severe first, at most `maxComments`). Pure.
 */

/**
 * The one result type from lint to review: the engine's result for a file (path, kind, findings,
 * errors) with what the review needs besides — the head text and the file's diff.
 */
export interface ReviewFile extends FileResult {
  /** Head content. */
  text: string
  /** The file's diff when it is part of the change set. */
  diff?: FileDiff
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
  /**
   * A roll-up (an absence check of a whole compose service or Dockerfile stage) whose service or
   * stage the pull request does not change.
   */
  | 'untouched'

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
  /**
   * The fingerprint of the finding (another rule's) whose fix makes the same change: both are one
   * item of the review (one thread entry, one suggestion, one summary row).
   */
  sameFixAs?: string
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
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.rule, b.rule)
  )
}

/** A finding while the review is drafted. */
interface Draft extends ScopedFinding {
  lines: LineIndex
  file: ReviewFile
  /**
   * The finding as its comment places it: itself, or — a roll-up whose own line is not in the
   * diff — moved to the first line the pull request added to its service or stage.
   */
  at: Finding
  /** A roll-up's service or stage was changed by the pull request (always true for others). */
  touched: boolean
  /** The finding whose fix makes the same change (see `sameFixAs`). */
  lead?: Draft
}

export function draftReview(files: readonly ReviewFile[], options: DraftOptions): ReviewDraft {
  const models = fileModels()
  const scoped: Draft[] = []
  for (const file of files) scoped.push(...draftFile(file, options, models))
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
  const context = (s: Draft, diff: FileDiff) => ({
    path: s.file.path,
    lines: s.lines,
    diff,
    crlf: isCrlf(s.file)
  })
  const render = (s: Draft, claimLines: CommentOptions['claim']) =>
    renderComment(s.at, s.fingerprint, context(s, s.file.diff!), {
      docsUrl: options.docsUrl,
      suggestions: options.suggestions,
      claim: claimLines
    })
  // One thread per instruction: findings on the same instruction share a comment; a finding whose
  // fix is the same change as a more severe one's joins that one's thread.
  const keyOf = threadKeys(models)
  const keys = new Map<Draft, string>()
  // Which findings get a comment: the most severe ones that can be placed, up to the cap (which
  // counts threads).
  const threads = new Map<string, Draft[]>()
  for (const s of candidates) {
    const diff = s.file.diff
    const key = !diff?.hasPatch ? '' : ((s.lead && keys.get(s.lead)) ?? keyOf(s.file, s.at))
    if (s.review === 'summary') s.notInline = 'policy'
    else if (!diff || !diff.hasPatch) s.notInline = 'no-patch'
    else if (!s.touched) s.notInline = 'untouched'
    else if (!threads.has(key) && threads.size >= options.maxComments) s.notInline = 'limit'
    else if (!render(s, () => true)) s.notInline = 'outside-diff'
    else {
      keys.set(s, key)
      const members = threads.get(key)
      if (members) members.push(s)
      else threads.set(key, [s])
    }
  }
  // Who gets the one suggestion a line can carry: safe fixes first, then severity, then the
  // smallest change (a one-line fix beats a merge of several lines).
  const priority = (s: Draft): number => (s.finding.fix?.safe ? 0 : 1)
  const size = (s: Draft): number => {
    const edits = s.finding.fix?.edits ?? []
    if (edits.length === 0) return 0
    return (
      Math.max(...edits.map((e) => e.range.end.line)) -
      Math.min(...edits.map((e) => e.range.start.line))
    )
  }
  const byClaim = (a: Draft, b: Draft): number =>
    priority(a) - priority(b) ||
    compareSeverity(a.finding.severity, b.finding.severity) ||
    size(a) - size(b) ||
    compareFindings(a.finding, b.finding)
  const units = [...threads.values()].map((members) => ({
    members: members.sort((a, b) => compareFindings(a.finding, b.finding)),
    lead: [...members].sort(byClaim)[0]
  }))
  units.sort((a, b) => byClaim(a.lead, b.lead))
  for (const { members } of units) {
    const first = members[0]
    const comment =
      members.length === 1
        ? render(first, claim)!
        : (renderGroup(
            members.map((m) => ({
              finding: m.at,
              fingerprint: m.fingerprint,
              ...(m.lead && members.includes(m.lead) ? { sameFixAs: m.lead.fingerprint } : {})
            })),
            context(first, first.file.diff!),
            { docsUrl: options.docsUrl, suggestions: options.suggestions, claim }
          ) ?? render(first, claim)!)
    for (const s of members) s.comment = comment
    inline.push(comment)
  }
  inline.sort(
    (a, b) =>
      compareText(a.path, b.path) || a.line - b.line || compareText(a.fingerprint, b.fingerprint)
  )
  return {
    findings: scoped.map((s) => {
      const out: ScopedFinding = {
        finding: s.finding,
        fingerprint: s.fingerprint,
        inScope: s.inScope,
        review: s.review
      }
      if (s.comment) out.comment = s.comment
      if (s.notInline) out.notInline = s.notInline
      if (s.sameFixAs) out.sameFixAs = s.sameFixAs
      return out
    }),
    inline
  }
}

/**
 * One file's findings with fingerprint, scope, placement and same-fix lead. A roll-up's scope is
 * its service's or stage's lines (the finding is about all of them): it counts, and may go inline,
 * when the pull request changes that service or stage; its comment sits on its own line when that
 * line is in the diff, else on the first line the pull request added to the service or stage.
 */
function draftFile(file: ReviewFile, options: DraftOptions, models: FileModels): Draft[] {
  const lines = new LineIndex(file.text)
  const fps = fingerprints(file.path, lines, file.findings)
  const leads = sameFixLeads(file.text, file.findings, compareFindings)
  let owners: ReturnType<typeof ownerSpans> | undefined
  const drafts = file.findings.map((finding, i): Draft => {
    const owner = isRollUp(finding.rule)
      ? ownerOf((owners ??= ownerSpans(file, models.dockerfile(file))), finding.range.start.line)
      : undefined
    const range = owner
      ? {
          start: { line: owner.start, column: 1 },
          end: { line: owner.end, column: lines.lineText(owner.end).length + 1 }
        }
      : finding.range
    const added = owner && firstAdded(file.diff, owner)
    const own = finding.range.start.line
    const at =
      added === undefined || file.diff?.right.has(own)
        ? finding
        : {
            ...finding,
            range: { start: { line: added, column: 1 }, end: { line: added, column: 1 } }
          }
    return {
      finding,
      fingerprint: fps[i],
      // "Not fully checked" is about the whole file: it counts wherever the change touched it.
      inScope: isNotChecked(finding.rule)
        ? file.diff !== undefined || options.filterMode === 'nofilter'
        : inScope(file.diff, range, options.filterMode),
      review: options.placement?.(finding) ?? 'inline',
      lines,
      file,
      at,
      touched: owner === undefined || added !== undefined
    }
  })
  leads.forEach((lead, i) => {
    if (lead < 0) return
    drafts[i].lead = drafts[lead]
    drafts[i].sameFixAs = fps[lead]
  })
  return drafts
}

interface FileModels {
  /** The Dockerfile model of a Dockerfile (undefined when it does not parse), parsed once. */
  dockerfile(file: ReviewFile): DockerfileDoc | undefined
}

function fileModels(): FileModels {
  const docs = new Map<ReviewFile, DockerfileDoc | undefined>()
  return {
    dockerfile(file) {
      if (file.kind !== 'dockerfile') return undefined
      if (!docs.has(file)) {
        try {
          docs.set(file, parseDockerfile(file.path, file.text))
        } catch {
          docs.set(file, undefined)
        }
      }
      return docs.get(file)
    }
  }
}

/**
 * Which thread a finding belongs to: its instruction in a Dockerfile (the first line of the
 * instruction holding its first line), its first line in a compose file.
 */
function threadKeys(models: FileModels): (file: ReviewFile, finding: Finding) => string {
  const starts = new Map<ReviewFile, Map<number, number>>()
  const startsOf = (file: ReviewFile): Map<number, number> => {
    let map = starts.get(file)
    if (map) return map
    map = new Map()
    // Unparseable: every finding keeps its own thread (line keys below).
    for (const inst of models.dockerfile(file)?.instructions ?? []) {
      for (let line = inst.range.start.line; line <= inst.range.end.line; line++) {
        map.set(line, inst.range.start.line)
      }
    }
    starts.set(file, map)
    return map
  }
  return (file, finding) => {
    const line = finding.range.start.line
    return `${file.path}\u0000${startsOf(file).get(line) ?? line}`
  }
}
