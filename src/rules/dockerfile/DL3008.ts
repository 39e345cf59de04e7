import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, cmdHasArgs, runCommands } from './lib/commands.js'

/** apt-get flags that take a value (their value is not a package). */
const VALUE_FLAGS = ['t', 'target-release', 'o', 'option', 'c', 'config-file']

export const DL3008 = defineDockerfileRule({
  id: 'DL3008',
  aliases: [],
  severity: 'warning',
  description: 'Pin versions in apt-get install (`apt-get install <package>=<version>`).',
  check(doc, ctx) {
    for (const { cmd } of runCommands(doc)) {
      if (!cmdHasArgs(cmd, 'apt-get', ['install'])) continue
      const packages = argsNoFlags(cmd, VALUE_FLAGS).filter((w) => w.value !== 'install')
      const unpinned = packages.filter(
        (w) =>
          w.literal && !w.value.includes('=') && !w.value.includes('/') && !w.value.endsWith('.deb')
      )
      if (unpinned.length === 0) continue
      const first = unpinned[0]
      const last = unpinned[unpinned.length - 1]
      ctx.report({
        message: `Pin versions in apt-get install: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (e.g. \`${first.value}=<version>\`).`,
        range: doc.span(first.start, last.end).range
      })
    }
  }
})
