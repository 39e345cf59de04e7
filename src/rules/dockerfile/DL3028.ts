import { defineDockerfileRule } from '../define.js'
import type { ShellWord } from '../../parse/shell.js'
import { isFlag, reportUnpinned } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

/** gem install options that take a separate value. */
const VALUE_FLAGS = new Set([
  'i',
  'install-dir',
  'n',
  'bindir',
  's',
  'source',
  'platform',
  'build-root',
  'p',
  'http-proxy',
  'g',
  'file',
  'document',
  'target-rbconfig'
])

export const DL3028 = defineDockerfileRule({
  id: 'DL3028',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description:
    'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'gem')) {
      const args = cmd.args
      const at = args.findIndex((a) => a.value === 'install' || a.value === 'i')
      if (at === -1 || args.slice(0, at).some((a) => !isFlag(a))) continue
      const gems: ShellWord[] = []
      let versioned = false
      for (let i = at + 1; i < args.length; i++) {
        const w = args[i]
        const v = w.value
        if (v === '--') break // build options for native extensions follow
        if (v === '-v' || v === '--version' || v.startsWith('--version=')) versioned = true
        if (!isFlag(w)) {
          gems.push(w)
          continue
        }
        if (v.includes('=')) continue
        const name = v.replace(/^--?/, '')
        // A value flag, or an unknown option followed by a boolean (`--use-system-libraries true`).
        if (VALUE_FLAGS.has(name) || v === '-v' || v === '--version') i++
        else if (v.startsWith('--') && /^(true|false)$/.test(args[i + 1]?.value ?? '')) i++
      }
      if (versioned) continue
      reportUnpinned(
        doc,
        ctx.report,
        inst,
        gems,
        (spec) => spec.includes(':') || spec.endsWith('.gem'),
        (names, example) =>
          `Pin versions in gem install: ${names} (e.g. \`${example}:<version>\`, or \`-v <version>\`).`
      )
    }
  }
})
