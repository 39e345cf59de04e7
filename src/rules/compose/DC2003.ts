import { isIp } from '../../compose/ports.js'
import { portLabel, ports } from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { bindPortFix } from './lib/bind-port.js'
import { ruleOptions } from '../define.js'
import { atValue } from './lib/report.js'
import { localServices } from './lib/services.js'

interface Options {
  /** Host IPs that count as bound (DCLint v4 `allowedIps`); empty = any explicit IP. */
  allowedIps: string[]
  /** DCLint v4 `fallbackInterface`: when set, the fix binds unbound ports to it. */
  fallbackInterface: string
}

/**
 * DCLint's no-unbound-port-interfaces: every published port without an explicit host IP (short
 * syntax without `IP:`, long syntax without `host_ip`). Off by default: DC1012 reports the ports
 * that matter (databases, admin UIs) with a fix; this is the blanket policy.
 */
export const DC2003 = defineComposeRule({
  id: 'DC2003',
  aliases: ['no-unbound-port-interfaces'],
  severity: 'warning',
  fixable: true,
  enabledByDefault: false,
  description:
    'A port is published without a host IP, so it listens on every interface (DCLint no-unbound-port-interfaces).',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowedIps: { type: 'array', items: { type: 'string' } },
      fallbackInterface: { type: 'string' }
    }
  },
  check(doc, ctx) {
    const options = ruleOptions<Options>(ctx, 'DC2003')
    const allowed = options.allowedIps ?? []
    const fallback = options.fallbackInterface
    for (const svc of localServices(doc)) {
      for (const { spec, val } of ports(svc.value)) {
        if (spec.error || spec.hostIp === undefined || spec.published === undefined) continue
        const ip = spec.hostIp
        if (ip !== '' && (allowed.length === 0 || allowed.includes(ip))) continue
        ctx.report({
          ...atValue(doc, val),
          message:
            ip === ''
              ? `Service '${svc.name}' publishes ${portLabel(val)} without a host IP, so it listens on every interface; bind it to an address (e.g. 127.0.0.1:…).`
              : `Service '${svc.name}' publishes ${portLabel(val)} on ${ip}, which is not an allowed host IP (${allowed.join(', ')}).`,
          fix:
            fallback && isIp(fallback) && ip === ''
              ? bindPortFix(
                  doc,
                  val,
                  fallback,
                  ip,
                  spec.published === null,
                  `Bind the port to ${fallback}.`
                )
              : undefined
        })
      }
    }
  }
})
