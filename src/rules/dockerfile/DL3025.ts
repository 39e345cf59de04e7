import type { Fix } from '../../core/types.js'
import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import { execsLoneCommand, shProgram, type Distro } from '../../dockerfile/distro.js'
import { stageDistroIn } from '../../dockerfile/parents.js'
import { parseShell, type ShellCommand } from '../../parse/shell.js'

/** Words that mean nothing special to a shell: safe to pass to the process as they are. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Interactive shells and script runners: the process is a shell either way, signals or not. */
const SHELL_PROGRAM = /^(?:\/usr)?(?:\/bin\/)?(?:sh|bash|ash|dash|zsh|ksh)$/

/**
 * The one simple command of a shell-form CMD/ENTRYPOINT when that is all it is: no operators,
 * lists, pipes, redirections or assignments around it. Undefined when the text needs more of the
 * shell than running one program.
 */
function loneCommand(text: string): ShellCommand | undefined {
  const script = parseShell(text, (i) => i)
  if (script.error || script.commands.length !== 1) return undefined
  const cmd = script.commands[0]
  if (cmd.assigns.length > 0 || cmd.words.length === 0) return undefined
  // Between and around the words only blanks and line continuations.
  let last = 0
  for (const w of cmd.words) {
    if (!/^(?:\s|\\\r?\n)*$/.test(text.slice(last, w.start))) return undefined
    last = w.end
  }
  return /^(?:\s|\\\r?\n)*$/.test(text.slice(last)) ? cmd : undefined
}

/**
 * The exec form of a lone command when the shell adds nothing: plain words only (no quotes,
 * variables or globs).
 */
function execForm(
  doc: DockerfileDoc,
  inst: Instruction,
  text: string,
  cmd: ShellCommand
): Fix | undefined {
  if (doc.escape !== '\\') return undefined
  const shell = doc.shellOf(inst)
  if (shell.length !== 2 || shell[0] !== '/bin/sh' || shell[1] !== '-c') return undefined
  if (!cmd.words.every((w) => w.literal && PLAIN_WORD.test(w.raw))) return undefined
  const json = `[${cmd.words.map((w) => JSON.stringify(w.value)).join(', ')}]`
  return {
    description:
      inst.keyword === 'ENTRYPOINT'
        ? `Rewrite as \`ENTRYPOINT ${json}\`: the process runs without \`/bin/sh -c\` and receives signals; a CMD (here or in the base image) is then passed to it as arguments instead of being ignored.`
        : `Rewrite as \`CMD ${json}\`: the process runs without \`/bin/sh -c\` (so it receives signals directly and no shell is needed in the image).`,
    safe: false,
    edits: [
      {
        range: doc.span(inst.offsetAt(0), inst.offsetAt(text.trimEnd().length - 1) + 1).range,
        text: json
      }
    ]
  }
}

/**
 * Does the shell that runs the shell form exec a lone command (so the process gets SIGTERM)?
 * True for bash and BusyBox ash, false for dash; undefined when the image or SHELL is unknown.
 */
function shellExecs(doc: DockerfileDoc, inst: Instruction, distro: Distro): boolean | undefined {
  const shell = doc.shellOf(inst)
  if (shell.length !== 2 || shell[1] !== '-c') return undefined
  const program = shProgram(distro, shell[0])
  return program === undefined ? undefined : execsLoneCommand(program)
}

export const DL3025 = defineDockerfileRule({
  id: 'DL3025',
  aliases: ['JSONArgsRecommended'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments.',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      // HEALTHCHECK CMD is a probe the engine runs and waits for: no signal is sent to it.
      if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue
      if (inst.json || inst.text.trim() === '') continue
      const range = doc.span(
        inst.offsetAt(0),
        inst.offsetAt(inst.text.trimEnd().length - 1) + 1
      ).range
      if (inst.text.trimStart().startsWith('[')) {
        // Meant as JSON but not valid JSON (a missing quote or comma): Docker runs the text as a
        // shell command, brackets included.
        ctx.report({
          message: `This ${inst.keyword} is not valid JSON, so it runs in shell form: \`/bin/sh -c\` gets the text with its brackets and quotes. Fix the JSON array.`,
          range
        })
        continue
      }
      // A script that needs the shell (`a && b`, `> log`, `$VAR`) keeps it in JSON form too
      // (`["sh", "-c", …]`); the advice would be `exec` before its last command, not this rule.
      const cmd = loneCommand(inst.text)
      if (!cmd || !cmd.words.every((w) => w.literal)) continue
      // A shell as the command (`CMD /bin/bash`, `CMD bash ./run.sh`) is a shell in either form.
      if (SHELL_PROGRAM.test(cmd.words[0].value)) continue
      // The base image, through a parent the repository builds (`FROM base`, core/base/Dockerfile).
      const distro = stageDistroIn(doc, inst.stage, ctx.workspace)
      const execs = shellExecs(doc, inst, distro)
      if (execs && inst.keyword === 'CMD') continue
      const noShell = distro.shells?.length === 0
      ctx.report({
        // Measured on dash images; where the shell is not known (an image this linter cannot
        // place) it may well be BusyBox or bash, which exec the command: not inline by default.
        ...(execs === undefined && !noShell ? { precision: 'medium' as const } : {}),
        ...(execs === true ? { precision: 'medium' as const } : {}),
        message: noShell
          ? `Use JSON (exec) form for ${inst.keyword}: the image has no \`/bin/sh\`, so the shell form cannot start.`
          : execs
            ? 'Use JSON (exec) form for ENTRYPOINT: in shell form it ignores CMD and the arguments of `docker run`.'
            : `Use JSON (exec) form for ${inst.keyword}: in shell form the process runs under \`/bin/sh -c\`${execs === false ? ", which this image's /bin/sh (dash) keeps as PID 1," : ''} and does not receive SIGTERM.`,
        range,
        fix: execForm(doc, inst, inst.text, cmd)
      })
    }
  }
})
