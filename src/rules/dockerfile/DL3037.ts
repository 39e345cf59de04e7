import { defineDockerfileRule } from '../define.js'
import type { ShellWord } from '../../parse/shell.js'
import { argsNoFlags } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { flagValue, hasWord, onlyVariable, zypperPinned } from './lib/packages.js'

/** zypper install options that take a separate value. */
const VALUE_FLAGS = ['r', 'repo', 'from', 't', 'type', 'download', 'root', 'R']

export const DL3037 = defineDockerfileRule({
  id: 'DL3037',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Specify version with `zypper install -y <package>=<version>`.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'zypper')) {
      if (commandName(cmd) !== 'zypper' || !hasWord(cmd, ['install', 'in'])) continue
      // Patterns, patches and products (`-t pattern`) have no versions to pin.
      const type = flagValue(cmd, ['t'], ['type'])
      if (type && type.value !== 'package') continue
      const unpinned: ShellWord[] = []
      let subcommandSeen = false
      for (const w of argsNoFlags(cmd, VALUE_FLAGS)) {
        if (!subcommandSeen) {
          subcommandSeen = w.value === 'install' || w.value === 'in'
          continue
        }
        if (onlyVariable(w) || !w.literal) continue
        if (!zypperPinned(w.value)) unpinned.push(w)
      }
      if (unpinned.length === 0) continue
      const first = unpinned[0]
      const last = unpinned[unpinned.length - 1]
      ctx.report({
        message: `Pin versions in zypper install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}=<version>\`).`,
        range: doc.span(first.start, last.end).range
      })
    }
  }
})
