import { eolOf } from '../../../core/text.js'
import type { TextEdit } from '../../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'

/** Text edits over whole instructions and lines, keeping the file's line endings. */

/** The line terminator used by the line `line` (falls back to the file's dominant one). */
export function eolAt(doc: DockerfileDoc, line: number): string {
  const end = doc.lines.lineEnd(line)
  if (doc.text[end] === '\r' && doc.text[end + 1] === '\n') return '\r\n'
  if (doc.text[end] === '\n') return '\n'
  return eolOf(doc.text)
}

/** Delete an instruction's lines, line terminators included. */
export function deleteInstruction(doc: DockerfileDoc, inst: Instruction): TextEdit {
  const top = inst.onbuild ?? inst
  const first = top.range.start.line
  const last = top.range.end.line
  let start = doc.lines.lineStart(first)
  let end = last < doc.lines.lineCount ? doc.lines.lineStart(last + 1) : doc.text.length
  if (end === doc.text.length && last >= doc.lines.lineCount && first > 1) {
    // Last line without a terminator: take the terminator before it instead.
    start = doc.lines.lineEnd(first - 1)
    end = doc.text.length
  }
  return { range: doc.span(start, end).range, text: '' }
}

/**
 * Insert a whole line before the instruction, with its indentation — above the comment lines
 * directly on top of it, so a `# hadolint ignore=` pragma keeps applying to the instruction.
 */
export function insertLineBefore(doc: DockerfileDoc, inst: Instruction, line: string): TextEdit {
  const top = inst.onbuild ?? inst
  let lineNo = top.range.start.line
  while (lineNo > 1 && /^\s*#/.test(doc.lines.lineText(lineNo - 1))) {
    if (doc.directives.some((d) => d.range.start.line === lineNo - 1)) break
    lineNo--
  }
  const start = doc.lines.lineStart(lineNo)
  const indent = /^[ \t]*/.exec(doc.lines.lineText(lineNo))![0]
  const at = doc.lines.position(start)
  return { range: { start: at, end: at }, text: `${indent}${line}${eolAt(doc, lineNo)}` }
}

/**
 * A double-quoted Dockerfile word holding `value` literally: the escape character, `"` and `$`
 * are escaped with the file's escape character (`\` or `` ` ``).
 */
export function quoteWord(doc: DockerfileDoc, value: string): string {
  const e = doc.escape
  let out = ''
  for (const c of value) out += c === e || c === '"' || c === '$' ? e + c : c
  return `"${out}"`
}
