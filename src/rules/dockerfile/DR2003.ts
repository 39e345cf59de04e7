import type { TextEdit } from '../../core/types.js'
import { defineDockerfileRule } from '../define.js'

const BLANK_LINE = /\n[ \t]*\r?\n/

export const DR2003 = defineDockerfileRule({
  id: 'DR2003',
  aliases: ['NoEmptyContinuation'],
  severity: 'warning',
  fixable: true,
  description:
    'Empty lines inside a continued instruction are deprecated (BuildKit NoEmptyContinuation).',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      const first = inst.range.start.line
      const last = inst.range.end.line
      if (last === first || !BLANK_LINE.test(doc.text.slice(inst.start, inst.end))) continue
      const bodies = [...inst.heredocs, ...(inst.trigger?.heredocs ?? [])]
      const empty: number[] = []
      for (let line = first + 1; line < last; line++) {
        const start = doc.lines.lineStart(line)
        if (bodies.some((h) => start >= h.contentStart && start < h.contentEnd)) continue
        if (bodies.some((h) => start >= h.contentEnd)) continue
        if (doc.lines.lineText(line).trim() === '') empty.push(line)
      }
      if (empty.length === 0) continue
      const edits: TextEdit[] = empty.map((line) => ({
        range: doc.span(doc.lines.lineStart(line), doc.lines.lineStart(line + 1)).range,
        text: ''
      }))
      ctx.report({
        message: `Empty continuation line${empty.length > 1 ? 's' : ''} in ${inst.keyword} (line${empty.length > 1 ? 's' : ''} ${empty.join(', ')}); this syntax is deprecated and will become an error.`,
        range: doc.span(doc.lines.lineStart(empty[0]), doc.lines.lineEnd(empty[0])).range,
        fix: { description: 'Delete the empty lines inside the instruction.', safe: true, edits }
      })
    }
  }
})
