import { defineDockerfileRule } from '../define.js'

export const DL3007 = defineDockerfileRule({
  id: 'DL3007',
  aliases: [],
  severity: 'warning',
  description:
    'Using latest is prone to errors if the image will ever update. Pin the version explicitly.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const { image } = stage
      const token = stage.from.args[0]
      if (!token || stage.parent || image.digest || image.tag !== 'latest') continue
      ctx.report({
        message: `\`${image.expanded}\` uses the \`latest\` tag, which changes under you; pin a concrete version (or a digest).`,
        range: token.range
      })
    }
  }
})
