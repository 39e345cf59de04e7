import { defineDockerfileRule } from '../define.js'

export const DR1011 = defineDockerfileRule({
  id: 'DR1011',
  aliases: [],
  severity: 'warning',
  enabledByDefault: false,
  description: 'The base image is not pinned by digest (`@sha256:…`).',
  check(doc, ctx) {
    for (const stage of doc.stages) {
      const image = stage.image
      const token = stage.from.args[0]
      if (!token || stage.parent || image.unresolved || image.digest) continue
      if (image.name.toLowerCase() === 'scratch') continue
      ctx.report({
        message: `\`${image.expanded}\` is not pinned by digest: the tag can be moved to different content. Pin it as \`${image.expanded}@sha256:<digest>\` (e.g. from \`docker buildx imagetools inspect\`) and let a bot such as Renovate or Dependabot update it.`,
        range: token.range
      })
    }
  }
})
