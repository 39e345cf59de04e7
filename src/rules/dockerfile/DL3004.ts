import { defineDockerfileRule } from '../define.js'
import { unquote } from '../../parse/dockerfile.js'
import { lineage } from '../../dockerfile/stages.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const ROOT = /^(root|0)(:.*)?$/

/**
 * The user `sudo -u NAME` / `--user=NAME` runs the command as, when the options name one: running
 * a step as an unprivileged user is what gosu would be used for, not a root escalation.
 */
function sudoUser(words: ReadonlyArray<{ value: string }>): string | undefined {
  for (let i = 1; i < words.length; i++) {
    const w = words[i].value
    if (!w.startsWith('-')) return undefined
    if (w === '-u' || w === '--user') return words[i + 1]?.value
    const joined = /^(?:-u|--user=)(.+)$/.exec(w)
    if (joined) return joined[1]
  }
  return undefined
}

export const DL3004 = defineDockerfileRule({
  id: 'DL3004',
  aliases: ['AVD-DS-0010', 'CKV2_DOCKER_1'],
  severity: 'error',
  perInstruction: true,
  fixable: true,
  description:
    'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root.',
  check(doc, ctx) {
    for (const { inst, cmd } of commandsNamed(doc, 'sudo')) {
      const sudo = cmd.words[0]
      const target = cmd.words[1]
      const runAs = sudoUser(cmd.words)
      if (runAs !== undefined && !ROOT.test(unquote(runAs).replace(/^#/, ''))) continue
      // Without options (`sudo -u app …` changes the user), and while the build runs as root as
      // far as this file says (no USER, or a root USER last).
      const top = inst.onbuild ?? inst
      let user: string | undefined
      for (const stage of lineage(top.stage)) {
        const before = stage.instructions.filter(
          (i) => i.keyword === 'USER' && (stage !== top.stage || i.index < top.index)
        )
        if (before.length > 0) {
          user = unquote(before[before.length - 1].text.trim())
          break
        }
      }
      const asRoot = user === undefined || ROOT.test(user)
      const fixable = target !== undefined && !target.value.startsWith('-') && asRoot
      ctx.report({
        message:
          '`sudo` in a build is unpredictable (often not installed, may prompt, changes the environment); the build already runs as root unless a USER says otherwise — switch with `USER` instead.',
        range: doc.span(sudo.start, sudo.end).range,
        fix: fixable
          ? {
              description:
                'Remove `sudo` (the command then runs as the build user: correct when that is root, which is the default unless the base image sets another USER).',
              safe: false,
              edits: [{ range: doc.span(sudo.start, target.start).range, text: '' }]
            }
          : undefined
      })
    }
  }
})
