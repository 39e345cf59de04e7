import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { fix, flagNames, insertAfter } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { stageDistroIn } from '../../dockerfile/parents.js'

const QUIET = ['progress', 'q', 'quiet', 'no-verbose', 'o', 'output-file', 'a', 'append-output']

export const DL3047 = defineDockerfileRule({
  id: 'DL3047',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description:
    'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`. Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'wget')) {
      if (commandName(cmd) !== 'wget') continue
      if (cmd.args.some((a) => a.value === '-nv') || flagNames(cmd).some((f) => QUIET.includes(f)))
        continue
      // BusyBox wget (Alpine, docker:*, busybox) has no --progress: `wget: unrecognized option`.
      // -q works in both, so it is the flag wherever the image's wget is not known to be GNU.
      const gnu = stageDistroIn(doc, (inst.onbuild ?? inst).stage, ctx.workspace).userland === 'gnu'
      const flag = gnu ? '--progress=dot:giga' : '-q'
      ctx.report({
        message:
          '`wget` without `--progress` prints thousands of progress lines into the build log; use `--progress=dot:giga`, `-q` or `-nv`.',
        range: doc.span(cmd.words[0].start, cmd.words[0].end).range,
        fix: withEffect(
          fix(
            `Insert \`${flag}\` after \`wget\` (${gnu ? 'prints progress every 32 MB' : 'no progress output; BusyBox wget has no --progress'}).`,
            true,
            insertAfter(doc, cmd.words[0], flag)
          ),
          { kind: 'add-args', command: commandName(cmd), args: [flag] }
        )
      })
    }
  }
})
