import type { Fix } from '../../core/types.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import type { Token } from '../../parse/dockerfile.js'
import { defineDockerfileRule } from '../define.js'
import { lineage } from '../../dockerfile/stages.js'

/** Absolute for Docker: `/x`, a variable (unknown), or a Windows drive path. */
function absolute(path: string): boolean {
  const p = path.replace(/^["']|["']$/g, '')
  return p.startsWith('/') || p.startsWith('$') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\')
}

function absoluteFix(doc: DockerfileDoc, arg: Token): Fix {
  const raw = doc.text.slice(arg.start, arg.end)
  const at = arg.start + (/^["']/.test(raw) ? 1 : 0)
  const dotSlash = doc.text.startsWith('./', at)
  const rest = doc.text.slice(at + (dotSlash ? 2 : 0), arg.end).replace(/["']$/, '')
  return {
    description: `Make the path absolute ('/${rest}'), assuming the base image works in '/'.`,
    safe: false,
    edits: [{ range: doc.span(at, at + (dotSlash ? 2 : 0)).range, text: '/' }]
  }
}

export const DR2006 = defineDockerfileRule({
  id: 'DR2006',
  aliases: ['WorkdirRelativePath'],
  severity: 'warning',
  fixable: true,
  enabledByDefault: false,
  description:
    'The first WORKDIR of a stage is relative while no absolute WORKDIR was set before it (BuildKit WorkdirRelativePath).',
  check(doc, ctx) {
    const setsAbsolute = new Map<number, boolean>()
    for (const stage of doc.stages) {
      let known = lineage(stage)
        .slice(1)
        .some((s) => setsAbsolute.get(s.index))
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'WORKDIR') continue
        const path = inst.text.trim()
        if (path === '') continue
        if (absolute(path)) {
          known = true
          continue
        }
        if (!known) {
          const arg = inst.args[0]
          ctx.report({
            message: `Relative WORKDIR '${path}' depends on the base image's working directory; use an absolute path.`,
            range: (arg ?? inst).range,
            fix: arg ? absoluteFix(doc, arg) : undefined
          })
        }
        known = true
      }
      setsAbsolute.set(stage.index, known)
    }
  }
})
