import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { commandName, runInstructions } from './lib/commands.js'

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch'])
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
  description: 'A download is piped into a shell (`curl … | sh`).',
  check(doc, ctx) {
    for (const inst of runInstructions(doc)) {
      const script = doc.shell(inst)
      if (!script) continue
      const cmds = script.commands
      const reported = new Set<ShellCommand>()
      const report = (download: ShellCommand, shell: ShellCommand, name: string): void => {
        if (reported.has(download)) return
        reported.add(download)
        const start = Math.min(download.start, shell.start)
        const end = Math.max(download.end, shell.end)
        ctx.report({
          message: `\`${commandName(download)}\` output runs straight in \`${name}\`: whatever the server (or anyone in between) sends is executed, and a dropped connection runs half a script. Download to a file, verify its checksum or signature, then run it.`,
          range: doc.span(start, end).range
        })
      }
      for (const d of cmds) {
        if (!DOWNLOADERS.has(commandName(d))) continue
        // `sh -c "$(curl …)"`, `bash <(curl …)`: the download is inside the interpreter's words.
        const outer = cmds.find(
          (s) => s !== d && s.start < d.start && d.end <= s.end && interpreter(s)
        )
        if (outer) {
          report(d, outer, interpreter(outer)!)
          continue
        }
        if (!d.piped) continue
        // Follow the pipeline: `curl … | tee x | sh`.
        let cur = d
        for (let k = d.index + 1; k < cmds.length; k++) {
          const next = cmds[k]
          if (next.start < cur.end) continue
          const between = doc.text
            .slice(cur.end, next.start)
            .replace(new RegExp(`\\${doc.escape}\\r?\\n`, 'g'), ' ')
            .trim()
          if (between !== '|' && between !== '|&') break
          const name = interpreter(next)
          if (name) {
            report(d, next, name)
            break
          }
          cur = next
        }
      }
    }
  }
})
