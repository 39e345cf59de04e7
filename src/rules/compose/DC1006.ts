import { isScalar } from 'yaml'
import { deleteLines } from '../../compose/edits.js'
import { defineComposeRule } from '../define.js'
import { rawRoot } from './lib/raw.js'

/** The obsolete top-level `version:` key (Compose v2 ignores it and warns). */
export const DC1006 = defineComposeRule({
  id: 'DC1006',
  aliases: ['no-version-field'],
  severity: 'warning',
  fixable: true,
  description: 'The top-level `version` field is obsolete; remove it.',
  check(doc, ctx) {
    const root = rawRoot(doc)
    if (!root) return
    for (const pair of root.items) {
      if (!isScalar(pair.key) || pair.key.value !== 'version') continue
      const key = pair.key
      const value = pair.value
      const start = key.range![0]
      const end = isScalar(value) && value.range ? value.range[1] : key.range![1]
      ctx.report({
        message:
          'The top-level `version` field is obsolete: Compose ignores it and prints a warning.',
        range: doc.rangeOf(start, end),
        fix: {
          description: 'Delete the `version` line.',
          safe: true,
          // The whole line(s) of the pair, with a trailing comment and the line break.
          edits: [deleteLines(doc, start, end)]
        }
      })
    }
  }
})
