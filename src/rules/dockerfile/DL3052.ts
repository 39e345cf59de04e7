import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isUrl, valueRange } from './lib/labels.js'

export const DL3052 = defineDockerfileRule({
  id: 'DL3052',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is not a valid URL.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'url', isUrl, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not a valid URL (an absolute URI such as \`https://example.com/repo\`): \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
