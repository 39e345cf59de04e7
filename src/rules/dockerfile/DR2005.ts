import { closest } from '../../core/similar.js'
import { defineDockerfileRule } from '../define.js'
import { isVariableName, PLATFORM_ARGS, variableRefs } from '../../dockerfile/variables.js'

export const DR2005 = defineDockerfileRule({
  id: 'DR2005',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  fixable: true,
  description:
    'FROM uses a build argument that no ARG before the first FROM declares (BuildKit UndefinedArgInFrom).',
  check(doc, ctx) {
    const declared = [...doc.globalArgs.keys()].filter(isVariableName)
    for (const stage of doc.stages) {
      const from = stage.from
      const refs = variableRefs(from.text, from.textOffsets, doc.escape)
      for (const f of from.flags) {
        if (f.name !== 'platform' || !f.value) continue
        const raw = doc.text.slice(f.start, f.end)
        const eq = raw.indexOf('=')
        const offsets = Array.from({ length: raw.length - eq }, (_, k) => f.start + eq + 1 + k)
        refs.push(...variableRefs(raw.slice(eq + 1), offsets, doc.escape))
      }
      for (const ref of refs) {
        if (doc.globalArgs.has(ref.name) || PLATFORM_ARGS.has(ref.name)) continue
        const hint = closest(ref.name, declared)
        ctx.report({
          message: `FROM uses \`${ref.name}\`, which no ARG before the first FROM declares${hint ? ` (did you mean \`${hint}\`?)` : ''}; it expands to an empty string.`,
          range: doc.span(ref.start, ref.end).range,
          fix: hint
            ? {
                description: `Use the declared build argument \`${hint}\` (check that it is the intended one).`,
                safe: false,
                edits: [{ range: doc.span(ref.nameStart, ref.nameEnd).range, text: hint }]
              }
            : undefined
        })
      }
    }
  }
})
