import { defineDockerfileRule } from '../define.js'
import { versionInName } from '../../dockerfile/image.js'
import { localImage } from '../../dockerfile/local-images.js'

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
      // `ubi9/ubi-micro:latest`: the name pins the major, latest is its newest minor.
      if (versionInName(image.name)) continue
      // `latest` of an image this repository builds is whatever the same build just made.
      if (localImage(doc.path, image.expanded, ctx.workspace)) continue
      ctx.report({
        message: `\`${image.expanded}\` uses the \`latest\` tag, which changes under you; pin a concrete version (or a digest).`,
        range: token.range
      })
    }
  }
})
