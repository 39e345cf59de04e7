import type { Position, Range } from './types.js'

/**
 * Offset ↔ position conversion over one text. Lines break at `\n`; a `\r` before it belongs to the
 * line terminator, so CRLF files get the same columns as LF files.
 */
export class LineIndex {
  /** Offset of the first character of each line (0-based line index). */
  readonly starts: number[]

  constructor(readonly text: string) {
    const starts = [0]
    let i = text.indexOf('\n')
    while (i !== -1) {
      starts.push(i + 1)
      i = text.indexOf('\n', i + 1)
    }
    this.starts = starts
  }

  get lineCount(): number {
    return this.starts.length
  }

  /** 0-based offset → 1-based position. Offsets past the end clamp to the end. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length))
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid] <= o) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 }
  }

  /** 1-based position → 0-based offset. Columns past the line end clamp to the line end. */
  offset(pos: Position): number {
    if (pos.line < 1) return 0
    if (pos.line > this.starts.length) return this.text.length
    const start = this.starts[pos.line - 1]
    const end = this.lineEnd(pos.line)
    return Math.min(start + Math.max(0, pos.column - 1), end)
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) }
  }

  /** Offset just past the last content character of a line (before `\r\n` / `\n`). */
  lineEnd(line: number): number {
    if (line >= this.starts.length) return this.text.length
    const newline = this.starts[line] - 1
    return newline > this.starts[line - 1] && this.text[newline - 1] === '\r'
      ? newline - 1
      : newline
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length) - 1)]
  }

  /** Text of a 1-based line without its terminator. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line))
  }
}

let eolText: string | undefined
let eolResult: '\r\n' | '\n' = '\n'

/**
 * The dominant line terminator of a text, for edits that insert new lines. Rules ask once per fix,
 * always about the same file: the last answer is remembered (a file with thousands of fixes must
 * not be scanned thousands of times).
 */
export function eolOf(text: string): '\r\n' | '\n' {
  if (text === eolText) return eolResult
  let lf = 0
  let crlf = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lf++
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++
  }
  eolText = text
  eolResult = lf > 0 && crlf * 2 > lf ? '\r\n' : '\n'
  return eolResult
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column
}

export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start) || comparePositions(a.end, b.end)
}

/**
 * Strings in code-unit order: the same on every machine, unlike `localeCompare`, whose order
 * follows the process's locale (and whose first call loads ICU's collation data, ~5 ms of a
 * one-file run).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * File names as people list them — letters regardless of case, then code-unit order to break ties
 * — the same on every machine (a locale's collation is not).
 */
export function compareNames(a: string, b: string): number {
  return compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b)
}
