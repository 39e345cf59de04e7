import type { DockerfileDoc, Stage } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'
import type { ShellCommand } from '../../parse/shell.js'
import { argsNoFlags } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { lineage } from '../../dockerfile/stages.js'
import { commandsMatching } from '../../dockerfile/runs.js'
import { isPip } from './lib/insecure.js'
import { shortName } from '../../dockerfile/stages.js'

const TOOLING = new Set(['pip', 'setuptools', 'wheel', 'pipenv', 'poetry', 'uv'])

/** The stage runs Python on Alpine: a `python:*alpine*` base, or Alpine with python3 from apk. */
function pythonOnAlpine(doc: DockerfileDoc, stage: Stage): boolean {
  const chain = lineage(stage)
  const root = chain[chain.length - 1].image
  const name = shortName(root)
  const tag = (root.tag ?? '').toLowerCase()
  if (/(^|\/)python$/.test(name)) return tag.includes('alpine')
  if (!/(^|\/)alpine$/.test(name)) return false
  return chain.some((s) =>
    s.instructions.some((i) => {
      const script = i.keyword === 'RUN' ? doc.shell(i) : undefined
      return !!script?.commands.some(
        (c) => commandName(c) === 'apk' && c.args.some((a) => /^py(thon)?3/.test(a.value))
      )
    })
  )
}

export const DR1009 = defineDockerfileRule({
  id: 'DR1009',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  description: 'Python packages are installed with pip on Alpine (musl).',
  check(doc, ctx) {
    const done = new Set<Stage>()
    for (const { inst, cmd } of commandsMatching(doc, (n) => /^(pip|python)/.test(n))) {
      const stage = inst.stage
      if (!stage || inst.onbuild || done.has(stage) || !installsPackages(cmd)) continue
      done.add(stage)
      if (!pythonOnAlpine(doc, stage)) continue
      ctx.report({
        message:
          'pip on Alpine: Alpine uses musl, so packages without a musllinux wheel are compiled from source (slow builds that need gcc and headers, larger images). Most popular packages ship musllinux wheels now; if builds are slow or fail, use `python:<version>-slim` instead.',
        range: doc.span(cmd.start, cmd.end).range
      })
    }
  }
})

const VALUE_FLAGS = [
  'r',
  'requirement',
  'c',
  'constraint',
  'i',
  'index-url',
  'extra-index-url',
  'f',
  'find-links'
]

/** `pip install` of real packages (not only pip/setuptools/wheel themselves). */
function installsPackages(c: ShellCommand): boolean {
  if (!isPip(c)) return false
  const args = argsNoFlags(c, VALUE_FLAGS)
  const offset = commandName(c).startsWith('python') ? 1 : 0
  if (args[offset]?.value !== 'install') return false
  if (c.args.some((a) => /^(-r|--requirement)/.test(a.value))) return true
  return args.slice(offset + 1).some((p) => !TOOLING.has(p.value.split(/[=<>~!]/)[0].toLowerCase()))
}
