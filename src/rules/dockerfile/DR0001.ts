import { NOT_CHECKED } from '../../core/not-checked.js'
import { defineDockerfileRule } from '../define.js'

/**
 * A Dockerfile that was not fully checked fails closed (src/core/not-checked.ts). The engine
 * reports it — when the file could not be read (a symbolic link, outside the workspace, binary,
 * too large), when parsing or a rule failed on it, or at the last-resort time guard — so this
 * rule's own check has nothing to look at; it exists so the finding has an id, a severity and a
 * page, and can be configured like any rule.
 */
export const DR0001 = defineDockerfileRule({
  id: NOT_CHECKED.dockerfile,
  aliases: ['not-fully-checked'],
  severity: 'error',
  description:
    'The Dockerfile was not fully checked (not read, binary, too large, or linting it failed), so the check cannot vouch for it.',
  check() {
    // reported by the engine, see above
  }
})
