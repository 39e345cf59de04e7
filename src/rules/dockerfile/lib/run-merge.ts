import type { TextEdit } from '../../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'
import { continuationStyle } from './style.js'

/**
 * Merging two RUN instructions into one layer, the way the file already writes continued RUNs
 * (` && \` at the line end or `&& ` leading the next line, same indentation).
 */

function flagsKey(inst: Instruction): string {
  return inst.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join(' ')
}

/** The instruction that comes right before `inst` (comments and blank lines do not count). */
export function previousInstruction(
  doc: DockerfileDoc,
  inst: Instruction
): Instruction | undefined {
  const k = doc.instructions.indexOf(inst)
  return k > 0 ? doc.instructions[k - 1] : undefined
}

/** The instruction right after `inst`. */
export function nextInstruction(doc: DockerfileDoc, inst: Instruction): Instruction | undefined {
  const k = doc.instructions.indexOf(inst)
  return k >= 0 ? doc.instructions[k + 1] : undefined
}

/** Can `second` be appended to `first` with `&&` without changing what either runs? */
export function mergeable(doc: DockerfileDoc, first: Instruction, second: Instruction): boolean {
  if (first.keyword !== 'RUN' || second.keyword !== 'RUN') return false
  if (first.onbuild || second.onbuild || first.stage !== second.stage) return false
  if (first.heredocs.length > 0 || second.heredocs.length > 0) return false
  if (first.json || second.json || !second.argsSpan) return false
  if (flagsKey(first) !== flagsKey(second)) return false
  const a = doc.shell(first)
  const b = doc.shell(second)
  if (!a || !b || a.error || b.error || a.commands.length === 0) return false
  const tail = first.text.trimEnd()
  // A trailing `;`/`&`/`|` or a shell comment on the first RUN would swallow the `&&`.
  if (/[;&|]$/.test(tail) || /(^|\s)#/.test(first.text)) return false
  return true
}

/** Edits that append `second`'s commands to `first` and remove `second`'s own `RUN` line start. */
export function mergeEdits(
  doc: DockerfileDoc,
  first: Instruction,
  second: Instruction
): TextEdit[] {
  const style = continuationStyle(doc)
  const end = first.textOffsets[first.text.trimEnd().length - 1] + 1
  const join = style.leadingOperator ? ` ${doc.escape}` : ` && ${doc.escape}`
  const lead = style.leadingOperator ? `${style.indent}&& ` : style.indent
  const edits: TextEdit[] = [{ range: doc.span(end, end).range, text: join }]
  // Blank lines between the two would become empty continuation lines: drop them.
  for (let line = first.range.end.line + 1; line < second.range.start.line; line++) {
    if (doc.lines.lineText(line).trim() !== '') continue
    edits.push({
      range: doc.span(doc.lines.lineStart(line), doc.lines.lineStart(line + 1)).range,
      text: ''
    })
  }
  edits.push({
    range: doc.span(doc.lines.lineStart(second.range.start.line), second.argsSpan!.start).range,
    text: lead
  })
  return edits
}
