import { defineDockerfileRule } from '../define.js'
import { checkLabelValues, isSemver, valueRange } from './lib/labels.js'

export const DL3056 = defineDockerfileRule({
  id: 'DL3056',
  aliases: [],
  severity: 'warning',
  description: 'Label `<label>` does not conform to semantic versioning.',
  check(doc, ctx) {
    checkLabelValues(doc, ctx.settings.labelSchema, 'semver', isSemver, (pair, value) =>
      ctx.report({
        message: `Label \`${pair.name}\` is not a semantic version (e.g. \`1.4.2\`): \`${value}\`.`,
        range: valueRange(pair)
      })
    )
  }
})
