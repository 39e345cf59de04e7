import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isGitHash, valueRange } from './lib/labels.js'

export const DL3055 = defineDockerfileRule({
  id: 'DL3055',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is not a valid git hash.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'hash', isGitHash, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not a git commit hash (7 or 40 lower-case hex digits): \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
