import { defineDockerfileRule } from '../define.js'
import type { Instruction } from '../../parse/dockerfile.js'
import { continuationStyle } from './lib/style.js'

function flagsKey(inst: Instruction): string {
  return inst.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join(' ')
}

export const DL3059 = defineDockerfileRule({
  id: 'DL3059',
  aliases: [],
  severity: 'info',
  fixable: true,
  description: 'Multiple consecutive `RUN` instructions. Consider consolidation.',
  check(doc, ctx) {
    const style = continuationStyle(doc)
    for (let k = 1; k < doc.instructions.length; k++) {
      const prev = doc.instructions[k - 1]
      const inst = doc.instructions[k]
      if (prev.keyword !== 'RUN' || inst.keyword !== 'RUN') continue
      if (flagsKey(prev) !== flagsKey(inst)) continue
      const a = doc.shell(prev)
      const b = doc.shell(inst)
      // hadolint: only RUNs of a single command each; chained RUNs were split on purpose.
      if (!a || !b || a.commands.length > 1 || b.commands.length > 1) continue
      const mergeable =
        !a.error &&
        !b.error &&
        prev.heredocs.length === 0 &&
        inst.heredocs.length === 0 &&
        inst.argsSpan
      const prevEnd = prev.textOffsets[prev.text.trimEnd().length - 1] + 1
      const join = style.leadingOperator ? ` ${doc.escape}` : ` && ${doc.escape}`
      const lead = style.leadingOperator ? `${style.indent}&& ` : style.indent
      ctx.report({
        message: 'Consecutive RUN instructions each add a layer; merge them with `&&`.',
        range: inst.keywordSpan.range,
        fix: mergeable
          ? {
              description:
                'Merge this RUN into the previous one with `&& \\` (one layer: a failure or cache miss now re-runs both commands).',
              safe: false,
              edits: [
                { range: doc.span(prevEnd, prevEnd).range, text: join },
                {
                  range: doc.span(doc.lines.lineStart(inst.range.start.line), inst.argsSpan!.start)
                    .range,
                  text: lead
                }
              ]
            }
          : undefined
      })
    }
  }
})
