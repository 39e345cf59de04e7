import type { Instruction } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'

/**
 * A RUN whose script docker-review did not parse because it is beyond SHELL_PARSE_LIMITS (size,
 * nesting, commands, chain length): the rules that read its commands saw only a rough split of
 * it, so the RUN is not fully checked. An error at the RUN that says which limit and quotes
 * nothing from the file.
 */
export const DR0011 = defineDockerfileRule({
  id: 'DR0011',
  severity: 'error',
  description:
    'A RUN script too large or too deeply nested for docker-review to parse: the rules that read its commands did not fully check it.',
  check(doc, ctx) {
    const visit = (inst: Instruction): void => {
      if (inst.keyword === 'RUN' && !inst.json) {
        const limit = doc.shell(inst)?.limit
        if (limit !== undefined) {
          ctx.report({
            message: `Not analysed: the script of this RUN is beyond what docker-review parses (${limit}), so the rules that read its commands saw only a rough split of it. Split or simplify this RUN.`,
            range: inst.keywordSpan.range
          })
        }
      }
      if (inst.trigger) visit(inst.trigger)
    }
    doc.instructions.forEach(visit)
  }
})
