import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import type { TextEdit } from '../../core/types.js'
import { eolAt } from './lib/edits.js'
import { pairs, type Pair } from '../../dockerfile/properties.js'

/** `$NAME` or `${NAME…}` at a `$` (sticky). */
const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?+-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/y

interface Ref {
  name: string
  /** File offsets of the reference. */
  start: number
  end: number
}

/** Variable references the builder expands in a value: not in single quotes, not escaped. */
function refsOf(doc: DockerfileDoc, pair: Pair): Ref[] {
  if (!pair.valueSpan) return []
  const base = pair.valueSpan.start
  const raw = doc.text.slice(base, pair.valueSpan.end)
  const out: Ref[] = []
  let quote = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (quote !== "'" && c === doc.escape) i++
    else if (c === '"' || c === "'") quote = quote === c ? '' : quote || c
    else if (c === '$' && quote !== "'") {
      REF.lastIndex = i
      const m = REF.exec(raw)
      if (m) out.push({ name: m[1] ?? m[2], start: base + i, end: base + i + m[0].length })
    }
  }
  return out
}

/**
 * Split points so that no ENV refers to a name another pair of the same ENV sets: a new group
 * starts before a pair that reads a name set in the group, or sets a name the group reads.
 */
function groups(ps: Pair[], refs: Ref[][]): number[] {
  const starts: number[] = []
  let defined = new Set<string>()
  let read = new Set<string>()
  ps.forEach((p, i) => {
    const reads = refs[i].map((r) => r.name)
    if (i > 0 && (reads.some((n) => defined.has(n)) || read.has(p.name))) {
      starts.push(i)
      defined = new Set()
      read = new Set()
    }
    defined.add(p.name)
    for (const n of reads) read.add(n)
  })
  return starts
}

export const DL3044 = defineDockerfileRule({
  id: 'DL3044',
  aliases: [],
  severity: 'error',
  fixable: true,
  description:
    'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
  check(doc, ctx) {
    // hadolint tracks every ARG/ENV name seen so far in the file, whatever the stage.
    const known = new Set<string>()
    const visit = (inst: Instruction): void => {
      if (inst.keyword === 'ARG') {
        for (const p of pairs(doc, inst)) known.add(p.name)
        return
      }
      if (inst.keyword !== 'ENV') return
      const ps = pairs(doc, inst)
      const refs = ps.map((p) => refsOf(doc, p))
      const bad: Ref[] = []
      ps.forEach((p, i) => {
        if (known.has(p.name)) return
        ps.forEach((_, j) => {
          if (j !== i) for (const r of refs[j]) if (r.name === p.name) bad.push(r)
        })
      })
      for (const p of ps) known.add(p.name)
      if (bad.length === 0) return
      bad.sort((a, b) => a.start - b.start)
      const names = [...new Set(bad.map((r) => r.name))]
      const top = inst.onbuild ?? inst
      const prefix = doc.text.slice(top.start, inst.keywordSpan.end)
      const eol = eolAt(doc, top.range.start.line)
      const edits: TextEdit[] = groups(ps, refs).map((i) => {
        const start = ps[i - 1].span.end
        const end = ps[i].span.start
        // Comment lines inside the continuation move above the new ENV line.
        const comments = doc.text
          .slice(start, end)
          .split('\n')
          .slice(1, -1)
          .filter((line) => line.trim().startsWith('#'))
          .map((line) => `${line.replace(/\r$/, '')}${eol}`)
        return { range: doc.span(start, end).range, text: `${eol}${comments.join('')}${prefix} ` }
      })
      ctx.report({
        message: `\`${names.join('`, `')}\` is set in this same ENV; the reference expands to the value from before it. Use a separate ENV.`,
        range: doc.span(bad[0].start, bad[0].end).range,
        fix:
          edits.length > 0
            ? {
                description: `Split the ENV so ${names.map((n) => `\`$${n}\``).join(', ')} sees the value set here.`,
                safe: true,
                edits
              }
            : undefined
      })
    }
    for (const inst of doc.instructions) visit(inst.trigger ?? inst)
  }
})
