import { defineDockerfileRule } from '../define.js'

export const DR2012 = defineDockerfileRule({
  id: 'DR2012',
  aliases: ['ExposeProtoCasing'],
  severity: 'style',
  fixable: true,
  description: 'The protocol in EXPOSE should be lowercase (BuildKit ExposeProtoCasing).',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'EXPOSE') continue
      for (const arg of inst.args) {
        const slash = arg.value.lastIndexOf('/')
        if (slash === -1 || arg.value.includes('$')) continue
        const proto = arg.value.slice(slash + 1)
        if (proto === proto.toLowerCase()) continue
        const raw = doc.text.slice(arg.start, arg.end)
        const at = arg.start + raw.lastIndexOf(proto)
        ctx.report({
          message: `Defined protocol '${proto}' in EXPOSE should be lowercase ('${proto.toLowerCase()}').`,
          range: arg.range,
          fix: {
            description: `Write '${proto.toLowerCase()}'.`,
            safe: true,
            edits: [{ range: doc.span(at, at + proto.length).range, text: proto.toLowerCase() }]
          }
        })
      }
    }
  }
})
