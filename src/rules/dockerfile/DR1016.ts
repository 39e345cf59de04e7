import type { DockerfileDoc } from '../../dockerfile/model.js'
import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const DOWNLOADERS = ['curl', 'wget', 'fetch']
const INTERPRETERS = /^(sh|bash|dash|ash|zsh|ksh|python[\d.]*|perl|ruby|node|php)$/

/** The interpreter a command runs: itself, or behind `sudo`/`env`/`xargs`. */
function interpreter(cmd: ShellCommand): string | undefined {
  const words = cmd.words.map((w) => w.value.split('/').pop() ?? '')
  let k = 0
  while (k < words.length && /^(sudo|env|xargs|exec|nohup)$/.test(words[k])) {
    k++
    while (k < words.length && (words[k].startsWith('-') || words[k].includes('='))) k++
  }
  return words[k] && INTERPRETERS.test(words[k]) ? words[k] : undefined
}

export const DR1016 = defineDockerfileRule({
  id: 'DR1016',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description: 'A download is piped into a shell (`curl … | sh`).',
  check(doc, ctx) {
    for (const { cmd: d, script } of commandsNamed(doc, ...DOWNLOADERS)) {
      const cmds = script.commands
      const shell = runsIn(doc, cmds, d)
      if (!shell) continue
      ctx.report({
        message: `\`${commandName(d)}\` output runs straight in \`${shell.name}\`: whatever the server (or anyone in between) sends is executed, and a dropped connection runs half a script. Download to a file, verify its checksum or signature, then run it.`,
        range: doc.span(Math.min(d.start, shell.cmd.start), Math.max(d.end, shell.cmd.end)).range
      })
    }
  }
})

/** The interpreter that executes the download's output, if any. */
function runsIn(
  doc: DockerfileDoc,
  cmds: ShellCommand[],
  d: ShellCommand
): { cmd: ShellCommand; name: string } | undefined {
  // `sh -c "$(curl …)"`, `bash <(curl …)`: the download is inside the interpreter's words.
  for (const s of cmds) {
    const name = s !== d && s.start < d.start && d.end <= s.end ? interpreter(s) : undefined
    if (name) return { cmd: s, name }
  }
  if (!d.piped) return undefined
  // Follow the pipeline: `curl … | tee x | sh`.
  let cur = d
  for (let k = d.index + 1; k < cmds.length; k++) {
    const next = cmds[k]
    if (next.start < cur.end) continue
    const between = doc.text
      .slice(cur.end, next.start)
      .replace(new RegExp(`\\${doc.escape}\\r?\\n`, 'g'), ' ')
      .trim()
    if (between !== '|' && between !== '|&') return undefined
    const name = interpreter(next)
    if (name) return { cmd: next, name }
    cur = next
  }
  return undefined
}
