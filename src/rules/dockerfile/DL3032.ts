import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { fix } from './lib/commands.js'
import { appendCommand } from './lib/commands.js'
import { runsCalling } from '../../dockerfile/runs.js'
import { hasWord, installWithoutClean, mountCovers, removes } from './lib/packages.js'

const INSTALL = ['install', 'groupinstall', 'localinstall']
const CACHE = ['/var/cache/yum']

export const DL3032 = defineDockerfileRule({
  id: 'DL3032',
  aliases: ['AVD-DS-0015'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: '`yum clean all` missing after yum command.',
  check(doc, ctx) {
    for (const inst of runsCalling(doc, 'yum')) {
      const script = doc.shell(inst)
      if (!script || mountCovers(cacheMountTargets(inst), CACHE)) continue
      const install = installWithoutClean(
        script.commands,
        (c) => commandName(c) === 'yum' && hasWord(c, INSTALL),
        (c) =>
          (commandName(c) === 'yum' && hasWord(c, ['clean']) && hasWord(c, ['all'])) ||
          removes(c, CACHE)
      )
      if (!install) continue
      ctx.report({
        message:
          'Run `yum clean all` after `yum install` in the same RUN; the yum cache otherwise stays in the layer.',
        range: doc.span(install.start, install.end).range,
        fix: withEffect(
          fix(
            'Append `&& yum clean all` to the RUN.',
            true,
            appendCommand(doc, inst, 'yum clean all')
          ),
          { kind: 'append-command', argv: 'yum clean all'.split(' ') }
        )
      })
    }
  }
})
