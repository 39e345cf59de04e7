import { hasShell } from '../../dockerfile/distro.js'
import { stageDistroIn } from '../../dockerfile/parents.js'
import { installedBefore, lineageRuns } from '../../dockerfile/effects.js'
import { defineDockerfileRule } from '../define.js'

const POSIX_SHELL = /(^|\/)(sh|bash|ash|dash|zsh|ksh|mksh)$/

/**
 * A `SHELL` whose program the image does not have (bash on Alpine, any shell on distroless or
 * scratch): every later shell-form RUN fails to start. Shells installed by an earlier RUN count.
 */
export const DR1019 = defineDockerfileRule({
  id: 'DR1019',
  aliases: [],
  severity: 'error',
  description:
    'SHELL names a shell the image does not have (bash on Alpine, any shell on distroless): every later RUN fails.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'SHELL' || !inst.json || !inst.stage) continue
      const shell = inst.json.values[0]
      // Only POSIX shells: PowerShell and cmd images are not modelled.
      if (!shell || !POSIX_SHELL.test(shell)) continue
      const distro = stageDistroIn(doc, inst.stage, ctx.workspace)
      if (hasShell(distro, shell) !== false) continue
      const name = shell.slice(shell.lastIndexOf('/') + 1)
      if (installedBefore(lineageRuns(doc, inst.stage), name, inst.start)) continue
      const later = inst.stage.instructions.some(
        (i) => i.index > inst.index && i.keyword === 'RUN' && !i.json
      )
      if (!later) continue
      const has = distro.shells?.length
        ? `it has ${distro.shells.map((s) => `\`${s}\``).join(', ')}`
        : 'it has no shell'
      ctx.report({
        message: `\`${shell}\` is not in this ${distro.family} image (${has}): the next RUN fails to start. Install it first (\`apk add --no-cache ${name}\`) or use a shell the image has.`,
        range: inst.json.span.range
      })
    }
  }
})
