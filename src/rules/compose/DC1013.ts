import { hasVariable } from '../../compose/interpolation.js'
import { get, str, type Val } from '../../compose/model.js'
import { mayBeAlternatives, type ProjectService } from '../../compose/project.js'
import { profiles, replicas } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { projectServices } from './lib/services.js'

/**
 * `container_name` names exactly one container: a service with more than one replica cannot be
 * created, and two services with the same name collide (Compose rejects both). Checked on the
 * merged project; the second definition of a name is the one reported.
 */
export const DC1013 = defineComposeRule({
  id: 'DC1013',
  aliases: ['no-duplicate-container-names'],
  severity: 'error',
  description:
    'container_name on a service with more than one replica, or the same container_name on two services.',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    const names = new Map<string, { service: ProjectService; profiles: string[] }[]>()
    for (const svc of found.project.services.values()) {
      const nameVal: Val | undefined = get(svc.value, 'container_name')
      const name = str(nameVal)
      if (!nameVal || name === undefined || hasVariable(name)) continue
      const count = replicas(svc.value)
      if (count && count.count > 1) {
        ctx.report({
          ...atValue(doc, nameVal),
          message: `Service '${svc.name}' sets container_name '${name}' but asks for ${count.count} replicas; a container name is unique, so Compose refuses to scale it. Remove container_name.`
        })
      }
      const mine = profiles(svc.value)
      const earlier = (names.get(name) ?? []).find(
        (o) =>
          o.profiles.length === 0 || mine.length === 0 || o.profiles.some((p) => mine.includes(p))
      )
      if (earlier) {
        const menu = mayBeAlternatives(found.project, earlier.service, svc)
        ctx.report({
          ...atValue(doc, nameVal),
          message: `Service '${svc.name}' uses container_name '${name}', already used by service '${earlier.service.name}'; container names must be unique.${menu ? ' If the two are alternatives that never run together, give them disjoint profiles.' : ''}`,
          ...(menu ? { precision: 'low' as const } : {})
        })
      }
      names.set(name, [...(names.get(name) ?? []), { service: svc, profiles: mine }])
    }
  }
})
