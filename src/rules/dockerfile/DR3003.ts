import { defineDockerfileRule } from '../define.js'

const SYSTEM = /^\/(proc|sys|dev|boot|initrd|lost\+found)(\/|$)/

export const DR3003 = defineDockerfileRule({
  id: 'DR3003',
  aliases: ['AVD-DS-0030'],
  severity: 'warning',
  description: 'WORKDIR points into a system directory (/proc, /sys, /dev, /boot, …).',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'WORKDIR') continue
      const path = inst.text.trim().replace(/^["']|["']$/g, '')
      const m = SYSTEM.exec(path)
      if (!m) continue
      ctx.report({
        message: `WORKDIR ${path} is inside /${m[1]}, a system directory the kernel or the runtime manages; files written there are lost or clash with the host. Use a directory such as /app.`,
        range: inst.argsSpan?.range ?? inst.range
      })
    }
  }
})
