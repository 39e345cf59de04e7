import type { LineIndex } from '../core/text.js'
import type { Fix } from '../core/types.js'

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

interface OffsetEdit {
  start: number
  end: number
  text: string
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
