import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { findArg, fix, flagNames, insertAfter } from './lib/commands.js'
import { commandName, commandsNamed } from '../../dockerfile/runs.js'

/** apt-get's simulation flags (apt-get(8): `-s`, `--simulate`, `--just-print`, …). */
const SIMULATE = ['s', 'simulate', 'just-print', 'dry-run', 'recon', 'no-act']

/** `-o APT::Get::Assume-Yes=true` answers yes like `-y`. */
const ASSUME_YES_OPTION = /APT::Get::Assume-Yes=(true|yes|1)$/i

export const DL3014 = defineDockerfileRule({
  id: 'DL3014',
  aliases: ['AVD-DS-0021'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'apt-get')) {
      const install = findArg(cmd, ['install'])
      if (!install) continue
      const flags = flagNames(cmd)
      // `-qq`, `-q -q`, `--quiet --quiet` and `-q=2` imply `-y`.
      const quiet = flags.filter((f) => f === 'q' || f === 'quiet').length >= 2
      const q2 = cmd.args.some((a) => a.value === '-q=2' || a.value === '--quiet=2')
      if (flags.some((f) => ['y', 'yes', 'assume-yes'].includes(f)) || quiet || q2) continue
      // A simulation (`-s`, `--dry-run`, …) only prints what would happen: it never prompts.
      if (flags.some((f) => SIMULATE.includes(f))) continue
      if (cmd.args.some((a) => ASSUME_YES_OPTION.test(a.value))) continue
      ctx.report({
        message: 'Use `apt-get install -y` so the build never waits for a confirmation.',
        range: doc.span(cmd.start, install.end).range,
        fix: withEffect(
          fix(
            'Insert `-y` after `install` (answers yes to apt-get prompts instead of aborting).',
            true,
            insertAfter(doc, install, '-y')
          ),
          { kind: 'add-args', command: commandName(cmd), args: ['-y'] }
        )
      })
    }
  }
})
