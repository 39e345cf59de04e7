import { defineDockerfileRule } from '../define.js'

/** `# hadolint ignore=…`, `# docker-review global ignore=…`, `# hadolint stage ignore=…`. */
const IGNORE_PRAGMA = /^(hadolint|docker-review)\s+(?:(?:global|stage)\s+)?ignore\s*=/i

export const DL1001 = defineDockerfileRule({
  id: 'DL1001',
  aliases: [],
  severity: 'info',
  enabledByDefault: false,
  description: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
  check(doc, ctx) {
    for (const c of doc.comments) {
      const m = IGNORE_PRAGMA.exec(c.content)
      if (!m) continue
      ctx.report({
        message: `Inline ignore pragma: fix the finding, or turn the rule off in the configuration where the policy is visible (\`# ${m[1]} ignore=\` hides it in this file).`,
        range: c.range
      })
    }
  }
})
