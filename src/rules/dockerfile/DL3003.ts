import { defineDockerfileRule } from '../define.js'
import { keywordAs } from './lib/commands.js'
import { madeEarlierInRun, runInstructions } from '../../dockerfile/runs.js'
import { insertLineBefore } from './lib/edits.js'

const ABSOLUTE_PLAIN = /^\/[A-Za-z0-9_.@%+=:,/-]*$/

export const DL3003 = defineDockerfileRule({
  id: 'DL3003',
  aliases: ['AVD-DS-0013'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Use WORKDIR to switch to a directory.',
  check(doc, ctx) {
    for (const inst of runInstructions(doc)) {
      const script = doc.shell(inst)
      if (!script) continue
      for (const cmd of script.commands) {
        if (cmd.name !== 'cd') continue
        const last = cmd.words[cmd.words.length - 1]
        // `RUN cd /abs && rest` → `WORKDIR /abs` + `RUN rest`: the one shape where the move is certain.
        const dir = cmd.args.length === 1 && cmd.args[0].literal ? cmd.args[0].value : undefined
        // Into a directory this RUN just made (or back to /): part of the RUN's own work.
        if (dir !== undefined && madeEarlierInRun(script, cmd, dir)) continue
        const next = script.commands[cmd.index + 1]
        const leading =
          cmd.index === 0 &&
          !inst.onbuild &&
          inst.heredocs.length === 0 &&
          !script.error &&
          dir !== undefined &&
          ABSOLUTE_PLAIN.test(dir) &&
          cmd.next === '&&' &&
          next !== undefined &&
          !next.substituted &&
          !next.subshell
        ctx.report({
          message:
            '`cd` in a RUN only lasts for that RUN; use `WORKDIR` to switch directories (it also documents where later instructions run).',
          range: doc.span(cmd.start, last.end).range,
          fix: leading
            ? {
                description: `Move \`cd ${dir}\` into a \`WORKDIR ${dir}\` before this RUN (later instructions then also run in ${dir}, and WORKDIR creates the directory if it is missing).`,
                safe: false,
                edits: [
                  insertLineBefore(doc, inst, `${keywordAs(inst, 'WORKDIR')} ${dir}`),
                  { range: doc.span(cmd.start, next.start).range, text: '' }
                ]
              }
            : undefined
        })
      }
    }
  }
})
