import { stageDistroIn } from '../../dockerfile/parents.js'
import { baseName, installedBefore, lineageRuns, stageEffects } from '../../dockerfile/effects.js'
import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'

/**
 * GNU options BusyBox's applet rejects (`unrecognized option`), by tool; and the Alpine package
 * that replaces the applet with the GNU program.
 */
const GNU_ONLY: Record<string, { long: string[]; short: string[]; pkg: string }> = {
  wget: {
    long: [
      'progress',
      'show-progress',
      'retry-connrefused',
      'waitretry',
      'content-disposition',
      'https-only',
      'ca-certificate',
      'ca-directory',
      'secure-protocol',
      'max-redirect',
      'no-hsts',
      'trust-server-names',
      'read-timeout',
      'dns-timeout',
      'connect-timeout'
    ],
    short: [],
    pkg: 'wget'
  },
  grep: { long: ['perl-regexp'], short: ['P'], pkg: 'grep' }
}

function gnuOnlyFlag(cmd: ShellCommand, tool: string): string | undefined {
  const spec = GNU_ONLY[tool]
  for (const a of cmd.args) {
    const v = a.value
    if (v === '--') break
    if (v.startsWith('--')) {
      if (spec.long.includes(v.slice(2).split('=')[0])) return v
    } else if (v.startsWith('-') && v.length > 1 && /^-[A-Za-z]+$/.test(v)) {
      if ([...v.slice(1)].some((c) => spec.short.includes(c))) return v
    }
  }
  return undefined
}

export const DR1018 = defineDockerfileRule({
  id: 'DR1018',
  aliases: [],
  severity: 'error',
  description:
    'A GNU-only option is given to a BusyBox tool (Alpine, busybox, docker:* images): the build fails.',
  check(doc, ctx) {
    for (const stage of stageEffects(doc)) {
      if (stageDistroIn(doc, stage.stage, ctx.workspace).userland !== 'busybox') continue
      // Packages installed by ancestor stages carry over.
      const runs = lineageRuns(doc, stage.stage)
      for (const run of stage.runs) {
        for (const cmd of run.commands) {
          const tool = baseName(cmd)
          if (!(tool in GNU_ONLY)) continue
          const flag = gnuOnlyFlag(cmd, tool)
          if (!flag || installedBefore(runs, GNU_ONLY[tool].pkg, cmd.start)) continue
          ctx.report({
            message: `\`${tool} ${flag}\`: ${tool} on this image is BusyBox's, which has no such option, so the build fails (\`unrecognized option\`); drop it${tool === 'wget' ? ' (`-q` works in both)' : ''} or \`apk add --no-cache ${GNU_ONLY[tool].pkg}\` first.`,
            range: doc.span(cmd.start, cmd.end).range
          })
        }
      }
    }
  }
})
