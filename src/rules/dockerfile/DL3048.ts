import { defineDockerfileRule } from '../define.js'
import type { Fix } from '../../core/types.js'
import { labelPairs } from './lib/labels.js'

const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/

/** Why a label key breaks Docker's key format, or undefined when it is valid. */
function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.test(key)) return 'uses a namespace reserved for Docker'
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter'
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or digit'
  if (/[^a-z0-9.-]/.test(key)) return 'may only contain lower-case letters, digits, `.` and `-`'
  if (/\.\.|--/.test(key)) return 'must not repeat `.` or `-`'
  return undefined
}

export const DL3048 = defineDockerfileRule({
  id: 'DL3048',
  aliases: [],
  severity: 'style',
  perInstruction: true,
  fixable: true,
  description: 'Invalid label key.',
  check(doc, ctx) {
    for (const pair of labelPairs(doc)) {
      const problem = labelKeyProblem(pair.name)
      if (!problem) continue
      let fix: Fix | undefined
      // Narrow fix: upper case and `_` only, written without quotes.
      const renamed = pair.name.toLowerCase().replace(/_/g, '-')
      const written = doc.text.slice(pair.nameSpan.start, pair.nameSpan.end)
      if (written === pair.name && !labelKeyProblem(renamed)) {
        fix = {
          description: `Rename the label to \`${renamed}\`; anything that reads \`${pair.name}\` (scripts, registries, orchestrators) must use the new key.`,
          safe: false,
          edits: [{ range: pair.nameSpan.range, text: renamed }]
        }
      }
      ctx.report({
        message: `Invalid label key \`${pair.name}\`: it ${problem}.`,
        range: pair.nameSpan.range,
        fix
      })
    }
  }
})
