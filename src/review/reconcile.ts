import type { InlineComment } from './comment.js'
import { isSummaryBody, parseInlineMarker, sameBody } from './marker.js'

/**
 * What to change so that the pull request shows exactly the wanted comments: keep what is already
 * there, update bodies that changed, create what is missing, and remove our comments whose finding
 * is gone — deleted when nobody replied, the thread resolved when a human did. Only comments the
 * token's identity authored are ever considered. Pure.
 */

/** A review thread as read from GitHub, first comment first. */
export interface ExistingThread {
  /** GraphQL id (`PRRT_…`). */
  id: string
  isResolved: boolean
  path: string
  /** Current RIGHT line; null when the thread is outdated. */
  line: number | null
  startLine: number | null
  comments: ExistingThreadComment[]
}

export interface ExistingThreadComment {
  /** GraphQL id (`PRRC_…`). */
  id: string
  databaseId: number | null
  body: string
  viewerDidAuthor: boolean
}

/** One of our inline comments found on the pull request. */
export interface OwnComment {
  id: string
  databaseId: number | null
  threadId: string
  fingerprint: string
  /** With the other findings of a grouped thread (the marker's `also=`). */
  fingerprints: string[]
  path: string
  line: number | null
  startLine: number | null
  body: string
  isResolved: boolean
  /** Someone other than us wrote in the thread. */
  humanReplies: boolean
}

export interface ReconcilePlan {
  keep: Array<{ wanted: InlineComment; existing: OwnComment }>
  update: Array<{ wanted: InlineComment; existing: OwnComment }>
  create: InlineComment[]
  /** Stale, nobody replied: delete. */
  remove: OwnComment[]
  /** Stale with human replies: resolve the thread (already resolved ones are left alone). */
  resolve: OwnComment[]
}

/** Our inline comments among the threads: first comment authored by us and ending in our marker. */
export function ownComments(threads: readonly ExistingThread[]): OwnComment[] {
  const out: OwnComment[] = []
  for (const thread of threads) {
    const [first, ...replies] = thread.comments
    if (!first || !first.viewerDidAuthor) continue
    const marker = parseInlineMarker(first.body)
    if (!marker) continue
    out.push({
      id: first.id,
      databaseId: first.databaseId,
      threadId: thread.id,
      fingerprint: marker.fingerprint,
      fingerprints: [marker.fingerprint, ...marker.also],
      path: thread.path,
      line: thread.line,
      startLine: thread.startLine,
      body: first.body,
      isResolved: thread.isResolved,
      humanReplies: replies.some((c) => !c.viewerDidAuthor)
    })
  }
  return out
}

function sameLocation(wanted: InlineComment, existing: OwnComment): boolean {
  return (
    existing.line !== null &&
    existing.path === wanted.path &&
    existing.line === wanted.line &&
    (existing.startLine ?? existing.line) === (wanted.startLine ?? wanted.line)
  )
}

export function reconcile(
  wanted: readonly InlineComment[],
  existing: readonly OwnComment[]
): ReconcilePlan {
  const plan: ReconcilePlan = { keep: [], update: [], create: [], remove: [], resolve: [] }
  const byFingerprint = new Map<string, OwnComment[]>()
  for (const comment of existing) {
    for (const fp of comment.fingerprints) {
      const list = byFingerprint.get(fp)
      if (list) list.push(comment)
      else byFingerprint.set(fp, [comment])
    }
  }
  const used = new Set<OwnComment>()
  for (const w of wanted) {
    // A grouped thread matches by any finding it carries: fixing one of them keeps the thread.
    const match = (w.fingerprints ?? [w.fingerprint])
      .flatMap((fp) => byFingerprint.get(fp) ?? [])
      .find((c) => !used.has(c) && sameLocation(w, c))
    if (!match) {
      plan.create.push(w)
      continue
    }
    used.add(match)
    if (sameBody(match.body, w.body)) plan.keep.push({ wanted: w, existing: match })
    else plan.update.push({ wanted: w, existing: match })
  }
  for (const comment of existing) {
    if (used.has(comment)) continue
    if (!comment.humanReplies) plan.remove.push(comment)
    else if (!comment.isResolved) plan.resolve.push(comment)
  }
  return plan
}

/** An issue comment on the pull request's conversation. */
export interface ExistingIssueComment {
  id: string
  databaseId: number | null
  body: string
  viewerDidAuthor: boolean
}

export interface SummaryPlan {
  /** The sticky comment to update (or keep, when `unchanged`). */
  target?: ExistingIssueComment
  unchanged: boolean
  create: boolean
  /** Extra copies of our sticky comment (earlier races) to delete. */
  duplicates: ExistingIssueComment[]
}

/**
 * The sticky summary: update ours in place (the oldest copy) and delete other copies. A missing one
 * is created only when `worthCreating` (a clean pull request gets no "all clear" comment unless an
 * earlier run already posted findings there).
 */
export function reconcileSummary(
  wanted: string,
  worthCreating: boolean,
  comments: readonly ExistingIssueComment[]
): SummaryPlan {
  const ours = comments.filter((c) => c.viewerDidAuthor && isSummaryBody(c.body))
  const [target, ...duplicates] = ours
  if (!target) return { unchanged: !worthCreating, create: worthCreating, duplicates }
  return { target, unchanged: sameBody(target.body, wanted), create: false, duplicates }
}
