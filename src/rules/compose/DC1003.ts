import { hasHealthcheck, dependencies } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { atKey } from './lib/report.js'
import { localLayer, projectServices } from './lib/services.js'

/**
 * A service others depend on, with no healthcheck: its dependents can only wait for its container
 * to start, not for it to be ready. Reported once, at the dependency's own name. Dependencies that
 * are one-shot jobs (`condition: service_completed_successfully`) are not expected to be healthy.
 */
export const DC1003 = defineComposeRule({
  id: 'DC1003',
  severity: 'info',
  description:
    'A service other services depend on has no healthcheck, so they cannot wait for it to be ready.',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    const { project } = found
    // Sets keep insertion order: the dependents are named in file order, each once.
    const dependents = new Map<string, Set<string>>()
    for (const svc of project.services.values()) {
      for (const dep of dependencies(svc.value)) {
        if (dep.condition === 'service_completed_successfully') continue
        const users = dependents.get(dep.name) ?? new Set<string>()
        users.add(svc.name)
        dependents.set(dep.name, users)
      }
    }
    for (const svc of found.services) {
      const users = dependents.get(svc.name)
      if (!users || hasHealthcheck(svc.value)) continue
      const layer = svc.layers[0]
      if (localLayer(svc, doc) !== layer) continue
      ctx.report({
        ...atKey(doc, layer),
        message: `'${svc.name}' is a dependency of ${[...users].map((u) => `'${u}'`).join(', ')} but defines no healthcheck, so they cannot wait until it is ready (depends_on condition: service_healthy).`
      })
    }
  }
})
