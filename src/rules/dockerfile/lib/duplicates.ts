import type { RuleContext } from '../../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../../dockerfile/model.js'
import { deleteInstruction } from './edits.js'

/**
 * Instructions where only the last one of a stage takes effect (CMD, ENTRYPOINT): every earlier
 * one is reported where it stands, with a fix that deletes it. Stages do not inherit each other's
 * duplicates; instructions before the first FROM count as one stage.
 */
export function lastWins(doc: DockerfileDoc, ctx: RuleContext, keyword: string): void {
  const groups = new Map<number, Instruction[]>()
  for (const inst of doc.instructions) {
    if (inst.keyword !== keyword) continue
    const key = inst.stage?.index ?? -1
    const list = groups.get(key) ?? []
    list.push(inst)
    groups.set(key, list)
  }
  for (const list of groups.values()) {
    const last = list[list.length - 1]
    for (const inst of list.slice(0, -1)) {
      ctx.report({
        message: `Only the last ${keyword} of a stage takes effect: this one is overridden by the ${keyword} on line ${last.range.start.line}.`,
        range: inst.keywordSpan.range,
        fix: {
          description: `Delete this ${keyword}; the one on line ${last.range.start.line} replaces it anyway.`,
          safe: true,
          edits: [deleteInstruction(doc, inst)]
        }
      })
    }
  }
}
