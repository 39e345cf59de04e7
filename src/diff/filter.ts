import type { Range } from '../core/types.js'
import { lastLineOf, type FileDiff } from './patch.js'

/**
 * reviewdog's filter modes: which findings count (for the verdict) and may become inline comments.
 * - `added`: a line of the finding was added by the pull request;
 * - `diff_context`: a line of the finding is in a hunk (added or context);
 * - `file`: the finding is in a file the pull request changed;
 * - `nofilter`: every finding of every linted file.
 */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const
export type FilterMode = (typeof FILTER_MODES)[number]

/**
 * Is a finding with `range` in scope? `diff` is the file's diff when the file is part of the change
 * set, undefined for a file linted only because another file needs it. A changed file whose patch
 * GitHub did not send (a very large diff, a file it thinks binary) has no known changed lines:
 * every finding of it counts, so the check fails closed rather than calling it clean.
 */
export function inScope(diff: FileDiff | undefined, range: Range, mode: FilterMode): boolean {
  if (mode === 'nofilter') return true
  if (!diff) return false
  if (mode === 'file' || !diff.hasPatch) return true
  const first = range.start.line
  const last = lastLineOf(range)
  const counts = (at: { added: boolean } | undefined): boolean =>
    at !== undefined && (mode === 'diff_context' || at.added)
  // Walk whichever is shorter: the finding's lines or the diff's lines.
  if (last - first + 1 > diff.right.size) {
    for (const [line, at] of diff.right)
      if (line >= first && line <= last && counts(at)) return true
    return false
  }
  for (let line = first; line <= last; line++) if (counts(diff.right.get(line))) return true
  return false
}
