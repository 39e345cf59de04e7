import { defineDockerfileRule } from '../define.js'

export const DL3006 = defineDockerfileRule({
  id: 'DL3006',
  aliases: ['AVD-DS-0001', 'CKV_DOCKER_7'],
  severity: 'warning',
  description: 'Always tag the version of an image explicitly.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const { image } = stage
      const token = stage.from.args[0]
      if (!token || stage.parent || image.unresolved) continue
      if (image.tag || image.digest) continue
      const name = image.expanded.toLowerCase()
      if (name === 'scratch' || name === '') continue
      const via =
        image.raw !== image.expanded ? ` (\`${image.raw}\` resolves to \`${image.expanded}\`)` : ''
      ctx.report({
        message: `Always tag the version of an image explicitly: \`${image.expanded}\` has no tag${via}.`,
        range: token.range
      })
    }
  }
})
