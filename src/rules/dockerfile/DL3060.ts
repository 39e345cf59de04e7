import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import type { ShellCommand } from '../../parse/shell.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { fix, isFlag } from './lib/commands.js'
import { appendCommand } from './lib/commands.js'
import { runsCalling } from '../../dockerfile/runs.js'
import { hasWord, installWithoutClean, mountCovers } from './lib/packages.js'
import { reachesImage } from '../../dockerfile/stages.js'

const CACHE = ['.cache/yarn', '.yarn/cache', '.yarn/berry/cache']
const NOT_INSTALL = ['--version', '-v', '--help', '-h']

/** `yarn install`, or a bare `yarn` (with flags only), which installs too. */
function yarnInstall(cmd: ShellCommand): boolean {
  if (commandName(cmd) !== 'yarn') return false
  if (hasWord(cmd, ['install'])) return true
  return cmd.args.every((a) => isFlag(a) && !NOT_INSTALL.includes(a.value))
}

function yarnClean(cmd: ShellCommand): boolean {
  if (commandName(cmd) !== 'yarn') return false
  const cache = cmd.args.findIndex((a) => a.value === 'cache')
  return cache !== -1 && cmd.args[cache + 1]?.value === 'clean'
}

export const DL3060 = defineDockerfileRule({
  id: 'DL3060',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description: '`yarn cache clean` missing after `yarn install` was run.',
  check(doc, ctx) {
    for (const inst of runsCalling(doc, 'yarn')) {
      // Only layers that end up in an image (ONBUILD triggers always run in a child image).
      if (!inst.onbuild && !reachesImage(inst.stage)) continue
      const script = doc.shell(inst)
      if (!script || mountCovers(cacheMountTargets(inst), CACHE)) continue
      const install = installWithoutClean(script.commands, yarnInstall, yarnClean)
      if (!install) continue
      const word = install.args.find((a) => a.value === 'install') ?? install.words[0]
      ctx.report({
        message:
          'Run `yarn cache clean` after `yarn install` in the same RUN; the yarn cache otherwise stays in the layer.',
        range: doc.span(install.start, word.end).range,
        fix: withEffect(
          fix(
            'Append `&& yarn cache clean` to the RUN.',
            true,
            appendCommand(doc, inst, 'yarn cache clean')
          ),
          { kind: 'append-command', argv: 'yarn cache clean'.split(' ') }
        )
      })
    }
  }
})
