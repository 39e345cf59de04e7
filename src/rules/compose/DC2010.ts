import { naturalCompare } from '../../compose/reorder.js'
import { defineComposeRule } from '../define.js'
import { checkOrder, pairItems } from './lib/order.js'
import { rawServicesMap } from './lib/raw.js'

/** DCLint's services-alphabetical-order (style, off by default). */
export const DC2010 = defineComposeRule({
  id: 'DC2010',
  aliases: ['services-alphabetical-order', 'order-services'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'Services are not in alphabetical order (DCLint style rule).',
  check(doc, ctx) {
    const services = rawServicesMap(doc)
    if (!services || services === doc.doc.contents) return
    checkOrder(
      doc,
      ctx,
      services,
      pairItems(services),
      (a, b) => naturalCompare(a.label, b.label),
      (item, prev) =>
        `Service '${item.label}' should come before '${prev.label}' (alphabetical order).`
    )
  }
})
