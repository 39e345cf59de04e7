import { defineDockerfileRule } from '../define.js'

export const DL3061 = defineDockerfileRule({
  id: 'DL3061',
  aliases: [],
  severity: 'error',
  description: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword === 'FROM') return
      if (inst.keyword === 'ARG') continue
      ctx.report({
        message:
          'Instruction before the first FROM: only ARG (and comments or parser directives) may come before FROM.',
        range: inst.keywordSpan.range
      })
    }
  }
})
