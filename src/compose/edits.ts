import { parse, type Scalar } from 'yaml'
import { eolOf } from '../core/text.js'
import type { TextEdit } from '../core/types.js'
import type { ComposeDoc } from '../parse/compose.js'

/**
 * Minimal text edits over the original compose text. Nothing is re-printed: an edit replaces
 * exactly the characters it must, so comments, key order, quoting, indentation and line endings
 * elsewhere stay byte-identical.
 */

export function replaceEdit(doc: ComposeDoc, start: number, end: number, text: string): TextEdit {
  return { range: doc.rangeOf(start, end), text }
}

/** Could `value` be written as a plain scalar and still read back as the same string? */
export function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim()) return false
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^[-?:][^\s]/.test(value)) return false
  if (/:(\s|$)|\s#|[\n\r\t]/.test(value)) return false
  try {
    return parse(value, { logLevel: 'error' }) === value
  } catch {
    return false
  }
}

/** Render a string in a scalar style (`PLAIN` falls back to double quotes when it must). */
export function renderScalar(value: string, style: Scalar.Type | undefined): string {
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`
  if (style === 'QUOTE_DOUBLE') return JSON.stringify(value)
  return isPlainSafe(value) ? value : JSON.stringify(value)
}

/** Replace a scalar's text with a new string value, keeping its quoting style. */
export function replaceScalar(
  doc: ComposeDoc,
  node: Scalar,
  value: string,
  style: Scalar.Type | undefined = node.type
): TextEdit | undefined {
  const r = node.range
  if (!r || (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE')) {
    return undefined
  }
  return replaceEdit(doc, r[0], r[1], renderScalar(value, style))
}

/** The source text of a scalar equals its value (no escapes, no folding): safe to splice into. */
export function spliceable(doc: ComposeDoc, node: Scalar): boolean {
  const r = node.range
  if (!r || typeof node.value !== 'string') return false
  const raw = doc.text.slice(r[0], r[1])
  if (node.type === 'PLAIN') return raw === node.value
  if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
    return raw.slice(1, -1) === node.value
  return false
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(doc: ComposeDoc, offset: number): number {
  return doc.text.lastIndexOf('\n', offset - 1) + 1
}

/** Offset just past the line terminator of the line holding `offset` (or the end of the text). */
export function nextLineStart(doc: ComposeDoc, offset: number): number {
  const nl = doc.text.indexOf('\n', offset)
  return nl === -1 ? doc.text.length : nl + 1
}

/** Offset of the end of the line's content (before `\r\n` / `\n`). */
export function lineContentEnd(doc: ComposeDoc, offset: number): number {
  const nl = doc.text.indexOf('\n', offset)
  if (nl === -1) return doc.text.length
  return nl > 0 && doc.text[nl - 1] === '\r' ? nl - 1 : nl
}

/** Column (0-based) of an offset within its line. */
export function columnOf(doc: ComposeDoc, offset: number): number {
  return offset - lineStart(doc, offset)
}

/** Is everything before `offset` on its line whitespace? */
export function startsLine(doc: ComposeDoc, offset: number): boolean {
  return doc.text.slice(lineStart(doc, offset), offset).trim() === ''
}

/**
 * Delete the whole lines spanning `[start, end)` (with their line terminators, and any trailing
 * comment on the last line). Falls back to deleting just the span when other content shares the
 * first line.
 */
export function deleteLines(doc: ComposeDoc, start: number, end: number): TextEdit {
  const from = lineStart(doc, start)
  if (!startsLine(doc, start)) return replaceEdit(doc, start, end, '')
  const last = Math.max(start, end - 1)
  return replaceEdit(doc, from, nextLineStart(doc, last), '')
}

/** Insert lines after the line holding `offset` (each line given without terminator). */
export function insertLinesAfter(doc: ComposeDoc, offset: number, lines: string[]): TextEdit {
  const eol = eolOf(doc.text)
  const at = lineContentEnd(doc, offset)
  return replaceEdit(doc, at, at, lines.map((l) => eol + l).join(''))
}

export function eol(doc: ComposeDoc): string {
  return eolOf(doc.text)
}
