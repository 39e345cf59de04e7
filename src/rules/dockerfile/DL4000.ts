import { defineDockerfileRule } from '../define.js'

export const DL4000 = defineDockerfileRule({
  id: 'DL4000',
  aliases: ['MaintainerDeprecated', 'AVD-DS-0022'],
  severity: 'error',
  fixable: true,
  description: 'MAINTAINER is deprecated.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'MAINTAINER') continue
      const who = inst.text.trim()
      const label = inst.keywordText === inst.keywordText.toLowerCase() ? 'label' : 'LABEL'
      const value = JSON.stringify(who.replace(/^"(.*)"$/, '$1'))
      ctx.report({
        message:
          'MAINTAINER is deprecated; use `LABEL maintainer="…"` (or `org.opencontainers.image.authors`).',
        range: inst.keywordSpan.range,
        fix: who
          ? {
              description: 'Replace `MAINTAINER` with a `maintainer` label.',
              safe: true,
              edits: [
                {
                  range: doc.span(inst.keywordSpan.start, inst.end).range,
                  text: `${label} maintainer=${value}`
                }
              ]
            }
          : undefined
      })
    }
  }
})
