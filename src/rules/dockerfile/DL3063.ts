import { defineDockerfileRule } from '../define.js'
import type { Fix } from '../../core/types.js'

const RESERVED = new Set(['scratch', 'context'])

export const DL3063 = defineDockerfileRule({
  id: 'DL3063',
  aliases: ['ReservedStageName'],
  severity: 'warning',
  fixable: true,
  description: 'Stage name `scratch` or `context` is reserved.',
  check(doc, ctx) {
    const names = new Set(doc.stages.map((s) => s.name).filter((n) => n !== undefined))
    for (const stage of doc.stages) {
      if (!stage.name || !stage.nameSpan || !RESERVED.has(stage.name)) continue
      // Narrow fix: rename only a stage nothing refers to (references to `scratch`/`context` are ambiguous).
      const referenced = doc.instructions.some((top) => {
        const inst = top.trigger ?? top
        if (inst.keyword === 'FROM' && inst !== stage.from) {
          return inst.args[0]?.value.toLowerCase() === stage.name
        }
        return inst.flags.some(
          (f) =>
            f.value !== null &&
            ((f.name === 'from' && f.value.toLowerCase() === stage.name) ||
              (f.name === 'mount' && new RegExp(`(^|,)from=${stage.name}(,|$)`, 'i').test(f.value)))
        )
      })
      let renamed = `${stage.name}-stage`
      for (let k = 2; names.has(renamed); k++) renamed = `${stage.name}-stage-${k}`
      const fix: Fix | undefined = referenced
        ? undefined
        : {
            description: `Rename the stage to \`${renamed}\`; a \`docker build --target ${stage.name}\` must use the new name.`,
            safe: false,
            edits: [{ range: stage.nameSpan.range, text: renamed }]
          }
      ctx.report({
        message: `\`${stage.name}\` is reserved and cannot name a stage: \`FROM ${stage.name}\` and \`--from=${stage.name}\` would not mean this stage.`,
        range: stage.nameSpan.range,
        fix
      })
    }
  }
})
