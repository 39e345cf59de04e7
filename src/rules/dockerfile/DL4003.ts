import { defineDockerfileRule } from '../define.js'
import { lastWins } from './lib/duplicates.js'

export const DL4003 = defineDockerfileRule({
  id: 'DL4003',
  aliases: ['AVD-DS-0016', 'MultipleInstructionsDisallowed'],
  severity: 'warning',
  fixable: true,
  description:
    'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect.',
  check(doc, ctx) {
    lastWins(doc, ctx, 'CMD')
  }
})
