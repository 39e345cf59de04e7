import type { Instruction } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import { INSTRUCTIONS } from './DL1000.js'

/** An unknown word in keyword position is DL1000's: its casing means nothing. */
const KNOWN = new Set(INSTRUCTIONS)

export const DR2004 = defineDockerfileRule({
  id: 'DR2004',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'style',
  fixable: true,
  description:
    "Instruction keywords should follow the file's majority casing (BuildKit ConsistentInstructionCasing).",
  check(doc, ctx) {
    const all: Instruction[] = []
    for (const inst of doc.instructions) {
      if (KNOWN.has(inst.keyword)) all.push(inst)
      if (inst.trigger && KNOWN.has(inst.trigger.keyword)) all.push(inst.trigger)
    }
    let upper = 0
    let lower = 0
    for (const inst of all) {
      if (inst.keywordText === inst.keywordText.toUpperCase()) upper++
      else if (inst.keywordText === inst.keywordText.toLowerCase()) lower++
    }
    const toLower = lower > upper
    for (const inst of all) {
      const want = toLower ? inst.keywordText.toLowerCase() : inst.keywordText.toUpperCase()
      if (inst.keywordText === want) continue
      ctx.report({
        message: `Command '${inst.keywordText}' should match the case of the other instructions ('${want}').`,
        range: inst.keywordSpan.range,
        fix: {
          description: `Write '${want}'.`,
          safe: true,
          edits: [{ range: inst.keywordSpan.range, text: want }]
        }
      })
    }
  }
})
