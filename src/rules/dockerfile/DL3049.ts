import { defineDockerfileRule } from '../define.js'
import type { Stage } from '../../dockerfile/model.js'
import { pairs } from '../../dockerfile/properties.js'
import { copiedStages } from '../../dockerfile/stages.js'

export const DL3049 = defineDockerfileRule({
  id: 'DL3049',
  aliases: [],
  severity: 'info',
  description: 'Label `<label>` is missing.',
  check(doc, ctx) {
    const required = Object.keys(ctx.settings.labelSchema)
    if (required.length === 0 || doc.stages.length === 0) return
    // Labels each stage sets itself (ONBUILD labels only reach child images).
    const own = new Map<Stage, Set<string>>()
    for (const stage of doc.stages) {
      const names = new Set<string>()
      for (const inst of stage.instructions) {
        if (inst.keyword === 'LABEL') for (const p of pairs(doc, inst)) names.add(p.name)
      }
      own.set(stage, names)
    }
    const inherited = (stage: Stage, label: string): boolean => {
      for (let s: Stage | undefined = stage; s; s = s.parent)
        if (own.get(s)!.has(label)) return true
      return false
    }
    const children = new Map<Stage, Stage[]>()
    for (const s of doc.stages)
      if (s.parent) children.set(s.parent, [...(children.get(s.parent) ?? []), s])
    /** A stage is only a step towards another when a later stage that carries the label builds on it. */
    const labelledDescendant = (stage: Stage, label: string): boolean =>
      (children.get(stage) ?? []).some(
        (c) => own.get(c)!.has(label) || labelledDescendant(c, label)
      )
    const copied = copiedStages(doc)
    for (const stage of doc.stages) {
      if (copied.has(stage)) continue
      const missing = required.filter(
        (label) => !inherited(stage, label) && !labelledDescendant(stage, label)
      )
      if (missing.length === 0) continue
      const from = stage.from
      const end = from.args.length > 0 ? from.args[from.args.length - 1].end : from.keywordSpan.end
      ctx.report({
        message: `Label${missing.length > 1 ? 's' : ''} ${missing.map((l) => `\`${l}\``).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing from this stage (required by the label schema).`,
        range: doc.span(from.keywordSpan.start, end).range
      })
    }
  }
})
