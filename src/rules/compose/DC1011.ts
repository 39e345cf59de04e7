import { isAllInterfaces } from '../../compose/ports.js'
import { ports, profiles } from '../../compose/service.js'
import { mayBeAlternatives } from '../../compose/project.js'
import { get, type Val } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'
import { atValue } from './lib/report.js'
import { projectServices } from './lib/services.js'

interface Binding {
  service: string
  profiles: string[]
  ip: string
  protocol: string
  start: number
  end: number
  val: Val
}

/**
 * Two services publishing the same host port: the second container fails to start. Compared on
 * the merged project (base + override, includes), as Docker binds: the same protocol, overlapping
 * port ranges, and host IPs that overlap (equal, or one of them on every interface). Not a
 * conflict: container-only ports (`"8080"` gets an ephemeral host port), a host range mapped to one
 * container port (Docker picks a free port in it), values from variables, services in disjoint
 * profiles (alternatives that are not started together).
 */
export const DC1011 = defineComposeRule({
  id: 'DC1011',
  aliases: ['no-duplicate-exported-ports'],
  severity: 'error',
  description: 'Two services publish the same host port (same protocol and overlapping host IP).',
  check(doc, ctx) {
    const found = projectServices(doc, ctx.workspace)
    if (!found) return
    const seen: Binding[] = []
    for (const svc of found.project.services.values()) {
      const svcProfiles = profiles(svc.value)
      for (const { spec, val } of ports(svc.value)) {
        const published = spec.published
        const target = spec.target
        if (spec.error || !published || spec.hostIp === undefined) continue
        // A host range for one container port is a pool Docker picks from, not a fixed binding.
        if (published.end > published.start && target && target.end === target.start) continue
        const binding: Binding = {
          service: svc.name,
          profiles: svcProfiles,
          ip: spec.hostIp,
          protocol: spec.protocol,
          start: published.start,
          end: published.end,
          val
        }
        const clash = seen.find((b) => conflicts(b, binding))
        if (clash) {
          const lo = Math.max(clash.start, binding.start)
          const hi = Math.min(clash.end, binding.end)
          const portText = lo === hi ? `port ${lo}` : `ports ${lo}-${hi}`
          const other =
            clash.service === svc.name
              ? 'another entry of the same service'
              : `service '${clash.service}'`
          // Services of `include:`d or variant files are often alternatives that nobody starts
          // together (mailhog or mailcatcher): say so, and keep it out of the inline comments
          // (the check still fails on it).
          const rival = found.project.services.get(clash.service)
          const menu = rival !== undefined && mayBeAlternatives(found.project, rival, svc)
          ctx.report({
            ...atValue(doc, val.kind === 'map' ? (get(val, 'published') ?? val) : val),
            message: `Service '${svc.name}' publishes host ${portText}/${binding.protocol}${binding.ip ? ` on ${binding.ip}` : ''}, which ${other} already publishes${clash.ip ? ` on ${clash.ip}` : ''}; the second container cannot start.${menu ? ' If the two are alternatives that never run together, give them disjoint profiles.' : ''}`,
            ...(menu ? { precision: 'low' as const } : {})
          })
        }
        seen.push(binding)
      }
    }
  }
})

function conflicts(a: Binding, b: Binding): boolean {
  if (a.protocol !== b.protocol) return false
  if (a.end < b.start || b.end < a.start) return false
  if (a.ip !== b.ip && !isAllInterfaces(a.ip) && !isAllInterfaces(b.ip)) return false
  // Alternatives: both services are behind profiles and share none.
  if (
    a.profiles.length > 0 &&
    b.profiles.length > 0 &&
    !a.profiles.some((p) => b.profiles.includes(p))
  )
    return false
  return a.val !== b.val
}
