import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { findArg, fix, flagNames, insertAfter } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const SUBCOMMANDS = ['install', 'groupinstall', 'localinstall']

export const DL3030 = defineDockerfileRule({
  id: 'DL3030',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Use the -y switch to avoid manual input `yum install -y <package>`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'yum')) {
      const sub = findArg(cmd, SUBCOMMANDS)
      if (!sub || flagNames(cmd).some((f) => f === 'y' || f === 'assumeyes')) continue
      ctx.report({
        message: `Use \`yum ${sub.value} -y\` so the build never waits for a confirmation.`,
        range: doc.span(cmd.start, sub.end).range,
        fix: withEffect(
          fix(
            `Insert \`-y\` after \`${sub.value}\` (answers yes instead of aborting).`,
            true,
            insertAfter(doc, sub, '-y')
          ),
          { kind: 'add-args', command: 'yum', args: ['-y'] }
        )
      })
    }
  }
})
