import { defineDockerfileRule } from '../define.js'
import type { Instruction, Stage } from '../../dockerfile/model.js'
import type { Token } from '../../parse/dockerfile.js'
import type { Fix } from '../../core/types.js'
import { inScopeBefore, lineage } from '../../dockerfile/stages.js'

const QUOTES = /^["']|["']$/g
/** Absolute (`/x`, `c:\x`, `c:/x`) or a variable the builder expands. */
const NOT_RELATIVE = /^(\/|[A-Za-z]:[\\/]|\$)/

/** The destination word of a COPY (last argument, exec form included). */
function destination(inst: Instruction): Token | undefined {
  if (inst.json) return inst.json.items[inst.json.items.length - 1]
  return inst.args.length >= 2 ? inst.args[inst.args.length - 1] : undefined
}

/** Is a WORKDIR in effect for `inst`: earlier in its stage, in an ancestor stage, or (for ONBUILD) set by an earlier trigger? */
function workdirSet(doc: Parameters<typeof inScopeBefore>[0], inst: Instruction): boolean {
  for (const i of inScopeBefore(doc, inst)) {
    if (i.keyword === 'WORKDIR') return true
    if (inst.onbuild && i.trigger?.keyword === 'WORKDIR') return true
  }
  // An ONBUILD COPY runs in the child image, after everything this stage set.
  if (inst.onbuild && inst.onbuild.stage) {
    return inst.onbuild.stage.instructions.some((i) => i.keyword === 'WORKDIR')
  }
  return false
}

/** The stage's lineage starts from `scratch` (its working directory is `/`). */
function fromScratch(stage: Stage | undefined): boolean {
  const root = lineage(stage).pop()
  return root !== undefined && root.image.expanded.toLowerCase() === 'scratch'
}

export const DL3045 = defineDockerfileRule({
  id: 'DL3045',
  aliases: [],
  severity: 'warning',
  fixable: true,
  description: '`COPY` to a relative destination without `WORKDIR` set.',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'COPY') continue
      const dest = destination(inst)
      // A heredoc marker last (`COPY a <<EOF`) is a source, not a destination.
      if (!dest || inst.heredocs.some((h) => h.marker.start === dest.start)) continue
      // The text as written: Windows paths keep their backslashes.
      const raw = doc.text.slice(dest.start, dest.end)
      const path = inst.json ? dest.value : raw.replace(QUOTES, '')
      if (path === '' || NOT_RELATIVE.test(path) || workdirSet(doc, inst)) continue
      // `FROM scratch` has no WORKDIR to inherit: the destination is under `/`, as written.
      if (fromScratch(top.stage)) continue
      const open = /^["']/.test(raw) ? 1 : 0
      const at = dest.start + open
      let fix: Fix | undefined
      const edit = (start: number, end: number, text: string): Fix => ({
        description: `Make the destination absolute (\`/${path.replace(/^\.\/?/, '')}\`). Same result only while the working directory is \`/\`: a base image that sets WORKDIR (node, golang, …) copies somewhere else today.`,
        safe: false,
        edits: [{ range: doc.span(start, end).range, text }]
      })
      if (path === '.' || path === './') fix = edit(at, at + path.length, '/')
      else if (path.startsWith('./')) fix = edit(at, at + 1, '')
      else if (!path.startsWith('.')) fix = edit(at, at, '/')
      ctx.report({
        message: `\`COPY\` to the relative destination \`${path}\` while no WORKDIR is set in this stage: set WORKDIR or use an absolute path.`,
        range: dest.range,
        fix
      })
    }
  }
})
