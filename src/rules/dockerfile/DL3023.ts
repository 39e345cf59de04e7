import { defineDockerfileRule } from '../define.js'

export const DL3023 = defineDockerfileRule({
  id: 'DL3023',
  aliases: ['AVD-DS-0006'],
  severity: 'error',
  description: '`COPY --from` cannot reference its own `FROM` alias.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'COPY') continue
        const flag = inst.flags.find((f) => f.name === 'from')
        if (!flag?.value || !flag.valueSpan) continue
        const ref = flag.value.toLowerCase()
        const self = ref === stage.name || ref === String(stage.index)
        if (!self) continue
        ctx.report({
          message: `\`COPY --from=${flag.value}\` names the stage it is in: a stage cannot copy from itself.`,
          range: flag.valueSpan.range
        })
      }
    }
  }
})
