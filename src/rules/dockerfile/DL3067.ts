import { defineDockerfileRule } from '../define.js'

const ROOT = /^["']?\/["']?$/

export const DL3067 = defineDockerfileRule({
  id: 'DL3067',
  aliases: [],
  severity: 'warning',
  description: 'Do not copy the entire filesystem from another stage (`COPY --from=<stage> / /`).',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'COPY' || !inst.flags.some((f) => f.name === 'from')) continue
      const words = inst.json ? inst.json.items : inst.args
      if (words.length !== 2 || !words.every((w) => ROOT.test(w.value))) continue
      ctx.report({
        message:
          '`COPY --from=… / /` copies the whole filesystem of the other image, including its package databases and caches; copy the directories you need.',
        range: doc.span(words[0].start, words[1].end).range
      })
    }
  }
})
