import { get, isTrue, str } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { atKey } from './lib/report.js'
import { projectServices } from './lib/services.js'

/**
 * Opt-in hardening hints, one finding per service listing what is missing: no-new-privileges
 * (setuid binaries cannot raise privileges), dropped capabilities (`cap_drop: [ALL]` and add back
 * what is needed), a read-only root filesystem. Checked on the merged project.
 */
export const DC1014 = defineComposeRule({
  id: 'DC1014',
  aliases: ['CL-0003', 'CL-0006', 'CL-0007'],
  severity: 'info',
  enabledByDefault: false,
  description: 'Hardening hints: no-new-privileges, cap_drop: [ALL] and read_only are not set.',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    for (const svc of found.services) {
      const s = svc.value
      const missing: string[] = []
      const opts = get(s, 'security_opt')
      const optList =
        opts?.kind === 'seq' ? opts.items.map((i) => (str(i) ?? '').replace(/\s/g, '')) : []
      if (!optList.some((o) => /^no-new-privileges([:=]true)?$/.test(o)))
        missing.push("security_opt: ['no-new-privileges:true']")
      const drop = get(s, 'cap_drop')
      const dropList =
        drop?.kind === 'seq' ? drop.items.map((i) => (str(i) ?? '').toUpperCase()) : []
      if (!dropList.includes('ALL')) missing.push('cap_drop: [ALL]')
      if (!isTrue(get(s, 'read_only')) && !get(s, 'privileged')) missing.push('read_only: true')
      if (missing.length === 0) continue
      ctx.report({
        ...atKey(doc, svc.layers[0]),
        message: `Service '${svc.name}' could be hardened with ${missing.join(', ')} (add back capabilities it needs with cap_add; mount writable paths as volumes or tmpfs).`
      })
    }
  }
})
