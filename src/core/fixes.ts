import { LineIndex } from './text.js'
import type { Finding, Fix, TextEdit } from './types.js'

/** A fix's edits as offset intervals over the text it was computed on. */
interface OffsetEdit {
  start: number
  end: number
  text: string
}

function toOffsets(lines: LineIndex, edits: TextEdit[]): OffsetEdit[] {
  return edits
    .map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      text: e.text
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true
  // Two edits at the same point (an insertion touching another edit's boundary) have no defined order.
  return a.start === b.start || (a.start === a.end && (a.start === b.end || a.start === b.start))
}

export interface ApplyResult {
  text: string
  applied: Fix[]
  /** Fixes left out because they overlap one applied earlier (ESLint's rule: first one wins). */
  skipped: Fix[]
}

/**
 * Apply non-overlapping fixes in one pass (ESLint's SourceCodeFixer). Each fix is atomic: all of
 * its edits or none. Fixes are taken in order of their first edit; a fix that overlaps one already
 * taken, or whose own edits overlap, is skipped for this pass.
 */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const lines = new LineIndex(text)
  const candidates = fixes
    .map((fix) => ({ fix, edits: toOffsets(lines, fix.edits) }))
    .filter((c) => c.edits.length > 0)
    .sort((a, b) => a.edits[0].start - b.edits[0].start || a.edits[0].end - b.edits[0].end)
  const taken: OffsetEdit[] = []
  const applied: Fix[] = []
  const skipped: Fix[] = []
  for (const c of candidates) {
    const selfOverlap = c.edits.some((e, i) => i > 0 && overlaps(c.edits[i - 1], e))
    if (selfOverlap || c.edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      skipped.push(c.fix)
      continue
    }
    taken.push(...c.edits)
    applied.push(c.fix)
  }
  taken.sort((a, b) => a.start - b.start)
  let out = ''
  let pos = 0
  for (const e of taken) {
    out += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  out += text.slice(pos)
  return { text: out, applied, skipped }
}

export const MAX_FIX_PASSES = 10

export interface FixLoopResult {
  text: string
  passes: number
  /** Fixes applied over all passes. */
  fixed: Finding[]
}

/**
 * Lint, apply the fixes that `select` accepts, and repeat until nothing changes (at most
 * MAX_FIX_PASSES passes, like ESLint).
 */
export function fixUntilStable(
  text: string,
  lint: (text: string) => Finding[],
  select: (finding: Finding) => boolean = (f) => f.fix?.safe === true
): FixLoopResult {
  let current = text
  const fixed: Finding[] = []
  let passes = 0
  while (passes < MAX_FIX_PASSES) {
    const findings = lint(current).filter((f) => f.fix && select(f))
    if (findings.length === 0) break
    const byFix = new Map(findings.map((f) => [f.fix!, f]))
    const result = applyFixes(
      current,
      findings.map((f) => f.fix!)
    )
    passes++
    if (result.applied.length === 0 || result.text === current) break
    fixed.push(...result.applied.map((fx) => byFix.get(fx)!))
    current = result.text
  }
  return { text: current, passes, fixed }
}

export interface LineChange {
  /** 1-based first and last line (inclusive) of the original text the fix touches. */
  startLine: number
  endLine: number
  /** Those lines as they are (without terminators). */
  before: string[]
  /** Their complete replacement (may be empty: the fix deletes whole lines). */
  after: string[]
}

/**
 * A fix widened to whole lines: the lines its edits touch, and what they become. This is the
 * shape of a GitHub suggestion (`start_line`..`line` replaced by the block) and of a diff view.
 * A pure insertion at the start of a line still names that line (the anchor), repeated in `after`.
 */
export function fixToLines(text: string, fix: Fix): LineChange | undefined {
  if (fix.edits.length === 0) return undefined
  const lines = new LineIndex(text)
  const offsets = toOffsets(lines, fix.edits)
  const first = offsets[0]
  const last = offsets.reduce((a, e) => (e.end > a.end ? e : a), offsets[0])
  const startLine = lines.position(first.start).line
  let endLine = lines.position(last.end).line
  // An edit that ends exactly at the start of a line (deleting a whole line with its break) does
  // not touch that line.
  if (last.end > first.start && lines.position(last.end).column === 1 && endLine > startLine)
    endLine--
  const from = lines.lineStart(startLine)
  const to = lines.lineEnd(endLine)
  const next = endLine < lines.lineCount ? lines.lineStart(endLine + 1) : text.length
  const eol = text.slice(to, next)
  let replaced = ''
  let pos = from
  for (const e of offsets) {
    replaced += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  replaced += text.slice(pos, next)
  const body = eol && replaced.endsWith(eol) ? replaced.slice(0, -eol.length) : replaced
  const after = body === '' && eol ? [] : body.split(/\r?\n/)
  return {
    startLine,
    endLine,
    before: text.slice(from, to).split(/\r?\n/),
    after
  }
}
