import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isRfc3339, valueRange } from './lib/labels.js'

export const DL3053 = defineDockerfileRule({
  id: 'DL3053',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is not a valid time format - must conform to RFC3339.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'rfc3339', isRfc3339, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not an RFC 3339 time (e.g. \`2024-05-01T12:00:00Z\`): \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
