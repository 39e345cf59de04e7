import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isEmail, valueRange } from './lib/labels.js'

export const DL3058 = defineDockerfileRule({
  id: 'DL3058',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is not a valid email format - must conform to RFC5322.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'email', isEmail, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not an RFC 5322 email address: \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
