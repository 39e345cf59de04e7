import type { Range } from '../core/types.js'

/**
 * GitHub's per-file `patch` (the `files` list of a pull request or a comparison) → hunks and the
 * head-side (RIGHT) lines a review comment may address. Pure.
 *
 * Only RIGHT lines matter here: suggestions replace head lines, and GitHub accepts `line`/`start_line`
 * on added (`+`) and context (` `) lines of a hunk, both ends in the same hunk.
 */

export interface Hunk {
  /** 0-based position of the hunk in the patch. */
  index: number
  oldStart: number
  oldLines: number
  newStart: number
  newLines: number
}

export interface RightLine {
  hunk: number
  /** `+` line (true) or context line (false). */
  added: boolean
}

export interface FileDiff {
  hunks: Hunk[]
  /** Head line number → where it sits in the diff. Lines absent from the map are not commentable. */
  right: ReadonlyMap<number, RightLine>
  /** False when GitHub sent no patch (binary file, or a diff too large to show). */
  hasPatch: boolean
}

export const EMPTY_DIFF: FileDiff = { hunks: [], right: new Map(), hasPatch: false }

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * Parse a unified-diff fragment as GitHub sends it (`@@` headers, ` `/`+`/`-` lines, optional
 * `\ No newline at end of file`, `\r` kept at line ends for CRLF files). Hunk lengths from the
 * headers decide where a hunk ends, so content that looks like a header is never misread.
 */
export function parsePatch(patch: string | undefined | null): FileDiff {
  if (patch === undefined || patch === null) return EMPTY_DIFF
  const hunks: Hunk[] = []
  const right = new Map<number, RightLine>()
  const lines = patch.split('\n')
  let oldLeft = 0
  let newLeft = 0
  let newLine = 0
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (oldLeft <= 0 && newLeft <= 0) {
      const m = HUNK_HEADER.exec(line)
      if (!m) continue
      const hunk: Hunk = {
        index: hunks.length,
        oldStart: Number(m[1]),
        oldLines: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newLines: m[4] === undefined ? 1 : Number(m[4])
      }
      hunks.push(hunk)
      oldLeft = hunk.oldLines
      newLeft = hunk.newLines
      newLine = hunk.newStart
      continue
    }
    const kind = line[0]
    if (kind === '\\') continue
    const index = hunks.length - 1
    if (kind === '+') {
      right.set(newLine++, { hunk: index, added: true })
      newLeft--
    } else if (kind === '-') {
      oldLeft--
    } else {
      // Context (' '), or an empty line some tools emit for an empty context line.
      right.set(newLine++, { hunk: index, added: false })
      newLeft--
      oldLeft--
    }
  }
  return { hunks, right, hasPatch: true }
}

/** Last line a range touches: an end at column 1 of a later line stops at the line before. */
export function lastLineOf(range: Range): number {
  return range.end.column === 1 && range.end.line > range.start.line
    ? range.end.line - 1
    : range.end.line
}

/** Are all lines `start..end` on the RIGHT side of one hunk? */
export function inOneHunk(diff: FileDiff, start: number, end: number): boolean {
  const first = diff.right.get(start)
  if (!first || end < start) return false
  for (let line = start + 1; line <= end; line++) {
    if (diff.right.get(line)?.hunk !== first.hunk) return false
  }
  return true
}

export interface LineSpan {
  start: number
  end: number
}

/**
 * Where a comment about lines `start..end` can sit: the longest run of those lines inside one hunk,
 * preferring a run that contains an added line. Undefined when no line of the span is commentable.
 */
export function commentSpan(diff: FileDiff, start: number, end: number): LineSpan | undefined {
  let best: (LineSpan & { added: boolean }) | undefined
  let run: (LineSpan & { added: boolean }) | undefined
  const better = (a: LineSpan & { added: boolean }, b: typeof best): boolean =>
    !b || (a.added && !b.added) || (a.added === b.added && a.end - a.start > b.end - b.start)
  for (let line = start; line <= end; line++) {
    const at = diff.right.get(line)
    if (at && run && diff.right.get(run.end)?.hunk === at.hunk && run.end === line - 1) {
      run.end = line
      run.added ||= at.added
    } else {
      if (run && better(run, best)) best = run
      run = at ? { start: line, end: line, added: at.added } : undefined
    }
  }
  if (run && better(run, best)) best = run
  return best && { start: best.start, end: best.end }
}
