import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, findArg, reportUnpinned } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

/** apk options that take a separate value. */
const VALUE_FLAGS = [
  't',
  'virtual',
  'X',
  'repository',
  'repositories-file',
  'p',
  'root',
  'keys-dir',
  'cache-dir',
  'arch'
]

/** `name=1.2-r0`, `name~1.2`, `name>1.2`, `name<2`; `.apk` files; `!name` forbids a package. */
function pinned(spec: string): boolean {
  return /[=~<>]/.test(spec) || spec.endsWith('.apk') || spec.startsWith('!')
}

export const DL3018 = defineDockerfileRule({
  id: 'DL3018',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description:
    'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'apk')) {
      const add = findArg(cmd, ['add'])
      if (!add) continue
      const words = argsNoFlags(cmd, VALUE_FLAGS).filter((w) => w !== add && w.start > add.start)
      reportUnpinned(
        doc,
        ctx.report,
        inst,
        words,
        pinned,
        (names, example) =>
          `Pin versions in apk add: ${names} (e.g. \`${example}=<version>\`, or \`${example}~<major.minor>\` to follow patch releases).`
      )
    }
  }
})
