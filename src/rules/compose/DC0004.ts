import { NOT_CHECKED } from '../../core/not-checked.js'
import { defineComposeRule } from '../define.js'

/**
 * A compose file that was not fully checked fails closed (src/core/not-checked.ts): reported by
 * the engine, like DR0001 for Dockerfiles; this rule gives the finding its id, severity and page.
 */
export const DC0004 = defineComposeRule({
  id: NOT_CHECKED.compose,
  aliases: ['compose-not-fully-checked'],
  severity: 'error',
  description:
    'The compose file was not fully checked (not read, binary, too large, or linting it failed), so the check cannot vouch for it.',
  check() {
    // reported by the engine
  }
})
