import { withEffect } from '../../core/fixes.js'
import { laterRunNeedsIndex, needsIndex, packageOp } from '../../dockerfile/effects.js'
import { defineDockerfileRule } from '../define.js'
import { appendCommand, cmdHasArgs, fix } from './lib/commands.js'
import { cacheMountTargets, commandName, runInstructions } from '../../dockerfile/runs.js'

const APT = ['apt', 'apt-get', 'aptitude']

export const DL3009 = defineDockerfileRule({
  id: 'DL3009',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description: 'Delete the apt-get lists after installing something.',
  check(doc, ctx) {
    for (const inst of runInstructions(doc)) {
      const stage = (inst.onbuild ?? inst).stage
      // Only layers that end up in an image: the last stage, or a stage another is built FROM.
      if (stage && !stage.isLast && !stage.usedAsBase && !inst.onbuild) continue
      const script = doc.shell(inst)
      if (!script) continue
      const mounts = cacheMountTargets(inst)
      if (
        mounts.includes('/var/lib/apt/lists') ||
        (mounts.includes('/var/lib/apt') && mounts.includes('/var/cache/apt'))
      ) {
        continue
      }
      const update = script.commands.find((c) => cmdHasArgs(c, APT, ['update']))
      if (!update) continue
      // `rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean` (apt >= 2.7: lists and caches).
      const cleaned = script.commands.some(
        (c) =>
          c.index > update.index &&
          ((commandName(c) === 'rm' &&
            c.args.some((a) => /^\/var\/lib\/apt\/lists\/?\*?$/.test(a.value))) ||
            (packageOp(c)?.manager === 'apt' && packageOp(c)?.op === 'drop-index'))
      )
      if (cleaned) continue
      // Deleting the lists is only harmless where this RUN installs from them and nothing later
      // (conditional or not) needs them; otherwise the fix is DR3002's merge of the RUNs.
      const installsHere = script.commands.some((c) => {
        const op = c.index > update.index ? packageOp(c) : undefined
        return op?.manager === 'apt' && needsIndex(op)
      })
      const safe = installsHere && !laterRunNeedsIndex(doc, inst, 'apt')
      ctx.report({
        message: safe
          ? 'Delete the apt lists in the same RUN (`rm -rf /var/lib/apt/lists/*`); a later RUN cannot shrink this layer.'
          : 'Delete the apt lists in the same RUN that installs from them; here a later RUN still needs them, so install everything in one RUN (`apt-get update && apt-get install … && rm -rf /var/lib/apt/lists/*`).',
        range: doc.span(update.start, update.end).range,
        fix: safe
          ? withEffect(
              fix(
                'Append `&& rm -rf /var/lib/apt/lists/*` to the RUN (deletes the apt package lists at the end of this layer).',
                true,
                appendCommand(doc, inst, 'rm -rf /var/lib/apt/lists/*')
              ),
              { kind: 'append-command', argv: ['rm', '-rf', '/var/lib/apt/lists/*'] }
            )
          : undefined
      })
    }
  }
})
