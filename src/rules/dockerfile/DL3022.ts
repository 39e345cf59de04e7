import { closest } from '../../core/similar.js'
import { defineDockerfileRule } from '../define.js'
import { expandVariables } from '../../dockerfile/variables.js'
import type { Stage } from '../../dockerfile/model.js'
import { localImage } from '../../dockerfile/local-images.js'

export const DL3022 = defineDockerfileRule({
  id: 'DL3022',
  aliases: [],
  severity: 'warning',
  fixable: true,
  description: '`COPY --from` should reference a previously defined `FROM` alias.',
  check(doc, ctx) {
    // The first stage of each name, built once (a lookup per COPY keeps huge files linear).
    const firstByName = new Map<string, Stage>()
    for (const s of doc.stages)
      if (s.name !== undefined && !firstByName.has(s.name)) firstByName.set(s.name, s)
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'COPY') continue
      const flag = inst.flags.find((f) => f.name === 'from')
      if (!flag?.value || !flag.valueSpan) continue
      // Instructions before any FROM have no earlier stage at all.
      const index = inst.stage?.index ?? 0
      let ref = flag.value
      if (ref.includes('$')) {
        // `--from=$BUILDER`: judge the value the variable has here; unknown values pass.
        const { value, unresolved } = expandVariables(ref, doc.variables(inst))
        if (unresolved) continue
        ref = value
      }
      const name = ref.toLowerCase()
      if (/^\d+$/.test(name)) {
        if (Number(name) < index) continue
        ctx.report({
          message: `\`--from=${ref}\` names stage ${name}, but only ${index} stage${index === 1 ? '' : 's'} come${index === 1 ? 's' : ''} before this one (stages count from 0).`,
          range: flag.valueSpan.range
        })
        continue
      }
      const first = firstByName.get(name)
      // Its own stage is DL3023's business.
      if ((first && first.index < index) || name === inst.stage?.name) continue
      // A reference with a registry, tag or digest is an image (DL3026 judges registries).
      if (/[:/@]/.test(name)) continue
      // The first stage of that name is this one or later; this one's name is not it.
      const later = first
      if (later) {
        ctx.report({
          message: `Stage \`${ref}\` is defined later (line ${later.from.range.start.line}); \`COPY --from\` can only use earlier stages (otherwise it pulls an image called \`${ref}\`).`,
          range: flag.valueSpan.range
        })
        continue
      }
      // A bake named context, a folder with the Dockerfile that builds it, a stage of a sibling
      // Dockerfile built alongside: provided by the build, not pulled.
      if (localImage(doc.path, ref, ctx.workspace, 'copy-source')) continue
      const names = doc.stages
        .slice(0, index)
        .map((s) => s.name)
        .filter((n): n is string => n !== undefined)
      const hint = closest(name, names)
      ctx.report({
        message: hint
          ? `No earlier stage is called \`${ref}\`: did you mean \`${hint}\`? (Otherwise this pulls the image \`${ref}:latest\`.)`
          : `No earlier stage is called \`${ref}\`: unless the build passes \`--build-context ${ref}=…\`, this pulls the image \`${ref}:latest\`; name a stage \`AS ${ref}\`, or tag the image.`,
        range: flag.valueSpan.range,
        fix:
          hint && !flag.value.includes('$')
            ? {
                description: `Copy from stage \`${hint}\` instead (the build no longer pulls an image called \`${ref}\`).`,
                safe: false,
                edits: [{ range: flag.valueSpan.range, text: hint }]
              }
            : undefined
      })
    }
  }
})
