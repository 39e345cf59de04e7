import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Stage } from '../../dockerfile/model.js'
import { stageDistro } from '../../dockerfile/distro.js'
import { rootImage, variantStages } from '../../dockerfile/stages.js'

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

/**
 * A stage whose root is meant to be copied whole: built FROM scratch (artifacts only), one of
 * several `FROM <name>-$VAR` variants that all are, or an alias of a helper-tool image (a stage
 * with no instructions of its own over an image that is no OS distribution, such as
 * `tonistiigi/xx`, whose documented use is `COPY --from=xx / /`).
 */
function wholeOnPurpose(doc: DockerfileDoc, stage: Stage): boolean {
  if (rootImage(stage) === 'scratch') return true
  const variants = variantStages(doc, stage)
  if (variants.length > 0 && variants.every((v) => rootImage(v) === 'scratch')) return true
  const alias =
    !stage.parent && stage.instructions.every((i) => i.keyword === 'FROM' || i.keyword === 'ARG')
  return alias && !stage.image.unresolved && stageDistro(stage).family === 'unknown'
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
      if (!stage || (stage !== 'stage' && wholeOnPurpose(doc, stage))) continue
      ctx.report({
        message:
          '`COPY --from=… / /` copies the whole filesystem of the other stage, including its package databases and caches; copy the directories you need.',
        range: doc.span(words[0].start, words[1].end).range
      })
    }
  }
})
