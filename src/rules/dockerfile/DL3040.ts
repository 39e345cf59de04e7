import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { fix } from './lib/commands.js'
import { appendCommand } from './lib/commands.js'
import { runsCalling } from '../../dockerfile/runs.js'
import { hasWord, installWithoutClean, mountCovers, removes } from './lib/packages.js'

const DNF = ['dnf', 'microdnf', 'dnf5']
const INSTALL = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei']
const CACHE = ['/var/cache/libdnf5', '/var/cache/dnf', '/var/cache/yum']

export const DL3040 = defineDockerfileRule({
  id: 'DL3040',
  aliases: ['AVD-DS-0019', 'AVD-DS-0027'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: '`dnf clean all` missing after dnf command.',
  check(doc, ctx) {
    for (const inst of runsCalling(doc, ...DNF)) {
      const script = doc.shell(inst)
      if (!script || mountCovers(cacheMountTargets(inst), CACHE)) continue
      const names = new Set(script.commands.map(commandName).filter((n) => DNF.includes(n)))
      for (const name of names) {
        const install = installWithoutClean(
          script.commands,
          (c) => commandName(c) === name && hasWord(c, INSTALL),
          (c) =>
            (commandName(c) === name && hasWord(c, ['clean']) && hasWord(c, ['all'])) ||
            removes(c, CACHE)
        )
        if (!install) continue
        ctx.report({
          message: `Run \`${name} clean all\` after \`${name}\` installs in the same RUN; the package cache otherwise stays in the layer.`,
          range: doc.span(install.start, install.end).range,
          fix: withEffect(
            fix(
              `Append \`&& ${name} clean all\` to the RUN.`,
              true,
              appendCommand(doc, inst, `${name} clean all`)
            ),
            { kind: 'append-command', argv: `${name} clean all`.split(' ') }
          )
        })
      }
    }
  }
})
