import { isMap, isScalar } from 'yaml'
import { naturalCompare } from '../../compose/reorder.js'
import { defineComposeRule } from '../define.js'
import { checkOrder, type OrderedItem } from './lib/order.js'
import { rawGet, rawSeq, rawServices } from './lib/raw.js'

/** The container port of a raw `ports` item, as text (`"80:$PORT"` → `$PORT`, long syntax: target). */
export function containerPortText(item: unknown): string | undefined {
  if (isScalar(item)) {
    const text = String(item.value)
    // Split outside variables: `${PORT:-80}` holds a colon.
    let depth = 0
    let cut = -1
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '{' && text[i - 1] === '$') depth++
      else if (text[i] === '}' && depth > 0) depth--
      else if (text[i] === ':' && depth === 0) cut = i
    }
    return text.slice(cut + 1).replace(/\/\w+$/, '')
  }
  if (isMap(item)) {
    const target = rawGet(item, 'target')?.value
    return isScalar(target) ? String(target.value) : undefined
  }
  return undefined
}

/**
 * DCLint's service-ports-alphabetical-order (style, off by default), with DCLint v4's semantics:
 * `ports` sorted by container port, in natural order.
 */
export const DC2009 = defineComposeRule({
  id: 'DC2009',
  aliases: ['service-ports-alphabetical-order', 'order-service-ports'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'ports are not sorted by container port (DCLint style rule).',
  check(doc, ctx) {
    for (const svc of rawServices(doc)) {
      const ports = rawSeq(rawGet(svc.map, 'ports')?.value)
      if (!ports) continue
      const items: OrderedItem[] = []
      ports.items.forEach((item, index) => {
        const label = containerPortText(item)
        if (label !== undefined && (isScalar(item) || isMap(item)))
          items.push({ index, label, at: item })
      })
      checkOrder(
        doc,
        ctx,
        ports,
        items,
        (a, b) => naturalCompare(a.label, b.label),
        (item, prev) =>
          `Port with container port ${item.label} of service '${svc.name}' should come before the one with ${prev.label} (ports sorted by container port).`
      )
    }
  }
})
