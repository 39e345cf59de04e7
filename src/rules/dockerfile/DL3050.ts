import { defineDockerfileRule } from '../define.js'
import { labelPairs } from './lib/labels.js'

export const DL3050 = defineDockerfileRule({
  id: 'DL3050',
  aliases: [],
  severity: 'info',
  description: 'Superfluous label(s) present.',
  check(doc, ctx) {
    if (!ctx.settings.strictLabels) return
    const schema = ctx.settings.labelSchema
    for (const pair of labelPairs(doc)) {
      if (Object.hasOwn(schema, pair.name)) continue
      ctx.report({
        message: `Label \`${pair.name}\` is not in the label schema (strict labels are on).`,
        range: pair.nameSpan.range
      })
    }
  }
})
