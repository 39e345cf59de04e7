import { defineDockerfileRule } from '../define.js'
import {
  buildContextOf,
  copiesFromContext,
  dockerignoreOf,
  localSources
} from '../../dockerfile/build-context.js'
import { dirOf, joinPath } from '../../core/paths.js'

export const DR1005 = defineDockerfileRule({
  id: 'DR1005',
  aliases: [],
  severity: 'warning',
  description: 'The whole build context is copied, but it has no `.dockerignore`.',
  check(doc, ctx) {
    const ws = ctx.workspace
    if (dockerignoreOf(doc, ws) !== null) return
    // Without a compose file naming the context, an ignore file further up suggests the context
    // is that folder (`docker build -f sub/Dockerfile .`).
    if (buildContextOf(doc.path, ws).from === 'dockerfile') {
      for (let dir = dirOf(doc.path); dir !== '.' && dir !== '/';) {
        dir = dirOf(dir)
        if (ws.readFile(joinPath(dir, '.dockerignore')) !== undefined) return
      }
    }
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (!copiesFromContext(inst)) continue
      for (const source of localSources(inst)) {
        if (source.path !== '.' || !source.token) continue
        ctx.report({
          message: `\`${inst.keyword} ${source.value}\` copies the whole build context, and there is no .dockerignore: .git, .env files, keys, logs and node_modules go into the image and every change busts the cache. Add a .dockerignore to the build context.`,
          range: source.token.range
        })
      }
    }
  }
})
