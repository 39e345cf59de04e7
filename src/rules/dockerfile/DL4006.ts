import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction, Stage } from '../../dockerfile/model.js'
import type { ShellScript } from '../../parse/shell.js'
import type { Fix } from '../../core/types.js'
import { commandName } from '../../dockerfile/runs.js'
import { insertLineBefore } from './lib/edits.js'
import { hasShell } from '../../dockerfile/distro.js'
import { stageDistroIn } from '../../dockerfile/parents.js'

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i
const PIPEFAIL_SHELLS = /(^|\/)(bash|zsh|ash|ksh|mksh)$/

/** Does a SHELL instruction run a shell that honours `-o pipefail` with it set (or a non-POSIX one)? */
function shellIsSafe(inst: Instruction): boolean {
  const argv = inst.json?.values
  if (!argv || argv.length === 0) return false
  if (NON_POSIX.test(argv[0])) return true
  if (!PIPEFAIL_SHELLS.test(argv[0])) return false
  return argv.some((a, i) => i > 0 && a === 'pipefail' && /^-[a-z]*o$/i.test(argv[i - 1] ?? ''))
}

/** The first piped command comes after a `set -o pipefail` (`set -euo pipefail`, …) in the same script. */
function setsPipefail(script: ShellScript): boolean {
  for (const cmd of script.commands) {
    if (cmd.piped) return false
    if (
      commandName(cmd) === 'set' &&
      cmd.args.some(
        (a, i) => a.value === 'pipefail' && /^-[a-z]*o$/i.test(cmd.args[i - 1]?.value ?? '')
      )
    )
      return true
  }
  return false
}

/**
 * Commands whose failure a pipe cannot hide: `echo`/`printf` of text never fail, and `yes` is
 * killed by SIGPIPE on purpose (pipefail would turn that into a failure).
 */
const NEVER_FAIL = new Set(['echo', 'printf', 'true', 'yes'])

/**
 * The first `|` whose left-hand command can fail (`curl … | tar`), or undefined when every pipe
 * starts from a command that cannot (`echo "$SUM *file" | sha256sum -c -`).
 */
function hiddenFailure(
  doc: DockerfileDoc,
  script: ShellScript
): { start: number; end: number } | undefined {
  for (const cmd of script.commands) {
    if (cmd.next !== '|' && cmd.next !== '|&') continue
    if (NEVER_FAIL.has(commandName(cmd))) continue
    const end = cmd.nextEnd
    const start = end - cmd.next.length
    return doc.text.slice(start, end) === cmd.next
      ? { start, end }
      : { start: cmd.start, end: cmd.end }
  }
  return undefined
}

export const DL4006 = defineDockerfileRule({
  id: 'DL4006',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check.',
  check(doc, ctx) {
    // Whether the SHELL in effect at the end of each stage is safe (a stage built FROM an
    // earlier one inherits its SHELL).
    const safeAtEnd = new Map<Stage, boolean>()
    let safe = false
    let shellSet = false
    let fixed = false
    let current: Stage | undefined
    for (const inst of doc.instructions) {
      if (inst.stage !== current) {
        if (current) safeAtEnd.set(current, safe)
        current = inst.stage
        const parent = current?.parent
        safe = parent ? (safeAtEnd.get(parent) ?? false) : false
        shellSet = parent ? parent.instructions.some((i) => i.keyword === 'SHELL') : false
        fixed = false
      }
      if (inst.keyword === 'SHELL') {
        safe = shellIsSafe(inst)
        shellSet = true
        continue
      }
      if (inst.keyword !== 'RUN' || safe) continue
      const script = doc.shell(inst)
      if (!script?.hasPipe || setsPipefail(script)) continue
      const pipe = hiddenFailure(doc, script)
      if (!pipe) continue
      let fix: Fix | undefined
      // Only a shell the image has: ash on Alpine/BusyBox, bash where the image ships it.
      const distro = stageDistroIn(doc, inst.stage, ctx.workspace)
      const shell =
        distro.userland === 'busybox' && hasShell(distro, '/bin/ash')
          ? '/bin/ash'
          : hasShell(distro, '/bin/bash')
            ? '/bin/bash'
            : undefined
      const shebang = inst.heredocs.length > 0 && inst.heredocs[0].content.startsWith('#!')
      if (!fixed && !shellSet && shell && !shebang) {
        fixed = true
        const keyword = inst.keywordText === inst.keywordText.toLowerCase() ? 'shell' : 'SHELL'
        fix = {
          description: `Insert \`SHELL ["${shell}", "-o", "pipefail", "-c"]\` before this RUN: it and every later RUN of the stage run under ${shell} and fail when any command of a pipe fails (unsafe: a pipe whose first command fails on purpose now fails the build).`,
          safe: false,
          edits: [insertLineBefore(doc, inst, `${keyword} ["${shell}", "-o", "pipefail", "-c"]`)]
        }
      }
      ctx.report({
        message:
          'A pipe in RUN hides failures of all but the last command: set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (`/bin/ash` on Alpine) or `set -o pipefail` first.',
        range: doc.span(pipe.start, pipe.end).range,
        fix
      })
    }
  }
})
