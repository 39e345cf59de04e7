import { defineDockerfileRule } from '../define.js'

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER'])

export const DL3043 = defineDockerfileRule({
  id: 'DL3043',
  aliases: [],
  severity: 'error',
  description: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      const trigger = inst.trigger
      if (!trigger || !FORBIDDEN.has(trigger.keyword)) continue
      ctx.report({
        message: `\`ONBUILD ${trigger.keyword}\` is not allowed: Docker rejects ONBUILD, FROM and MAINTAINER as triggers.`,
        range: trigger.keywordSpan.range
      })
    }
  }
})
