import { defineDockerfileRule } from '../define.js'
import { commandsNamed } from '../../dockerfile/runs.js'

export const DR3004 = defineDockerfileRule({
  id: 'DR3004',
  aliases: ['CKV2_DOCKER_17'],
  severity: 'warning',
  perInstruction: true,
  description: '`chpasswd` sets a password inside the image.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'chpasswd')) {
      ctx.report({
        message:
          '`chpasswd` bakes a password into an image layer, where anyone who pulls the image can read or crack it. Prefer no password login at all; pass real secrets at run time.',
        range: doc.span(cmd.start, cmd.end).range
      })
    }
  }
})
