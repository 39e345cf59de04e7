import { defineDockerfileRule } from '../define.js'
import { cmdHasArgs, findArg, fix, hasFlag, insertAfter, runCommands } from './lib/commands.js'

export const DL3015 = defineDockerfileRule({
  id: 'DL3015',
  aliases: [],
  severity: 'info',
  fixable: true,
  description: 'Avoid additional packages by specifying `--no-install-recommends`.',
  check(doc, ctx) {
    for (const { cmd } of runCommands(doc)) {
      if (!cmdHasArgs(cmd, 'apt-get', ['install'])) continue
      if (hasFlag(cmd, 'no-install-recommends')) continue
      if (cmd.args.some((a) => /^APT::Install-Recommends=(false|0|no)$/i.test(a.value))) continue
      const install = findArg(cmd, ['install'])!
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
