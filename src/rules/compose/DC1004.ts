import { atKey } from './lib/report.js'
import { get } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { eachRunningService } from './lib/services.js'

/**
 * A long-running service without a restart policy stays down after a crash or a host reboot.
 * Checked on the merged project (an override may add the policy); reported at the service's first
 * definition. One-shot services (others wait for them to complete) are exempt.
 */
export const DC1004 = defineComposeRule({
  id: 'DC1004',
  severity: 'info',
  description:
    'A service has no restart policy (restart: unless-stopped / on-failure, or deploy.restart_policy).',
  check(doc, ctx) {
    eachRunningService(doc, ctx, (svc) => {
      if (get(svc.value, 'restart') || get(get(svc.value, 'deploy'), 'restart_policy')) return
      ctx.report({
        ...atKey(doc, svc.layers[0]),
        message: `Service '${svc.name}' has no restart policy: after a crash or a reboot it stays down. Add 'restart: unless-stopped' (or 'on-failure').`
      })
    })
  }
})
