import { defineDockerfileRule } from '../define.js'

const PORT = /^(\d+)(?:-(\d+))?(?:\/\w*)?$/

export const DL3011 = defineDockerfileRule({
  id: 'DL3011',
  aliases: ['AVD-DS-0008'],
  severity: 'error',
  description: 'Valid UNIX ports range from 0 to 65535.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'EXPOSE') continue
      for (const arg of inst.args) {
        // `${PORT}`, `80-${END}`: unknown until build time.
        const m = PORT.exec(arg.value.replace(/^["']|["']$/g, ''))
        if (!m) continue
        const bad = [m[1], m[2]].filter((p) => p !== undefined && Number(p) > 65535)
        if (bad.length === 0) continue
        ctx.report({
          message: `Port ${bad.map((p) => `\`${p}\``).join(' and ')} is out of range: ports go from 0 to 65535.`,
          range: arg.range
        })
      }
    }
  }
})
