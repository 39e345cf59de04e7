import { defineDockerfileRule } from '../define.js'
import { unquote } from '../../parse/dockerfile.js'
import type { Instruction, Stage } from '../../dockerfile/model.js'
import { imageRole } from '../../dockerfile/stages.js'

const ROOT = /^(root|0)(:.*)?$/

/** The last USER of a stage, or of the stages it is built FROM. */
function effectiveUser(stage: Stage): Instruction | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      if (s.instructions[k].keyword === 'USER') return s.instructions[k]
    }
  }
  return undefined
}

export const DL3002 = defineDockerfileRule({
  id: 'DL3002',
  aliases: ['CKV_DOCKER_8'],
  severity: 'warning',
  description: 'Last USER should not be root.',
  check(doc, ctx) {
    // Dev containers, base and builder images, CI images run as root on purpose (the images
    // built on a base switch users themselves); the image-role model says which this is.
    if (imageRole(doc) !== 'application') return
    const reported = new Set<Instruction>()
    for (const stage of doc.stages) {
      // Only stages that can be an image someone runs: the last stage, and stages no other stage
      // builds on or copies from (other `--target`s). Build stages may run as root.
      if (!stage.isLast && (stage.usedAsBase || stage.copiedFrom)) continue
      const user = effectiveUser(stage)
      if (!user || reported.has(user)) continue
      const name = unquote(user.text.trim())
      if (!ROOT.test(name)) continue
      reported.add(user)
      const inherited = user.stage !== stage ? ' (inherited from the stage it is built FROM)' : ''
      ctx.report({
        message: `The image runs as \`${name}\`${inherited}: switch to an unprivileged user with a last \`USER\` (e.g. \`USER 10001\`).`,
        range: user.argsSpan?.range ?? user.range
      })
    }
  }
})
