import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import type { Fix } from '../../core/types.js'
import { continuationStyle, type ContinuationStyle } from './lib/style.js'

function flagsKey(inst: Instruction): string {
  return inst.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join(' ')
}

/**
 * Merge `inst` into `prev`: ` && \` (or ` \` + `&& ` in leading-operator files) at the end of
 * `prev`, comment lines in between kept, blank lines dropped (an empty continuation line is
 * deprecated syntax), and `inst`'s keyword and flags replaced by the file's indentation.
 */
function mergeFix(
  doc: DockerfileDoc,
  prev: Instruction,
  inst: Instruction,
  style: ContinuationStyle
): Fix {
  const prevEnd = prev.textOffsets[prev.text.trimEnd().length - 1] + 1
  const firstLine = inst.range.start.line
  const between: string[] = []
  for (let line = prev.range.end.line + 1; line < firstLine; line++) {
    const text = doc.lines.lineText(line)
    if (text.trim() !== '')
      between.push(text + doc.text.slice(doc.lines.lineEnd(line), doc.lines.lineStart(line + 1)))
  }
  const eolStart = doc.lines.lineEnd(prev.range.end.line)
  const eol = doc.text.slice(eolStart, doc.lines.lineStart(prev.range.end.line + 1))
  const join = style.leadingOperator ? ` ${doc.escape}` : ` && ${doc.escape}`
  const lead = style.leadingOperator ? `${style.indent}&& ` : style.indent
  return {
    description:
      'Merge this RUN into the previous one with `&& \\` (one layer: a failure or cache miss now re-runs both commands).',
    safe: false,
    edits: [
      {
        range: doc.span(prevEnd, inst.argsSpan!.start).range,
        text: `${join}${eol}${between.join('')}${lead}`
      }
    ]
  }
}

export const DL3059 = defineDockerfileRule({
  id: 'DL3059',
  aliases: [],
  severity: 'info',
  fixable: true,
  description: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
  check(doc, ctx) {
    let style: ContinuationStyle | undefined
    for (let k = 1; k < doc.instructions.length; k++) {
      const prev = doc.instructions[k - 1]
      const inst = doc.instructions[k]
      if (prev.keyword !== 'RUN' || inst.keyword !== 'RUN') continue
      // Layers of build stages never reach the image; separate RUNs there keep the cache fine-grained.
      if (inst.stage && !inst.stage.inFinalImage) continue
      // A heredoc is already a consolidated script.
      if (prev.heredocs.length > 0 || inst.heredocs.length > 0) continue
      if (flagsKey(prev) !== flagsKey(inst)) continue
      const a = doc.shell(prev)
      const b = doc.shell(inst)
      // hadolint: only RUNs of a single command each; chained RUNs were split on purpose.
      if (!a || !b || a.commands.length > 1 || b.commands.length > 1) continue
      const mergeable =
        !a.error && !b.error && inst.argsSpan !== undefined && prev.text.trim() !== ''
      style ??= continuationStyle(doc)
      ctx.report({
        message: 'Consecutive RUN instructions each add a layer; merge them with `&&`.',
        range: inst.keywordSpan.range,
        fix: mergeable ? mergeFix(doc, prev, inst, style) : undefined
      })
    }
  }
})
