import { atKey } from './lib/report.js'
import { get, getIn } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { eachRunningService } from './lib/services.js'

/**
 * Without a memory or CPU limit one container can starve the host. Checked on the merged project;
 * reported at the service's first definition.
 */
export const DC1005 = defineComposeRule({
  id: 'DC1005',
  aliases: ['CL-0026'],
  severity: 'info',
  description: 'A service sets no resource limits (deploy.resources.limits, mem_limit or cpus).',
  check(doc, ctx) {
    eachRunningService(doc, ctx, (svc) => {
      const v = svc.value
      if (get(v, 'mem_limit') || get(v, 'cpus') || getIn(v, ['deploy', 'resources', 'limits']))
        return
      ctx.report({
        ...atKey(doc, svc.layers[0]),
        message: `Service '${svc.name}' has no memory or CPU limit, so it can starve the host; set deploy.resources.limits (memory, cpus).`
      })
    })
  }
})
