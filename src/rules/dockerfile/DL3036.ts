import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { fix } from './lib/commands.js'
import { appendCommand } from './lib/commands.js'
import { runsCalling } from '../../dockerfile/runs.js'
import { hasWord, installWithoutClean, mountCovers, removes } from './lib/packages.js'

const CACHE = ['/var/cache/zypp']

export const DL3036 = defineDockerfileRule({
  id: 'DL3036',
  aliases: ['AVD-DS-0020'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: '`zypper clean` missing after zypper use.',
  check(doc, ctx) {
    for (const inst of runsCalling(doc, 'zypper')) {
      const script = doc.shell(inst)
      if (!script || mountCovers(cacheMountTargets(inst), CACHE)) continue
      const install = installWithoutClean(
        script.commands,
        (c) => commandName(c) === 'zypper' && hasWord(c, ['install', 'in']),
        (c) => (commandName(c) === 'zypper' && hasWord(c, ['clean', 'cc'])) || removes(c, CACHE)
      )
      if (!install) continue
      ctx.report({
        message:
          'Run `zypper clean` after `zypper install` in the same RUN; the package cache otherwise stays in the layer.',
        range: doc.span(install.start, install.end).range,
        fix: withEffect(
          fix(
            'Append `&& zypper clean --all` to the RUN.',
            true,
            appendCommand(doc, inst, 'zypper clean --all')
          ),
          { kind: 'append-command', argv: 'zypper clean --all'.split(' ') }
        )
      })
    }
  }
})
