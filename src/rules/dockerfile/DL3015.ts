import { defineDockerfileRule } from '../define.js'
import { findArg, fix, hasFlag, insertAfter } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

/** `-o APT::Install-Recommends=false` (also as `--option=…`) does what the flag does. */
const NO_RECOMMENDS_OPTION = /APT::Install-Recommends=(false|0|no)$/i

export const DL3015 = defineDockerfileRule({
  id: 'DL3015',
  aliases: ['AVD-DS-0029'],
  severity: 'info',
  fixable: true,
  description: 'Avoid additional packages by specifying `--no-install-recommends`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'apt-get')) {
      const install = findArg(cmd, ['install'])
      if (!install || hasFlag(cmd, 'no-install-recommends')) continue
      if (cmd.args.some((a) => NO_RECOMMENDS_OPTION.test(a.value))) continue
      ctx.report({
        message:
          'Add `--no-install-recommends` to keep recommended (unneeded) packages out of the image.',
        range: doc.span(cmd.start, install.end).range,
        fix: fix(
          'Insert `--no-install-recommends` after `install` (packages that were only recommended are no longer installed; add any the build needs explicitly).',
          true,
          insertAfter(doc, install, '--no-install-recommends')
        )
      })
    }
  }
})
