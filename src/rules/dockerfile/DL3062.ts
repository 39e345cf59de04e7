import { defineDockerfileRule } from '../define.js'
import type { ShellCommand, ShellWord } from '../../parse/shell.js'
import { commandName } from '../../dockerfile/runs.js'
import { isFlag } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { onlyVariable } from './lib/packages.js'

/** `go build`-family flags that take a separate value (Go flags are single-dash words). */
const VALUE_FLAGS = new Set([
  'C',
  'o',
  'p',
  'asmflags',
  'buildmode',
  'compiler',
  'gccgoflags',
  'gcflags',
  'installsuffix',
  'ldflags',
  'mod',
  'modfile',
  'overlay',
  'pgo',
  'pkgdir',
  'tags',
  'toolexec',
  'exec',
  'coverpkg',
  'covermode'
])

/**
 * Non-flag arguments of a `go` command: Go flags are single-dash words (`-ldflags`), some take a
 * separate value (`-o file`), `-flag=value` carries its own.
 */
function operands(cmd: ShellCommand): ShellWord[] {
  const out: ShellWord[] = []
  const args = cmd.args
  for (let i = 0; i < args.length; i++) {
    const w = args[i]
    if (!isFlag(w)) out.push(w)
    else if (!w.value.includes('=') && VALUE_FLAGS.has(w.value.replace(/^--?/, ''))) i++
  }
  return out
}

/** A module path rather than a local directory, a file or a meta-package (`all`, `std`, `cmd`, `tool`). */
function isRemote(value: string): boolean {
  return !(
    value.startsWith('.') ||
    value.startsWith('/') ||
    value.endsWith('.go') ||
    value === 'all' ||
    value === 'std' ||
    value === 'cmd' ||
    value === 'tool'
  )
}

export const DL3062 = defineDockerfileRule({
  id: 'DL3062',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'Pin versions in go install, go get and go run (`<module>@<version>`).',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'go')) {
      if (commandName(cmd) !== 'go') continue
      const [sub, ...rest] = operands(cmd)
      if (!sub || !['install', 'get', 'run'].includes(sub.value)) continue
      // `go run pkg args…`: only the package is a module; the rest are the program's arguments.
      const packages = sub.value === 'run' ? rest.slice(0, 1) : rest
      const unpinned: ShellWord[] = []
      for (const w of packages) {
        if (onlyVariable(w)) continue
        const value = w.literal ? w.value : w.raw.replace(/^["']|["']$/g, '')
        if (!isRemote(value)) continue
        const at = value.lastIndexOf('@')
        const version = at === -1 ? '' : value.slice(at + 1)
        if (version === '' || version === 'latest' || version === 'none') unpinned.push(w)
      }
      if (unpinned.length === 0) continue
      const first = unpinned[0]
      const last = unpinned[unpinned.length - 1]
      ctx.report({
        message: `Pin the module version in \`go ${sub.value}\`: ${unpinned.map((w) => `\`${w.value}\``).join(', ')} (use \`<module>@v1.2.3\`, not \`@latest\`).`,
        range: doc.span(first.start, last.end).range
      })
    }
  }
})
