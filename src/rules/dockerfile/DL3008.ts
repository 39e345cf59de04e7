import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, findArg, reportUnpinned } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

/** apt-get flags that take a value (their value is not a package). */
const VALUE_FLAGS = ['t', 'target-release', 'o', 'option', 'c', 'config-file']

/** `pkg=1.2`, `pkg/bookworm-backports` (a release), local `.deb` files and paths. */
function pinned(spec: string): boolean {
  return spec.includes('=') || spec.includes('/') || spec.endsWith('.deb')
}

export const DL3008 = defineDockerfileRule({
  id: 'DL3008',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Pin versions in apt-get install (`apt-get install <package>=<version>`).',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'apt-get')) {
      const install = findArg(cmd, ['install'])
      if (!install) continue
      const words = argsNoFlags(cmd, VALUE_FLAGS).filter((w) => w.start > install.start)
      reportUnpinned(
        doc,
        ctx.report,
        inst,
        words,
        pinned,
        (names, example) =>
          `Pin versions in apt-get install: ${names} (e.g. \`${example}=<version>\`).`
      )
    }
  }
})
