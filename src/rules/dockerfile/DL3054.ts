import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isSpdx, valueRange } from './lib/labels.js'

export const DL3054 = defineDockerfileRule({
  id: 'DL3054',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` is not a valid SPDX identifier.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'spdx', isSpdx, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not an SPDX license identifier (e.g. \`Apache-2.0\`): \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
