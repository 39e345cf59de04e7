import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { findArg, fix, flagNames } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const SUBCOMMANDS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']
const YES = ['n', 'non-interactive', 'no-confirm', 'y']

export const DL3034 = defineDockerfileRule({
  id: 'DL3034',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Non-interactive switch missing from `zypper` command: `zypper install -y`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'zypper')) {
      if (commandName(cmd) !== 'zypper') continue
      const sub = findArg(cmd, SUBCOMMANDS)
      if (!sub || flagNames(cmd).some((f) => YES.includes(f))) continue
      const at = doc.lines.position(cmd.words[0].end)
      ctx.report({
        message: `Use \`zypper -n ${sub.value}\` (or \`${sub.value} -y\`) so the build never waits for a confirmation.`,
        range: doc.span(cmd.start, sub.end).range,
        // `-n` is zypper's global non-interactive option: valid before every subcommand.
        fix: withEffect(
          fix(
            'Insert `-n` after `zypper` (non-interactive: answers prompts with their default).',
            true,
            {
              range: { start: at, end: at },
              text: ' -n'
            }
          ),
          { kind: 'add-args', command: 'zypper', args: ['-n'] }
        )
      })
    }
  }
})
