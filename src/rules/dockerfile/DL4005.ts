import { defineDockerfileRule } from '../define.js'
import type { Fix } from '../../core/types.js'
import { commandName } from '../../dockerfile/runs.js'
import { isFlag } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { shProgram } from '../../dockerfile/distro.js'
import { stageDistroIn } from '../../dockerfile/parents.js'

const SHELLS = /^\/(usr\/)?bin\/(bash|zsh|ash|dash|ksh|mksh)$/

export const DL4005 = defineDockerfileRule({
  id: 'DL4005',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Use SHELL to change the default shell.',
  check(doc, ctx) {
    for (const { inst, script, cmd } of commandsNamed(doc, 'ln')) {
      if (commandName(cmd) !== 'ln') continue
      const target = cmd.args.find((a) => a.value === '/bin/sh')
      if (!target) continue
      // Relinking /bin/sh to the shell it already is (bash on the RHEL family) changes nothing.
      const linked = cmd.args.filter((a) => !isFlag(a))[0]?.value
      const distro = stageDistroIn(doc, inst.stage, ctx.workspace)
      if (linked && distro.sh && shProgram(distro, linked) === distro.sh) continue
      // Narrow fix: a RUN that only relinks /bin/sh to a known shell becomes a SHELL instruction.
      let fix: Fix | undefined
      const operands = cmd.args.filter((a) => !isFlag(a))
      const flags = cmd.args.filter(isFlag).map((a) => a.value)
      const shell = operands[0]?.value
      if (
        !inst.onbuild &&
        script.commands.length === 1 &&
        inst.heredocs.length === 0 &&
        inst.flags.length === 0 &&
        operands.length === 2 &&
        operands[1] === target &&
        flags.every((f) => /^-[sfvnT]+$/.test(f)) &&
        flags.some((f) => f.includes('s')) &&
        shell !== undefined &&
        SHELLS.test(shell)
      ) {
        const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'shell' : 'SHELL'
        fix = {
          description: `Replace the RUN with \`SHELL ["${shell}", "-c"]\`: later RUN instructions use ${shell}, but /bin/sh in the image stays the original shell for scripts and the container's processes.`,
          safe: false,
          edits: [
            {
              range: doc.span(inst.start, inst.end).range,
              text: `${keyword} ["${shell}", "-c"]`
            }
          ]
        }
      }
      ctx.report({
        message: 'Do not relink /bin/sh; set the shell for RUN with a `SHELL` instruction instead.',
        range: doc.span(target.start, target.end).range,
        fix
      })
    }
  }
})
