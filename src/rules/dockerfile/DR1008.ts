import { defineDockerfileRule } from '../define.js'
import { finalInstructions, imageRole } from '../../dockerfile/stages.js'
import { inherited } from '../../dockerfile/parents.js'

export const DR1008 = defineDockerfileRule({
  id: 'DR1008',
  aliases: [],
  severity: 'info',
  description: 'The final image EXPOSEs a port but has no HEALTHCHECK.',
  check(doc, ctx) {
    if (imageRole(doc) !== 'application') return
    const insts = finalInstructions(doc)
    if (insts.some((i) => i.keyword === 'HEALTHCHECK')) return
    // A parent built in this repository that declares one (or `HEALTHCHECK NONE`) passes it on.
    const last = doc.stages[doc.stages.length - 1]
    if (inherited(doc, last, ctx.workspace).healthcheck !== undefined) return
    const expose = insts.find((i) => i.keyword === 'EXPOSE' && i.args.length > 0)
    if (!expose) return
    ctx.report({
      message:
        'The image serves a port but has no HEALTHCHECK: Docker and compose cannot tell a hung service from a healthy one (`depends_on: condition: service_healthy` needs it). Add e.g. `HEALTHCHECK CMD curl -fsS http://localhost:<port>/health || exit 1`, or `HEALTHCHECK NONE` to state that none is wanted.',
      range: expose.keywordSpan.range
    })
  }
})
