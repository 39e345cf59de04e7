import { defineDockerfileRule } from '../define.js'
import { cmdHasArgs, findArg, fix, flagNames, insertAfter, runCommands } from './lib/commands.js'

export const DL3014 = defineDockerfileRule({
  id: 'DL3014',
  aliases: [],
  severity: 'warning',
  fixable: true,
  description: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`.',
  check(doc, ctx) {
    for (const { cmd } of runCommands(doc)) {
      if (!cmdHasArgs(cmd, 'apt-get', ['install'])) continue
      const flags = flagNames(cmd)
      const quiet = flags.filter((f) => f === 'q' || f === 'quiet').length >= 2
      const q2 = cmd.args.some((a) => a.value === '-q=2' || a.value === '--quiet=2')
      if (flags.some((f) => ['y', 'yes', 'assume-yes'].includes(f)) || quiet || q2) continue
      const install = findArg(cmd, ['install'])!
      ctx.report({
        message: 'Use `apt-get install -y` so the build never waits for a confirmation.',
        range: doc.span(cmd.start, install.end).range,
        fix: fix('Insert `-y` after `install`.', true, insertAfter(doc, install, '-y'))
      })
    }
  }
})
