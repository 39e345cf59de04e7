import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { findArg } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

export const DL3035 = defineDockerfileRule({
  id: 'DL3035',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Do not use `zypper dist-upgrade`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'zypper')) {
      if (commandName(cmd) !== 'zypper') continue
      const sub = findArg(cmd, ['dist-upgrade', 'dup'])
      if (!sub) continue
      ctx.report({
        message:
          'Do not run `zypper dist-upgrade` in a build: it can move the image to another distribution release. Use a newer base image instead.',
        range: doc.span(cmd.start, sub.end).range
      })
    }
  }
})
