import { isMap, isScalar, isSeq } from 'yaml'
import { naturalCompare } from '../../compose/reorder.js'
import { defineComposeRule } from '../define.js'
import { checkOrder, pairItems, type OrderedItem } from './lib/order.js'
import { rawGet, rawServices } from './lib/raw.js'

/** DCLint's service-dependencies-alphabetical-order (style, off by default). */
export const DC2007 = defineComposeRule({
  id: 'DC2007',
  aliases: ['service-dependencies-alphabetical-order', 'order-service-dependencies'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'depends_on entries are not in alphabetical order (DCLint style rule).',
  check(doc, ctx) {
    for (const svc of rawServices(doc)) {
      const deps = rawGet(svc.map, 'depends_on')?.value
      let items: OrderedItem[] = []
      if (isSeq(deps)) {
        deps.items.forEach((item, index) => {
          if (isScalar(item)) items.push({ index, label: String(item.value), at: item })
        })
      } else if (isMap(deps)) items = pairItems(deps)
      else continue
      checkOrder(
        doc,
        ctx,
        deps,
        items,
        (a, b) => naturalCompare(a.label, b.label),
        (item, prev) =>
          `depends_on of service '${svc.name}': '${item.label}' should come before '${prev.label}' (alphabetical order).`
      )
    }
  }
})
