import type { TextEdit } from '../../core/types.js'
import type { DockerfileDoc, Stage } from '../../dockerfile/model.js'
import type { Flag } from '../../parse/dockerfile.js'
import { defineDockerfileRule } from '../define.js'

/** The span of a flag's value inside `--from=<value>` (quotes excluded). */
function flagValueEdit(
  doc: DockerfileDoc,
  flag: Flag,
  from: string,
  to: string
): TextEdit | undefined {
  const raw = doc.text.slice(flag.start, flag.end)
  const eq = raw.indexOf('=')
  if (eq === -1) return undefined
  const at = raw.toLowerCase().indexOf(from.toLowerCase(), eq + 1)
  if (at === -1) return undefined
  const start = flag.start + at
  return { range: doc.span(start, start + from.length).range, text: to }
}

/** Every place a stage is referenced by name: `FROM <name>`, `COPY --from=<name>`, `--mount=…,from=<name>`. */
function references(doc: DockerfileDoc, stage: Stage, lower: string): TextEdit[] {
  const out: TextEdit[] = []
  const name = stage.name!
  for (const s of doc.stages) {
    if (s.parent !== stage) continue
    const token = s.from.args[0]
    if (token && token.value.toLowerCase() === name && token.value !== lower)
      out.push({ range: token.range, text: lower })
  }
  for (const top of doc.instructions) {
    const inst = top.trigger ?? top
    if (inst.index <= stage.from.index) continue
    for (const f of inst.flags) {
      if (!f.value) continue
      if (f.name === 'from' && f.value.replace(/^["']|["']$/g, '').toLowerCase() === name) {
        const value = f.value.replace(/^["']|["']$/g, '')
        if (value !== lower) {
          const edit = flagValueEdit(doc, f, value, lower)
          if (edit) out.push(edit)
        }
      } else if (f.name === 'mount') {
        const m = /(?:^|,)from=([^,]+)/.exec(f.value)
        if (m && m[1].toLowerCase() === name && m[1] !== lower) {
          const raw = doc.text.slice(f.start, f.end)
          const at = raw.indexOf(`from=${m[1]}`)
          if (at !== -1) {
            const start = f.start + at + 5
            out.push({ range: doc.span(start, start + m[1].length).range, text: lower })
          }
        }
      }
    }
  }
  return out
}

/** BuildKit's stage names (`instructions.validateDefinitionName`, lowercased). */
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/

export const DR2001 = defineDockerfileRule({
  id: 'DR2001',
  aliases: ['StageNameCasing'],
  severity: 'style',
  fixable: true,
  description: 'Stage names should be lowercase (BuildKit StageNameCasing).',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      if (!stage.nameSpan) continue
      const written = doc.text.slice(stage.nameSpan.start, stage.nameSpan.end)
      const lower = written.toLowerCase()
      if (written === lower) continue
      ctx.report({
        message: `Stage name '${written}' should be lowercase ('${lower}'); BuildKit compares stage names case-insensitively.`,
        range: stage.nameSpan.range,
        // Only a name BuildKit accepts is renamed: lowercasing `a:${TAG}` would rename a variable.
        fix: STAGE_NAME.test(lower)
          ? {
              description: `Rename the stage to '${lower}' here and where it is referenced.`,
              safe: true,
              edits: [
                { range: stage.nameSpan.range, text: lower },
                ...references(doc, stage, lower)
              ]
            }
          : undefined
      })
    }
  }
})
