import { withEffect } from '../../core/fixes.js'
import { stageEffectOf } from '../../dockerfile/effects.js'
import { defineDockerfileRule } from '../define.js'
import { findArg, fix, hasFlag, insertAfter } from './lib/commands.js'
import { commandName, commandsNamed } from '../../dockerfile/runs.js'

/** `-o APT::Install-Recommends=false` (also as `--option=…`) does what the flag does. */
const NO_RECOMMENDS_OPTION = /APT::Install-Recommends=(false|0|no)$/i

export const DL3015 = defineDockerfileRule({
  id: 'DL3015',
  aliases: ['AVD-DS-0029'],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description: 'Avoid additional packages by specifying `--no-install-recommends`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'apt-get')) {
      const install = findArg(cmd, ['install'])
      if (!install || hasFlag(cmd, 'no-install-recommends')) continue
      if (cmd.args.some((a) => NO_RECOMMENDS_OPTION.test(a.value))) continue
      // ca-certificates is only a Recommends of curl/wget/git on Debian and Ubuntu: without it
      // every https download of the stage fails. Keep it when the stage downloads over https.
      const stage = stageEffectOf(doc, inst)
      const keepCerts =
        stage?.https === true && !stage.packages.apt.installed.includes('ca-certificates')
      const last = cmd.args[cmd.args.length - 1]
      const edits = !keepCerts
        ? [insertAfter(doc, install, '--no-install-recommends')]
        : last === install
          ? [insertAfter(doc, install, '--no-install-recommends ca-certificates')]
          : [
              insertAfter(doc, install, '--no-install-recommends'),
              insertAfter(doc, last, 'ca-certificates')
            ]
      ctx.report({
        message:
          'Add `--no-install-recommends` to keep recommended (unneeded) packages out of the image.',
        range: doc.span(cmd.start, install.end).range,
        fix: withEffect(
          fix(
            keepCerts
              ? 'Insert `--no-install-recommends` after `install` and add `ca-certificates`, which the https downloads of this stage need (packages that were only recommended are no longer installed).'
              : 'Insert `--no-install-recommends` after `install` (packages that were only recommended are no longer installed; add any the build needs explicitly).',
            true,
            ...edits
          ),
          {
            kind: 'add-args',
            command: commandName(cmd),
            args: keepCerts
              ? ['--no-install-recommends', 'ca-certificates']
              : ['--no-install-recommends']
          }
        )
      })
    }
  }
})
