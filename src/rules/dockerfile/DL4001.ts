import { defineDockerfileRule } from '../define.js'
import type { Stage } from '../../dockerfile/model.js'
import { commandName } from '../../dockerfile/runs.js'
import { runsCalling } from '../../dockerfile/runs.js'

const TOOLS = new Set(['curl', 'wget'])

export const DL4001 = defineDockerfileRule({
  id: 'DL4001',
  aliases: ['AVD-DS-0014'],
  severity: 'warning',
  perInstruction: true,
  description: 'Either use Wget or Curl but not both.',
  check(doc, ctx) {
    // Per stage (and separately for ONBUILD triggers): the tools seen so far.
    const seen = new Map<string, Set<string>>()
    const keyOf = (stage: Stage | undefined, onbuild: boolean): string =>
      `${stage?.index ?? -1}${onbuild ? 'o' : ''}`
    for (const inst of runsCalling(doc, 'curl', 'wget')) {
      const script = doc.shell(inst)
      if (!script) continue
      const key = keyOf((inst.onbuild ?? inst).stage, inst.onbuild !== undefined)
      const tools = seen.get(key) ?? new Set<string>()
      seen.set(key, tools)
      for (const cmd of script.commands) {
        const name = commandName(cmd)
        if (!TOOLS.has(name)) continue
        tools.add(name)
        if (tools.size < 2) continue
        const other = name === 'curl' ? 'wget' : 'curl'
        ctx.report({
          message: `This stage uses both \`${other}\` and \`${name}\`: settle on one to keep a single download tool in the image.`,
          range: doc.span(cmd.words[0].start, cmd.words[0].end).range
        })
        break
      }
    }
  }
})
