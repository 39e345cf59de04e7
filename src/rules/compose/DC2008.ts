import { naturalCompare } from '../../compose/reorder.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { checkOrder, pairItems, type OrderedItem } from './lib/order.js'
import { rawServices } from './lib/raw.js'

/** DCLint's default key groups, in order; keys in no group come last, alphabetically ("Other"). */
export const DEFAULT_GROUPS: Record<string, string[]> = {
  'Core Definitions': ['image', 'build', 'container_name'],
  'Service Dependencies': ['depends_on'],
  'Data Management and Configuration': ['volumes', 'volumes_from', 'configs', 'secrets'],
  'Environment Configuration': ['environment', 'env_file'],
  Networking: ['ports', 'networks', 'network_mode', 'extra_hosts'],
  'Runtime Behavior': ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'],
  'Operational Metadata': ['logging', 'labels'],
  'Security and Execution Context': ['user', 'isolation']
}
const DEFAULT_ORDER = [...Object.keys(DEFAULT_GROUPS), 'Other']

interface Options {
  groups: Record<string, string[]>
  groupOrder: string[]
}

/**
 * DCLint's service-keys-order (style, off by default): keys of a service in group order (image,
 * build, container_name → depends_on → volumes… → environment… → ports… → command… → logging,
 * labels → user, isolation → everything else A–Z). `<<:` merge keys are not keys and are ignored.
 * Options `groups` (replaces named groups) and `groupOrder`, as in DCLint.
 */
export const DC2008 = defineComposeRule({
  id: 'DC2008',
  aliases: ['service-keys-order', 'order-service-properties'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'Keys of a service are not in the conventional group order (DCLint style rule).',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      groups: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } }
      },
      groupOrder: { type: 'array', items: { type: 'string' } }
    }
  },
  check(doc, ctx) {
    const options = ruleOptions<Options>(ctx, 'DC2008')
    const groups = { ...DEFAULT_GROUPS, ...(options.groups ?? {}) }
    const order = options.groupOrder ?? DEFAULT_ORDER
    const rank = new Map<string, [number, number]>()
    order.forEach((group, g) => {
      ;(groups[group] ?? []).forEach((key, k) => {
        if (!rank.has(key)) rank.set(key, [g, k])
      })
    })
    const otherAt = order.includes('Other') ? order.indexOf('Other') : order.length
    const rankOf = (key: string): [number, number] => rank.get(key) ?? [otherAt, -1]
    const compare = (a: OrderedItem, b: OrderedItem): number => {
      const [ga, ka] = rankOf(a.label)
      const [gb, kb] = rankOf(b.label)
      if (ga !== gb) return ga - gb
      if (ka !== kb && ka >= 0 && kb >= 0) return ka - kb
      return naturalCompare(a.label, b.label)
    }
    for (const svc of rawServices(doc)) {
      checkOrder(
        doc,
        ctx,
        svc.map,
        pairItems(svc.map),
        compare,
        (item, prev) =>
          `Key '${item.label}' of service '${svc.name}' should come before '${prev.label}' (${groupName(item.label, order, groups)} comes earlier).`
      )
    }
  }
})

function groupName(key: string, order: string[], groups: Record<string, string[]>): string {
  const group = order.find((g) => (groups[g] ?? []).includes(key))
  return group ? `'${group}'` : 'its group'
}
