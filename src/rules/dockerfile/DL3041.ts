import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { unpinnedRpmPackages } from './lib/packages.js'
import { definedVariables } from '../../dockerfile/stages.js'

const DNF = ['dnf', 'microdnf', 'dnf5']

export const DL3041 = defineDockerfileRule({
  id: 'DL3041',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Specify version with `dnf install -y <package>-<version>`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, ...DNF)) {
      const name = commandName(cmd)
      if (!DNF.includes(name)) continue
      const unpinned = unpinnedRpmPackages(cmd, () => definedVariables(doc, inst))
      if (unpinned.length === 0) continue
      const first = unpinned[0]
      const last = unpinned[unpinned.length - 1]
      ctx.report({
        message: `Pin versions in ${name} install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}-<version>\`).`,
        range: doc.span(first.start, last.end).range
      })
    }
  }
})
