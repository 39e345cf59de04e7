import { defineDockerfileRule } from '../define.js'
import { lastWins } from './lib/duplicates.js'

export const DL4004 = defineDockerfileRule({
  id: 'DL4004',
  aliases: ['AVD-DS-0007'],
  severity: 'error',
  fixable: true,
  description:
    'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect.',
  check(doc, ctx) {
    lastWins(doc, ctx, 'ENTRYPOINT')
  }
})
