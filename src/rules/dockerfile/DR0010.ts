import { defineDockerfileRule } from '../define.js'
import { checkedScripts, shellcheckOf } from './lib/shellcheck-script.js'

/**
 * A RUN whose script ShellCheck did not check: over the limits of what it is given (size,
 * nesting, commands, chain length, variable names: SHELLCHECK_LIMITS), or ShellCheck ran out of
 * its memory or CPU limit or failed on it. Its SC findings are unknown, so the RUN is not fully
 * checked: an error, reported at the RUN, that says why and quotes nothing from the file.
 */
export const DR0010 = defineDockerfileRule({
  id: 'DR0010',
  severity: 'error',
  description:
    'A RUN script ShellCheck did not check (too large or too complex to give it, or ShellCheck ran out of memory or time on it): its SC findings are unknown.',
  check(doc, ctx) {
    const shellcheck = shellcheckOf(ctx)
    if (!shellcheck) return
    for (const { rs, notChecked } of checkedScripts(doc, shellcheck)) {
      if (notChecked === undefined) continue
      ctx.report({
        message: `Not checked by ShellCheck: ${notChecked}. Its SC findings are unknown; split or simplify this RUN (or move the script into a file that is COPYed and checked on its own).`,
        range: rs.inst.keywordSpan.range
      })
    }
  }
})
