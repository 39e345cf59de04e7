import { basename, dirname, join } from '../../core/paths.js'
import { hasVariable } from '../../compose/interpolation.js'
import { get, str, type Val } from '../../compose/model.js'
import type { Workspace } from '../../core/types.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

/** A remote build context: a URL or a git address (Compose sends it to BuildKit as is). */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i

/**
 * Is `path` (workspace-relative) known to be absent? Only when its folder is listed and does not
 * name it: a workspace that cannot tell (a folder never read) is never taken as "missing".
 */
function knownMissing(workspace: Workspace, path: string): boolean {
  const listing = workspace.listDir(dirname(path))
  return listing !== undefined && !listing.includes(basename(path))
}

/** A literal path of the repository (no variable, not absolute, not leaving it), or undefined. */
function literalPath(val: Val | undefined, fallback: string | undefined): string | undefined {
  const text = val === undefined ? fallback : str(val)
  if (text === undefined || hasVariable(text) || REMOTE.test(text) || text.startsWith('/')) return
  return text
}

/**
 * `docker compose build` fails at once when a service's build context folder or its Dockerfile is
 * not there ("unable to prepare context: path … not found", "failed to read dockerfile"). Reported
 * at the value that names it, only when the repository's listing proves it absent; variables,
 * remote contexts, absolute paths and `dockerfile_inline` are left alone.
 */
export const DC0005 = defineComposeRule({
  id: 'DC0005',
  aliases: ['build-context-missing'],
  severity: 'error',
  description:
    "A service's build context folder or Dockerfile does not exist in the repository: the build fails.",
  check(doc, ctx) {
    const here = dirname(doc.path)
    for (const svc of localServices(doc)) {
      const build = get(svc.value, 'build')
      if (!build) continue
      const contextVal = build.kind === 'scalar' ? build : get(build, 'context')
      const context = literalPath(contextVal, '.')
      if (context === undefined) continue
      const dir = join(here, context)
      if (dir.startsWith('..')) continue
      if (dir !== '' && knownMissing(ctx.workspace, dir)) {
        ctx.report({
          ...atValue(doc, contextVal ?? build),
          message: `Service '${svc.name}' builds from \`${context}\`, which is not in the repository: the build fails.`
        })
        continue
      }
      if (build.kind !== 'map' || get(build, 'dockerfile_inline')) continue
      const dockerfileVal = get(build, 'dockerfile')
      const dockerfile = literalPath(dockerfileVal, 'Dockerfile')
      if (dockerfile === undefined) continue
      const file = join(dir, dockerfile)
      if (file.startsWith('..') || !knownMissing(ctx.workspace, file)) continue
      ctx.report({
        ...atValue(doc, dockerfileVal ?? contextVal ?? build),
        message: `Service '${svc.name}' builds with \`${dockerfile}\`, which is not in its build context \`${context}\`: the build fails.`
      })
    }
  }
})
