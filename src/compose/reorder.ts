import { isAlias, isMap, isPair, isSeq, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml'
import type { TextEdit } from '../core/types.js'
import type { ComposeDoc } from '../parse/compose.js'
import { eol, lineStart, nextLineStart, replaceEdit } from './edits.js'
import { contentEnd } from './model.js'

/**
 * Reordering the items of a block mapping or block sequence as ONE text edit that moves whole
 * lines: each item travels with the comment lines directly above it and its trailing comment;
 * blank-line separators stay where they were; nothing is re-printed. Returns undefined when the
 * collection cannot be reordered by moving lines (flow style, two items on one line, merge keys).
 */

/** Natural order: digit runs compare as numbers (`8:80` < `80:80` < `443` < `3000-3005`). */
export function naturalCompare(a: string, b: string): number {
  const ca = a.match(/\d+|\D+/g) ?? []
  const cb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i]
    const y = cb[i]
    if (x === y) continue
    const nx = /^\d/.test(x)
    const ny = /^\d/.test(y)
    if (nx && ny) {
      const d = Number(x) - Number(y)
      if (d !== 0) return d
      return x.length - y.length
    }
    return x < y ? -1 : 1
  }
  return ca.length - cb.length
}

interface Span {
  /** Blank lines before the item (they stay at their position). */
  lead: string
  /** Comment lines above the item, the item, its trailing comment, and its line terminator. */
  body: string
}

/** First offset of an item: the key of a pair, the dash of a sequence item. */
function itemStart(doc: ComposeDoc, item: unknown, inSeq: boolean): number | undefined {
  const node = (isPair(item) ? item.key : item) as Node | null
  const start = node?.range?.[0]
  if (start === undefined) return undefined
  if (!inSeq) return start
  const dash = doc.text.lastIndexOf('-', start - 1)
  return dash >= lineStart(doc, start) ? dash : start
}

const KEY_COLON = /^[ \t]*:/
const BLANK_LINES = /^(?:[ \t]*\r?\n)*[ \t]*(?=\r?\n|$)/

function keyEndOf(pair: { key: unknown }): number {
  return (pair.key as Node | null)?.range?.[1] ?? 0
}

function itemEnd(item: unknown): number {
  if (isPair(item)) {
    const keyEnd = keyEndOf(item)
    return item.value ? Math.max(keyEnd, contentEnd(item.value)) : keyEnd
  }
  return contentEnd(item)
}

/**
 * The edit that puts the items of `node` in `order` (order[j] = index of the item to place j-th),
 * or undefined when it cannot be done by moving lines.
 */
export function reorderEdit(
  doc: ComposeDoc,
  node: YAMLMap | YAMLSeq,
  order: number[],
  options: { attachFirstComments: boolean }
): TextEdit | undefined {
  if (node.flow || node.items.length < 2) return undefined
  const inSeq = isSeq(node)
  if (isMap(node) && node.items.some((p) => isPair(p) && isMergePair(p))) return undefined
  const text = doc.text
  const starts: number[] = []
  const ends: number[] = []
  for (const item of node.items) {
    const s = itemStart(doc, item, inSeq)
    if (s === undefined || text.slice(lineStart(doc, s), s).trim() !== '') return undefined
    // yaml also reads a key whose `:` comes on a later line (`\\\n  : |`); moved first, it is
    // an error. Only keys with their `:` on their own line move.
    if (isPair(item) && !KEY_COLON.test(text.slice(keyEndOf(item), nextLineStart(doc, s))))
      return undefined
    starts.push(lineStart(doc, s))
    // A block scalar (`>-`, `|`) ends after its line break, at the start of the next line.
    const end = itemEnd(item)
    ends.push(end > 0 && text.charCodeAt(end - 1) === 10 ? end : nextLineStart(doc, end))
  }
  for (let i = 1; i < starts.length; i++) if (starts[i] < ends[i - 1]) return undefined
  const spans: Span[] = []
  // Item 0's own comment lines, directly above it (no blank line between), travel with it.
  let regionStart = starts[0]
  if (options.attachFirstComments) {
    let cur = starts[0]
    while (cur > 0) {
      const prev = lineStart(doc, cur - 1)
      if (!/^\s*#/.test(text.slice(prev, cur))) break
      cur = prev
    }
    regionStart = cur
  }
  for (let i = 0; i < node.items.length; i++) {
    const from = i === 0 ? regionStart : ends[i - 1]
    const gap = text.slice(from, starts[i])
    // Leading blank lines are a separator at this position; the rest (comments) belongs to the item.
    const m = /^(?:[ \t]*\r?\n)*/.exec(gap)!
    spans.push({ lead: m[0], body: gap.slice(m[0].length) + text.slice(starts[i], ends[i]) })
  }
  if (!anchorsStayBeforeAliases(node.items, order)) return undefined
  const regionEnd = ends[ends.length - 1]
  // yaml reads a blank line holding a tab after `key:` (no value) as tab indentation, an error,
  // and after a scalar as nothing: the item before such a line must not change.
  const after = BLANK_LINES.exec(text.slice(regionEnd))?.[0] ?? ''
  if (after.includes('\t') || spans.some((span) => span.lead.includes('\t'))) return undefined
  const newline = eol(doc)
  const terminated = (s: string): string => (/\n$/.test(s) ? s : s + newline)
  let out = ''
  order.forEach((from, j) => {
    out += (j === 0 ? '' : spans[j].lead) + terminated(spans[from].body)
  })
  out = spans[0].lead + out
  if (!/\n$/.test(text.slice(regionStart, regionEnd))) out = out.replace(/\r?\n$/, '')
  if (out === text.slice(regionStart, regionEnd)) return undefined
  return replaceEdit(doc, regionStart, regionEnd, out)
}

/** Would every alias in the moved items still come after its anchor? */
function anchorsStayBeforeAliases(items: unknown[], order: number[]): boolean {
  const anchorsOf: Set<string>[] = []
  const aliasesOf: Set<string>[] = []
  for (const item of items) {
    const anchors = new Set<string>()
    const aliases = new Set<string>()
    visit(item as Node, {
      Node(_key, n) {
        if (isAlias(n)) aliases.add(n.source)
        else if ((n as { anchor?: string }).anchor) anchors.add((n as { anchor: string }).anchor)
      }
    })
    anchorsOf.push(anchors)
    aliasesOf.push(aliases)
  }
  const local = new Set(anchorsOf.flatMap((a) => [...a]))
  const defined = new Set<string>()
  for (const i of order) {
    for (const alias of aliasesOf[i]) {
      // An alias to an anchor defined by another moved item needs that item placed earlier.
      if (local.has(alias) && !defined.has(alias) && !anchorsOf[i].has(alias)) return false
    }
    for (const a of anchorsOf[i]) defined.add(a)
  }
  return true
}

function isMergePair(pair: { key: unknown }): boolean {
  const key = pair.key as { value?: unknown } | null
  return typeof key?.value === 'symbol' || key?.value === '<<'
}

/** A stable sort permutation: indexes of `keys` in sorted order. */
export function sortedOrder<T>(keys: T[], compare: (a: T, b: T) => number): number[] {
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => compare(a.k, b.k) || a.i - b.i)
    .map((x) => x.i)
}
