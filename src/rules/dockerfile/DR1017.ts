import { stageEffects, type Manager } from '../../dockerfile/effects.js'
import { defineDockerfileRule } from '../define.js'

const INDEX: Record<Manager, { what: string; update: string; error: string }> = {
  apt: {
    what: 'the apt lists (/var/lib/apt/lists)',
    update: 'apt-get update &&',
    error: 'E: Unable to locate package'
  },
  apk: {
    what: 'the apk index (/var/cache/apk)',
    update: 'apk add --no-cache',
    error: 'ERROR: unable to select packages'
  }
}

/**
 * An install that runs after its package index was deleted (in an earlier layer, or earlier in the
 * same RUN) with no update in between: the build fails. Conditional installs count: they may run.
 */
export const DR1017 = defineDockerfileRule({
  id: 'DR1017',
  aliases: [],
  severity: 'error',
  description:
    'A package install runs after its package index was deleted, with no update in its own RUN: the build fails.',
  check(doc, ctx) {
    for (const stage of stageEffects(doc)) {
      for (const run of stage.runs) {
        for (const op of run.staleInstalls) {
          const index = INDEX[op.manager]
          const fix =
            op.manager === 'apt'
              ? `run \`${index.update}\` first in this RUN`
              : 'use `apk add --no-cache` (or `apk update` first in this RUN)'
          ctx.report({
            message: `\`${op.cmd.words
              .slice(0, 2)
              .map((w) => w.value)
              .join(
                ' '
              )}\` runs after ${index.what} were deleted and nothing fetched them again: the build fails (\`${index.error}\`); ${fix}.`,
            range: doc.span(op.cmd.start, op.cmd.end).range
          })
        }
      }
    }
  }
})
