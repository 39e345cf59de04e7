import { isPair, type Node, type YAMLMap, type YAMLSeq } from 'yaml'
import { reorderEdit, sortedOrder } from '../../../compose/reorder.js'
import type { Fix, RuleContext } from '../../../core/types.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/**
 * The DCLint ordering rules share one shape: items of a collection must follow an order. Each item
 * that sorts before the item right above it is reported (DCLint v4's "unexpected order"), at its
 * key; one fix, attached to each of them, sorts the whole collection by moving lines.
 */
export interface OrderedItem {
  /** Index in `node.items`. */
  index: number
  /** Name shown in messages. */
  label: string
  /** The node to report (a pair's key, a list item). */
  at: Node
}

export function checkOrder(
  doc: ComposeDoc,
  ctx: RuleContext,
  node: YAMLMap | YAMLSeq,
  items: OrderedItem[],
  compare: (a: OrderedItem, b: OrderedItem) => number,
  describe: (item: OrderedItem, previous: OrderedItem) => string,
  attachFirstComments = true
): void {
  const misplaced: [OrderedItem, OrderedItem][] = []
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i], items[i - 1]) < 0) misplaced.push([items[i], items[i - 1]])
  }
  if (misplaced.length === 0) return
  let fix: Fix | undefined
  if (items.length === node.items.length && items.every((it, i) => it.index === i)) {
    const order = sortedOrder(items, compare).map((i) => items[i].index)
    const edit = reorderEdit(doc, node, order, { attachFirstComments })
    if (edit)
      fix = {
        description: 'Sort the entries (comments move with their entry).',
        safe: true,
        edits: [edit]
      }
  }
  for (const [item, previous] of misplaced) {
    const r = item.at.range
    if (!r) continue
    const range = doc.rangeOf(r[0], r[1])
    ctx.report(
      fix
        ? { message: describe(item, previous), range, fix }
        : { message: describe(item, previous), range }
    )
  }
}

/** The pairs of a raw map as ordered items (merge keys left out: they are not entries). */
export function pairItems(map: YAMLMap): (OrderedItem & { key: string })[] {
  const out: (OrderedItem & { key: string })[] = []
  map.items.forEach((pair, index) => {
    if (!isPair(pair)) return
    const k = pair.key as { value?: unknown; range?: unknown } | null
    if (!k || typeof k.value === 'symbol' || k.value === '<<') return
    out.push({ index, key: String(k.value), label: String(k.value), at: pair.key as Node })
  })
  return out
}
