import { defineDockerfileRule } from '../define.js'

export const DR2013 = defineDockerfileRule({
  id: 'DR2013',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  fixable: true,
  description:
    'EXPOSE takes container ports only; an IP address or host-port mapping is ignored (BuildKit ExposeInvalidFormat).',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'EXPOSE') continue
      for (const arg of inst.args) {
        const value = arg.value.replace(/^["']|["']$/g, '')
        if (!value.includes(':') || value.includes('$')) continue
        const container = value.slice(value.lastIndexOf(':') + 1)
        ctx.report({
          message: `EXPOSE '${value}' names a host address or port; only the container port ('${container || '?'}') is used. Publish host ports with \`docker run -p\` or compose \`ports:\`.`,
          range: arg.range,
          fix: /^\d/.test(container)
            ? {
                description: `Keep only the container port '${container}'.`,
                safe: true,
                edits: [{ range: arg.range, text: container }]
              }
            : undefined
        })
      }
    }
  }
})
