import { defineDockerfileRule } from '../define.js'
import { labelPairs, valueRange } from './lib/labels.js'

export const DL3051 = defineDockerfileRule({
  id: 'DL3051',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is empty.',
  check(doc, ctx) {
    const schema = ctx.settings.labelSchema
    if (Object.keys(schema).length === 0) return
    for (const pair of labelPairs(doc)) {
      if (!Object.hasOwn(schema, pair.name) || (pair.value ?? '').trim() !== '') continue
      ctx.report({
        message: `Label \`${pair.name}\` is empty; the label schema requires a value.`,
        range: valueRange(pair)
      })
    }
  }
})
