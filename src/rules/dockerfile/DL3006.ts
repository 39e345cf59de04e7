import { defineDockerfileRule } from '../define.js'
import { versionInName } from '../../dockerfile/image.js'
import { localImage } from '../../dockerfile/local-images.js'

export const DL3006 = defineDockerfileRule({
  id: 'DL3006',
  aliases: ['AVD-DS-0001', 'CKV_DOCKER_7'],
  severity: 'warning',
  description: 'Always tag the version of an image explicitly.',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const { image } = stage
      const token = stage.from.args[0]
      if (!token || stage.parent || image.unresolved || image.expanded.includes('$')) continue
      if (image.tag || image.digest) continue
      const name = image.expanded.toLowerCase()
      if (name === 'scratch' || name === '') continue
      // The name pins the major (`redhat/ubi9-minimal`): untagged is that major's latest on purpose.
      if (versionInName(image.name)) continue
      // An image this repository builds (compose, bake, a folder with its Dockerfile, a name
      // Docker Hub does not have): the build makes it, there is no version to pin.
      if (localImage(doc.path, image.expanded, ctx.workspace)) continue
      const via =
        image.raw !== image.expanded ? ` (\`${image.raw}\` resolves to \`${image.expanded}\`)` : ''
      ctx.report({
        message: `Always tag the version of an image explicitly: \`${image.expanded}\` has no tag${via}.`,
        range: token.range
      })
    }
  }
})
