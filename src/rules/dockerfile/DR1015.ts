import { defineDockerfileRule } from '../define.js'

const REMOTE = /^https?:\/\//i
const GIT = /\.git(#.*)?$|^git@|^https?:\/\/[^/]*github\.com\/[^/]+\/[^/]+\/?(#.*)?$/i

export const DR1015 = defineDockerfileRule({
  id: 'DR1015',
  aliases: [],
  severity: 'info',
  description: 'ADD downloads a remote file without `--checksum`.',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'ADD' || inst.flags.some((f) => f.name === 'checksum')) continue
      const values = inst.json ? inst.json.values : inst.args.map((a) => a.value)
      const tokens = inst.json ? inst.json.items : inst.args
      for (let i = 0; i < values.length - 1; i++) {
        const url = values[i].replace(/^["']|["']$/g, '')
        if (!REMOTE.test(url) || GIT.test(url)) continue
        ctx.report({
          message: `ADD downloads \`${url}\` without \`--checksum\`: whatever the server returns goes into the image unchecked. Add \`--checksum=sha256:<hash>\` (BuildKit verifies it).`,
          range: tokens[i].range
        })
      }
    }
  }
})
