import { defineDockerfileRule } from '../define.js'

/** Ports whose service should not run inside an application container, and why. */
const SENSITIVE = new Map<number, string>([
  [22, 'SSH: use `docker exec` for access instead of running sshd in the container'],
  [23, 'Telnet sends credentials in clear text'],
  [2375, 'the unencrypted Docker daemon API gives root on the host to anyone who reaches it']
])

export const DR3001 = defineDockerfileRule({
  id: 'DR3001',
  aliases: ['AVD-DS-0004', 'CKV_DOCKER_1'],
  severity: 'warning',
  description: 'EXPOSE opens a sensitive port (22 SSH, 23 Telnet, 2375 Docker API).',
  check(doc, ctx) {
    for (const inst of doc.instructions) {
      if (inst.keyword !== 'EXPOSE') continue
      for (const arg of inst.args) {
        const value = arg.value.replace(/^["']|["']$/g, '')
        if (value.includes('$')) continue
        const port = value.split('/')[0].split(':').pop() ?? ''
        const m = /^(\d+)(?:-(\d+))?$/.exec(port)
        if (!m) continue
        const low = Number(m[1])
        const high = m[2] ? Number(m[2]) : low
        for (const [p, why] of SENSITIVE) {
          if (p < low || p > high) continue
          ctx.report({
            message: `EXPOSE ${value} opens port ${p}: ${why}.`,
            range: arg.range
          })
        }
      }
    }
  }
})
