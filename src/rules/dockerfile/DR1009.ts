import type { DockerfileDoc, Stage } from '../../parse/dockerfile.js'
import { defineDockerfileRule } from '../define.js'
import { argsNoFlags, commandName, lineage } from './lib/commands.js'
import { isPip } from './lib/insecure.js'
import { shortName } from './lib/final-image.js'

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
  description: 'Python packages are installed with pip on Alpine (musl).',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      let checked: boolean | undefined
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') continue
        const script = doc.shell(inst)
        const pip = script?.commands.find((c) => {
          if (!isPip(c)) return false
          const args = argsNoFlags(c, [
            'r',
            'requirement',
            'c',
            'constraint',
            'i',
            'index-url',
            'extra-index-url',
            'f',
            'find-links'
          ])
          const offset = commandName(c).startsWith('python') ? 1 : 0
          if (args[offset]?.value !== 'install') return false
          const packages = args.slice(offset + 1)
          const requirements = c.args.some((a) => /^(-r|--requirement)/.test(a.value))
          return (
            requirements ||
            packages.some((p) => !TOOLING.has(p.value.split(/[=<>~!]/)[0].toLowerCase()))
          )
        })
        if (!pip) continue
        checked ??= pythonOnAlpine(doc, stage)
        if (!checked) break
        ctx.report({
          message:
            'pip on Alpine: Alpine uses musl, so packages without a musllinux wheel are compiled from source (slow builds that need gcc and headers, larger images). Most popular packages ship musllinux wheels now; if builds are slow or fail, use `python:<version>-slim` instead.',
          range: doc.span(pip.start, pip.end).range
        })
        break
      }
    }
  }
})
