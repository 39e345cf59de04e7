import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { unpinnedRpmPackages } from './lib/packages.js'
import { definedVariables } from '../../dockerfile/stages.js'

export const DL3033 = defineDockerfileRule({
  id: 'DL3033',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Specify version with `yum install -y <package>-<version>`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'yum')) {
      if (commandName(cmd) !== 'yum') continue
      const unpinned = unpinnedRpmPackages(cmd, () => definedVariables(doc, inst))
      if (unpinned.length === 0) continue
      const first = unpinned[0]
      const last = unpinned[unpinned.length - 1]
      ctx.report({
        message: `Pin versions in yum install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}-<version>\`).`,
        range: doc.span(first.start, last.end).range
      })
    }
  }
})
