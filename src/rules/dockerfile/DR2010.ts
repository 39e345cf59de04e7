import { defineDockerfileRule } from '../define.js'
import { copiesFromContext, dockerignoreOf, localSources } from '../../dockerfile/build-context.js'

const GLOB = /[*?[]/

export const DR2010 = defineDockerfileRule({
  id: 'DR2010',
  aliases: ['CopyIgnoredFile'],
  severity: 'warning',
  description:
    'A COPY/ADD source is excluded by .dockerignore, so it is not in the build context (BuildKit CopyIgnoredFile).',
  check(doc, ctx) {
    const ignored = dockerignoreOf(doc, ctx.workspace)
    if (!ignored) return
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (!copiesFromContext(inst)) continue
      for (const source of localSources(inst)) {
        if (source.path === '.' || GLOB.test(source.value) || !source.token) continue
        if (!ignored.excludes(source.path)) continue
        ctx.report({
          message: `'${source.value}' is excluded by ${ignored.path}, so ${inst.keyword} cannot find it in the build context.`,
          range: source.token.range
        })
      }
    }
  }
})
