import { defineDockerfileRule } from '../define.js'
import { lastWins } from './lib/duplicates.js'

export const DL3012 = defineDockerfileRule({
  id: 'DL3012',
  aliases: ['AVD-DS-0023'],
  severity: 'error',
  fixable: true,
  description: 'Multiple `HEALTHCHECK` instructions.',
  check(doc, ctx) {
    lastWins(doc, ctx, 'HEALTHCHECK')
  }
})
