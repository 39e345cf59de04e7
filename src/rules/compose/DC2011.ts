import { TOP_LEVEL_KEYS } from '../../compose/file.js'
import { naturalCompare } from '../../compose/reorder.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { checkOrder, pairItems, type OrderedItem } from './lib/order.js'
import { rawRoot } from './lib/raw.js'

/** DCLint's default order, with `models` (newer than DCLint's list) after `services`. */
export const DEFAULT_TOP_LEVEL_ORDER = ['x-properties', ...TOP_LEVEL_KEYS]

interface Options {
  /** DCLint v4: a list, or 'alphabetical'. */
  order: string[] | 'alphabetical'
  /** DCLint 3.x name of the same option. */
  customOrder: string[]
}

/**
 * DCLint's top-level-properties-order (style, off by default): `x-` extensions (A–Z), version,
 * name, include, services, models, networks, volumes, secrets, configs; keys not in the order come
 * last, A–Z. Unlike DCLint 3.1.0, an unlisted key such as `models` is never dropped by the fix.
 */
export const DC2011 = defineComposeRule({
  id: 'DC2011',
  aliases: ['top-level-properties-order', 'order-top-level-properties'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'Top-level keys are not in the conventional order (DCLint style rule).',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: {
      order: { oneOf: [{ const: 'alphabetical' }, { type: 'array', items: { type: 'string' } }] },
      customOrder: { type: 'array', items: { type: 'string' } }
    }
  },
  check(doc, ctx) {
    const root = rawRoot(doc)
    if (!root) return
    const options = ruleOptions<Options>(ctx, 'DC2011')
    const order = options.order ?? options.customOrder ?? DEFAULT_TOP_LEVEL_ORDER
    let compare: (a: OrderedItem, b: OrderedItem) => number
    if (order === 'alphabetical') compare = (a, b) => naturalCompare(a.label, b.label)
    else {
      const rank = (key: string): number => {
        const i = order.indexOf(key.startsWith('x-') ? 'x-properties' : key)
        return i === -1 ? order.length : i
      }
      const byName = new Set([order.indexOf('x-properties'), order.length])
      compare = (a, b) => {
        const ra = rank(a.label)
        const rb = rank(b.label)
        if (ra !== rb) return ra - rb
        return byName.has(ra) ? naturalCompare(a.label, b.label) : 0
      }
    }
    checkOrder(
      doc,
      ctx,
      root,
      pairItems(root),
      compare,
      (item, prev) => `Top-level '${item.label}' should come before '${prev.label}'.`,
      false
    )
  }
})
