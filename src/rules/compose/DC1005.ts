import { get, getIn } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { reporter } from './lib/report.js'
import { oneShotServices, projectServices } from './lib/services.js'

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
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    const oneShot = oneShotServices(found.project.services.values())
    const report = reporter(doc, ctx)
    for (const svc of found.services) {
      if (oneShot.has(svc.name)) continue
      const v = svc.value
      if (get(v, 'mem_limit') || get(v, 'cpus') || getIn(v, ['deploy', 'resources', 'limits']))
        continue
      report.key(
        svc.layers[0],
        `Service '${svc.name}' has no memory or CPU limit, so it can starve the host; set deploy.resources.limits (memory, cpus).`
      )
    }
  }
})
