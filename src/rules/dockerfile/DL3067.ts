import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Stage } from '../../dockerfile/model.js'
import { rootImage } from '../../dockerfile/stages.js'

const ROOT = /^["']?\/["']?$/

/**
 * The stage `--from` names, or undefined for an image reference (`tonistiigi/xx:1.4`,
 * `docker/cli`): tool images built to be copied whole. Unknown bare names count as stages.
 */
function source(doc: DockerfileDoc, ref: string): Stage | 'stage' | undefined {
  const name = ref.replace(/^["']|["']$/g, '').toLowerCase()
  const stage =
    doc.stages.find((s) => s.name === name) ??
    (/^\d+$/.test(name) ? doc.stages[Number(name)] : undefined)
  if (stage) return stage
  return /[/:@.]/.test(name) ? undefined : 'stage'
}

export const DL3067 = defineDockerfileRule({
  id: 'DL3067',
  aliases: [],
  severity: 'warning',
  description: 'Do not copy the entire filesystem from another stage (`COPY --from=<stage> / /`).',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'COPY') continue
      const from = inst.flags.find((f) => f.name === 'from')
      if (!from?.value) continue
      const words = inst.json ? inst.json.items : inst.args
      if (words.length !== 2 || !words.every((w) => ROOT.test(w.value))) continue
      const stage = source(doc, from.value)
      // An image reference, or a stage built FROM scratch, holds only what was put there on purpose.
      if (!stage || (stage !== 'stage' && rootImage(stage) === 'scratch')) continue
      ctx.report({
        message:
          '`COPY --from=… / /` copies the whole filesystem of the other stage, including its package databases and caches; copy the directories you need.',
        range: doc.span(words[0].start, words[1].end).range
      })
    }
  }
})
