import { defineDockerfileRule } from '../define.js'

export const DL3025 = defineDockerfileRule({
  id: 'DL3025',
  aliases: ['JSONArgsRecommended'],
  severity: 'warning',
  description: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      let target = inst
      if (inst.keyword === 'HEALTHCHECK') {
        const sub = inst.args[0]
        if (!sub || sub.value.toUpperCase() !== 'CMD') continue
        const rest = inst.text.slice(inst.text.toUpperCase().indexOf('CMD') + 3).trim()
        if (rest.startsWith('[')) continue
      } else if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue
      else if (inst.json || inst.text.trim() === '') continue
      else target = inst
      ctx.report({
        message: `Use JSON (exec) form for ${inst.keyword}: in shell form the process runs under \`/bin/sh -c\` and does not receive SIGTERM.`,
        range: target.argsSpan?.range ?? target.range
      })
    }
  }
})
