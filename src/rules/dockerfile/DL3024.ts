import { defineDockerfileRule } from '../define.js'
import type { Stage } from '../../dockerfile/model.js'

export const DL3024 = defineDockerfileRule({
  id: 'DL3024',
  aliases: ['DuplicateStageName', 'AVD-DS-0012', 'CKV_DOCKER_11'],
  severity: 'error',
  description: 'FROM aliases (stage names) must be unique.',
  check(doc, ctx) {
    const seen = new Map<string, Stage>()
    for (const stage of doc.stages) {
      if (stage.name === undefined || !stage.nameSpan) continue
      const first = seen.get(stage.name)
      if (!first) {
        seen.set(stage.name, stage)
        continue
      }
      ctx.report({
        message: `Stage name \`${stage.name}\` is already used on line ${first.from.range.start.line} (stage names are case-insensitive); rename one of them.`,
        range: stage.nameSpan.range
      })
    }
  }
})
