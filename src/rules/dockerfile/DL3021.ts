import { defineDockerfileRule } from '../define.js'
import type { Token } from '../../parse/dockerfile.js'

const QUOTED = /^(["']).*\1$/s

export const DL3021 = defineDockerfileRule({
  id: 'DL3021',
  aliases: ['AVD-DS-0011'],
  severity: 'error',
  fixable: true,
  description: 'COPY with more than 2 arguments requires the last argument to end with `/`.',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'COPY') continue
      const words: Token[] = inst.json ? inst.json.items : inst.args
      if (words.length < 3) continue
      const dest = words[words.length - 1]
      let value = inst.json ? dest.value : dest.value.replace(/^(["'])(.*)\1$/, '$2')
      if (!inst.json && value.includes('$')) {
        // `COPY a b $DEST`: judge the value the variable has here, when it is known.
        const vars = doc.variables(inst)
        const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value)
        const known = m ? vars.get(m[1]) : undefined
        if (typeof known !== 'string') continue
        value = known
      }
      if (value.endsWith('/') || value.endsWith('\\')) continue
      // `.` (the working directory) and `..` name directories: BuildKit appends the separator.
      if (/(^|[/\\])\.\.?$/.test(value)) continue
      // Insert the slash before a closing quote (JSON or shell quotes) — only of a quoted word:
      // a lone trailing quote (`COPY a "b c/"` splits into `"b` and `c/"`) is part of the value.
      const raw = doc.text.slice(dest.start, dest.end)
      const closing = inst.json || QUOTED.test(raw) ? 1 : 0
      const at = doc.lines.position(dest.end - closing)
      const plain = !dest.value.includes('$')
      ctx.report({
        message: `COPY with ${words.length - 1} sources needs a directory destination ending in \`/\`: \`${dest.value}\`.`,
        range: dest.range,
        fix: plain
          ? {
              description: 'Append `/` to the destination.',
              safe: true,
              edits: [{ range: { start: at, end: at }, text: '/' }]
            }
          : undefined
      })
    }
  }
})
