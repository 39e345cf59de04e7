import { LineIndex } from './text.js'
import type { Finding, Fix, FixEffect, TextEdit } from './types.js'

/** The fix with its declared effect (undefined stays undefined). */
export function withEffect(fix: Fix | undefined, effect: FixEffect): Fix | undefined {
  return fix && { ...fix, effect }
}

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

/**
 * A fix (offset edits over the head file) as GitHub wants a suggestion: whole head lines
 * `startLine..endLine` replaced by `after`. An insertion anchors on an existing line and repeats
 * it; a deletion has no `after` lines. Line terminators are not part of the lines (`\r` of CRLF
 * files included). Pure.
 */
export interface LineChange {
  startLine: number
  endLine: number
  before: string[]
  after: string[]
}

const CR_AT_END = /\r$/

function toLines(region: string): string[] {
  if (region === '') return []
  const body = region.endsWith('\n') ? region.slice(0, -1) : region
  return body.split('\n').map((line) => line.replace(CR_AT_END, ''))
}

/** Undefined when the fix is empty, its edits overlap, or it changes nothing. */
export function fixToLines(lines: LineIndex, fix: Fix): LineChange | undefined {
  const text = lines.text
  const edits: OffsetEdit[] = fix.edits
    .map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      text: e.text
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  if (edits.length === 0) return undefined
  for (let i = 1; i < edits.length; i++) if (edits[i].start < edits[i - 1].end) return undefined
  const from = edits[0].start
  const to = Math.max(...edits.map((e) => e.end))
  const count = lines.lineCount
  // The phantom line after a final newline is not a line GitHub shows: anchor on the one before.
  const lastReal = count > 1 && text.endsWith('\n') ? count - 1 : count
  let first = Math.min(lines.position(from).line, lastReal)
  const endPos = lines.position(to)
  let last = to > from && endPos.column === 1 && endPos.line > first ? endPos.line - 1 : endPos.line
  last = Math.min(Math.max(last, first), lastReal)
  first = Math.min(first, last)
  for (;;) {
    const regionStart = lines.lineStart(first)
    const regionEnd = last < count ? lines.lineStart(last + 1) : text.length
    let replaced = ''
    let pos = regionStart
    for (const e of edits) {
      replaced += text.slice(pos, e.start) + e.text
      pos = e.end
    }
    replaced += text.slice(pos, regionEnd)
    const original = text.slice(regionStart, regionEnd)
    // An edit that ate the region's final line break joins the next line in: take that line too.
    if (original.endsWith('\n') && replaced !== '' && !replaced.endsWith('\n') && last < lastReal) {
      last++
      continue
    }
    const before = toLines(original)
    const after = toLines(replaced)
    if (before.length === after.length && before.every((line, i) => line === after[i])) {
      return undefined
    }
    return { startLine: first, endLine: last, before, after }
  }
}
