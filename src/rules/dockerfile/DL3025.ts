import type { Fix } from '../../core/types.js'
import { defineDockerfileRule } from '../define.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import { parseShell } from '../../parse/shell.js'

/** Words that mean nothing special to a shell: safe to pass to the process as they are. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/

/**
 * The exec form of a shell-form command when the shell adds nothing: one simple command of plain
 * words (no quotes, variables, globs, redirections, operators, assignments).
 */
function execForm(doc: DockerfileDoc, inst: Instruction, from: number): Fix | undefined {
  if (doc.escape !== '\\') return undefined
  const shell = doc.shellOf(inst)
  if (shell.length !== 2 || shell[0] !== '/bin/sh' || shell[1] !== '-c') return undefined
  const text = inst.text.slice(from)
  const at = (i: number): number => inst.offsetAt(from + i)
  const script = parseShell(text, at)
  if (script.error || script.commands.length !== 1) return undefined
  const cmd = script.commands[0]
  if (cmd.assigns.length > 0 || !cmd.words.every((w) => w.literal && PLAIN_WORD.test(w.raw))) {
    return undefined
  }
  // Nothing but the words: no redirections or operators between or around them.
  const joined = cmd.words.map((w) => w.raw).join(' ')
  if (text.trim().replace(/\s+/g, ' ') !== joined) return undefined
  const json = `[${cmd.words.map((w) => JSON.stringify(w.value)).join(', ')}]`
  const keyword = inst.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : inst.keyword
  return {
    description:
      inst.keyword === 'ENTRYPOINT'
        ? `Rewrite as \`ENTRYPOINT ${json}\`: the process runs without \`/bin/sh -c\` and receives signals; a CMD (here or in the base image) is then passed to it as arguments instead of being ignored.`
        : `Rewrite as \`${keyword} ${json}\`: the process runs without \`/bin/sh -c\` (so it receives signals directly and no shell is needed in the image).`,
    safe: false,
    edits: [{ range: doc.span(at(0), at(text.trimEnd().length - 1) + 1).range, text: json }]
  }
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
      let from = 0
      if (inst.keyword === 'HEALTHCHECK') {
        const sub = inst.args[0]
        if (!sub || sub.value.toUpperCase() !== 'CMD') continue
        from = inst.text.toUpperCase().indexOf('CMD') + 3
        while (from < inst.text.length && /\s/.test(inst.text[from])) from++
        if (inst.text[from] === '[' || from >= inst.text.length) continue
      } else if (inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') continue
      else if (inst.json || inst.text.trim() === '') continue
      const start = inst.offsetAt(from)
      const end = inst.offsetAt(inst.text.trimEnd().length - 1) + 1
      ctx.report({
        message: `Use JSON (exec) form for ${inst.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : inst.keyword}: in shell form the process runs under \`/bin/sh -c\` and does not receive SIGTERM.`,
        range: doc.span(start, end).range,
        fix: execForm(doc, inst, from)
      })
    }
  }
})
