import { defineDockerfileRule } from '../define.js'
import type { Instruction } from '../../dockerfile/model.js'
import { lineage } from '../../dockerfile/stages.js'

const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i

export const DL3066 = defineDockerfileRule({
  id: 'DL3066',
  aliases: [],
  severity: 'info',
  description: 'Non-numeric user-id may not be resolvable by host system.',
  check(doc, ctx) {
    // The USER the image runs as: the last one of the final stage's lineage (hadolint PR #1239).
    let user: Instruction | undefined
    const last = doc.stages[doc.stages.length - 1]
    if (last) {
      for (const stage of lineage(last)) {
        user = [...stage.instructions].reverse().find((i) => i.keyword === 'USER')
        if (user) break
      }
    } else {
      user = [...doc.instructions].reverse().find((i) => i.keyword === 'USER')
    }
    const word = user?.args[0]
    if (!user || !word) return
    // Windows images name users (ContainerAdministrator); they have no numeric ids.
    if (doc.escape === '`' || NON_POSIX.test(doc.shellOf(user)[0] ?? '')) return
    const uid = word.value.split(':')[0]
    if (uid === '' || /^\d+$/.test(uid) || uid.includes('$')) return
    ctx.report({
      message: `\`USER ${uid}\` is a name: Kubernetes \`runAsNonRoot\` and hosts without that user cannot verify it. Use a numeric UID (e.g. \`USER 10001\`).`,
      range: doc.span(word.start, word.start + uid.length).range
    })
  }
})
