import type { Comment } from '../../parse/dockerfile.js'
import type { Instruction } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import { eolAt } from './lib/edits.js'
import { pairs } from '../../dockerfile/properties.js'

/** Tool comments are not descriptions. */
const PRAGMA = /^(hadolint|docker-review|checkov:|shellcheck|syntax|escape|check)\b/i

export const DR2011 = defineDockerfileRule({
  id: 'DR2011',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description:
    'A comment directly above `FROM … AS name` or `ARG name` should start with that name (BuildKit InvalidDefinitionDescription, experimental).',
  check(doc, ctx) {
    const byLine = new Map<number, Comment>()
    for (const c of doc.comments) if (!c.inInstruction) byLine.set(c.range.start.line, c)
    const check = (inst: Instruction, name: string): void => {
      const line = inst.range.start.line
      // The comment block that ends right above the instruction; its first line is the description.
      let first: Comment | undefined
      for (let l = line - 1; byLine.has(l); l--) first = byLine.get(l)
      if (!first || PRAGMA.test(first.content)) return
      const word = first.content.split(/\s+/, 1)[0]
      if (word === name) return
      const at = doc.lines.position(doc.lines.lineStart(line))
      ctx.report({
        message: `Comment for ${inst.keyword} should follow the format \`# ${name} <description>\`; a comment that is not a description needs an empty line before the instruction.`,
        range: first.range,
        fix: {
          description: 'Insert an empty line between the comment and the instruction.',
          safe: true,
          edits: [{ range: { start: at, end: at }, text: eolAt(doc, line) }]
        }
      })
    }
    for (const stage of doc.stages) {
      if (stage.nameSpan)
        check(stage.from, doc.text.slice(stage.nameSpan.start, stage.nameSpan.end))
    }
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'ARG') continue
      const ps = pairs(doc, inst)
      if (ps.length === 1) check(inst, ps[0].name)
    }
  }
})
