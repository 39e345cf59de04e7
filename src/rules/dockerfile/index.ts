import type { Rule } from '../../core/types.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import { hadolintRules } from './hadolint-rules.js'
import { otherRules } from './other-rules.js'
import { compareText } from '../../core/text.js'

/**
 * Every Dockerfile rule, sorted by id: hadolint's DL rules, and the rules beyond hadolint
 * (ShellCheck, BuildKit, security, DR). A meta-test keeps these lists, the files and docs/rules/ in step.
 */
export const dockerfileRules: readonly Rule<DockerfileDoc>[] = [
  ...hadolintRules,
  ...otherRules
].sort((a, b) => compareText(a.meta.id, b.meta.id))
