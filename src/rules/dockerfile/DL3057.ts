import { defineDockerfileRule } from '../define.js'
import { lineage } from '../../dockerfile/stages.js'

export const DL3057 = defineDockerfileRule({
  id: 'DL3057',
  aliases: ['AVD-DS-0026', 'CKV_DOCKER_2'],
  severity: 'info',
  enabledByDefault: false,
  description: '`HEALTHCHECK` instruction missing.',
  check(doc, ctx) {
    // Only the image the file builds: the last stage, with what it inherits from earlier stages.
    const last = doc.stages[doc.stages.length - 1]
    if (!last) return
    const has = lineage(last).some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))
    if (has) return
    const from = last.from
    const end = from.args.length > 0 ? from.args[from.args.length - 1].end : from.keywordSpan.end
    ctx.report({
      message:
        'The image has no HEALTHCHECK: orchestrators cannot tell a hung container from a healthy one (use `HEALTHCHECK NONE` to state that on purpose).',
      range: doc.span(from.keywordSpan.start, end).range
    })
  }
})
