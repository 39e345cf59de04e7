import { defineDockerfileRule } from '../define.js'
import { quoteWord } from './lib/edits.js'

export const DL4000 = defineDockerfileRule({
  id: 'DL4000',
  aliases: ['MaintainerDeprecated', 'AVD-DS-0022', 'CKV_DOCKER_6'],
  severity: 'error',
  fixable: true,
  description: 'MAINTAINER is deprecated.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'MAINTAINER') continue
      const who = inst.text.trim().replace(/^"(.*)"$/, '$1')
      const label = inst.keywordText === inst.keywordText.toLowerCase() ? 'label' : 'LABEL'
      ctx.report({
        message:
          'MAINTAINER is deprecated; use `LABEL maintainer="…"` (or `org.opencontainers.image.authors`).',
        range: inst.keywordSpan.range,
        fix: who
          ? {
              description: 'Replace `MAINTAINER` with a `maintainer` label.',
              safe: true,
              effect: { kind: 'metadata' },
              edits: [
                {
                  range: doc.span(inst.keywordSpan.start, inst.end).range,
                  // MAINTAINER text is literal; LABEL values expand `$` and escapes: quote them.
                  text: `${label} maintainer=${quoteWord(doc, who)}`
                }
              ]
            }
          : undefined
      })
    }
  }
})
