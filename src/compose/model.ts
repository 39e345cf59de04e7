import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Scalar,
  type YAMLMap,
  type YAMLSeq
} from 'yaml'
import type { ComposeDoc } from '../parse/compose.js'

/**
 * The value model rules read: the YAML tree with aliases and `<<` merge keys resolved, where every
 * value remembers the node (and file) that DEFINES it. A value reached through `*alias` or `<<:`
 * points at the anchored text, so a finding on inherited content lands on the line that defines it.
 *
 * Aliases are shared, not copied (the model is a DAG), so building it is linear in the file size;
 * `expandedSize` measures what a naive expansion would cost and bounds alias bombs.
 */

interface ValBase {
  /** The file that defines this value. */
  doc: ComposeDoc
  /** `!reset` / `!override` (Compose's merge tags) or any other explicit tag. */
  tag?: string
}

export interface ScalarVal extends ValBase {
  kind: 'scalar'
  node: Scalar
  value: unknown
}

export interface MapVal extends ValBase {
  kind: 'map'
  /** The map node (a list node for a list merged as a map, e.g. `depends_on: [a, b]`). */
  node: YAMLMap | YAMLSeq
  entries: Map<string, Entry>
}

export interface SeqVal extends ValBase {
  kind: 'seq'
  node: YAMLSeq
  items: Val[]
}

export type Val = ScalarVal | MapVal | SeqVal

export interface Entry {
  key: string
  /** The key node, in `doc`. */
  keyNode: Node
  doc: ComposeDoc
  value: Val
  /** Inherited through a `<<:` merge key (the key text lives in the merged anchor). */
  merged: boolean
}

/** A naive expansion of more nodes than this is an alias bomb (compose files have a few thousand). */
export const MAX_EXPANDED_NODES = 200_000
/** Deeper nesting than this is not a compose file (they nest about ten levels); stop there. */
export const MAX_DEPTH = 256

export interface BuiltModel {
  root: Val | undefined
  /** Set when alias expansion would exceed MAX_EXPANDED_NODES: the alias that crosses the bound. */
  bomb?: { node: Node; size: number }
  /** Aliases without an anchor before them, or pointing into their own anchor (YAML errors). */
  badAliases: { node: Node; message: string }[]
  /** The first node nested deeper than MAX_DEPTH (its content is not modelled). */
  tooDeep?: Node
}

/** Build the value model of a parsed compose file (pure, linear; aliases memoised). */
export function buildModel(doc: ComposeDoc): BuiltModel {
  const anchors = new Map<string, Node>()
  const memo = new Map<Node, Val | null>()
  const inProgress = new Set<Node>()
  const sizes = new Map<Val, number>()
  let bomb: BuiltModel['bomb']
  let largest: { node: Node; size: number } | undefined
  const badAliases: BuiltModel['badAliases'] = []

  let depth = 0
  let tooDeep: Node | undefined
  const build = (node: unknown): Val | undefined => {
    if (depth > MAX_DEPTH) {
      tooDeep ??= node as Node
      return undefined
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source)
      if (!target || inProgress.has(target)) {
        badAliases.push({
          node,
          message: target
            ? `alias *${node.source} refers to its own anchor (a recursive structure)`
            : `alias *${node.source} has no anchor &${node.source} before it`
        })
        return undefined
      }
      const val = memo.get(target) ?? undefined
      if (val && !bomb) {
        const size = expandedSize(val, sizes)
        if (size > MAX_EXPANDED_NODES) bomb = { node, size }
        else if (!largest || size > largest.size) largest = { node, size }
      }
      return val
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return undefined
    const cached = memo.get(node)
    if (cached !== undefined) return cached ?? undefined
    if (node.anchor) anchors.set(node.anchor, node)
    inProgress.add(node)
    depth++
    let val: Val
    if (isScalar(node)) {
      val = { kind: 'scalar', doc, node, value: node.value }
    } else if (isSeq(node)) {
      const items: Val[] = []
      for (const item of node.items) {
        const v = build(item)
        if (v) items.push(v)
      }
      val = { kind: 'seq', doc, node, items }
    } else {
      val = { kind: 'map', doc, node, entries: buildEntries(node) }
    }
    if (node.tag) val.tag = node.tag
    depth--
    inProgress.delete(node)
    memo.set(node, val)
    return val
  }

  const buildEntries = (node: YAMLMap): Map<string, Entry> => {
    const own = new Map<string, Entry>()
    const mergeSources: MapVal[] = []
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const keyNode = pair.key as Node | null
      if (isMergeKey(keyNode)) {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value]
        for (const s of sources) {
          const v = build(s)
          if (v?.kind === 'map') mergeSources.push(v)
        }
        continue
      }
      const key = keyText(doc, keyNode)
      if (key === undefined || !keyNode) continue
      const value = build(pair.value) ?? nullValue(doc, pair.value, keyNode)
      own.set(key, { key, keyNode, doc, value, merged: false })
    }
    if (mergeSources.length === 0) return own
    // Local keys win; among merged maps, the earlier one wins (YAML merge-key semantics).
    const out = new Map<string, Entry>(own)
    for (const source of mergeSources) {
      for (const [key, entry] of source.entries) {
        if (!out.has(key)) out.set(key, { ...entry, merged: true })
      }
    }
    return out
  }

  const root = build(doc.doc.contents)
  if (!bomb && root && largest) {
    // Many aliases of moderate anchors can add up, too.
    const total = expandedSize(root, sizes)
    if (total > MAX_EXPANDED_NODES) bomb = { node: largest.node, size: total }
  }
  const built: BuiltModel = { root, badAliases }
  if (bomb) built.bomb = bomb
  if (tooDeep) built.tooDeep = tooDeep
  return built
}

function nullValue(doc: ComposeDoc, node: unknown, keyNode: Node): ScalarVal {
  // `key:` with nothing after it: yaml gives a null Scalar; keep a located null either way.
  if (isScalar(node)) return { kind: 'scalar', doc, node, value: null }
  const end = keyNode.range?.[1] ?? 0
  const scalar = { value: null, range: [end, end, end] } as unknown as Scalar
  return { kind: 'scalar', doc, node: scalar, value: null }
}

function isMergeKey(node: Node | null): boolean {
  return isScalar(node) && (typeof node.value === 'symbol' || node.value === '<<')
}

function keyText(doc: ComposeDoc, node: Node | null): string | undefined {
  if (node === null) return undefined
  if (isScalar(node)) {
    const v = node.value
    return v === null ? '' : typeof v === 'symbol' ? '<<' : String(v)
  }
  // A collection as a key (never valid in Compose): its source text names it.
  const r = node.range
  return r ? doc.text.slice(r[0], r[1]) : undefined
}

/** Node count of the naive expansion (aliases counted once per use), memoised per value. */
export function expandedSize(val: Val, memo = new Map<Val, number>()): number {
  const cached = memo.get(val)
  if (cached !== undefined) return cached
  let n = 1
  if (val.kind === 'seq') for (const item of val.items) n += expandedSize(item, memo)
  else if (val.kind === 'map')
    for (const e of val.entries.values()) n += expandedSize(e.value, memo)
  memo.set(val, n)
  return n
}

// ---------------------------------------------------------------------------------------------
// Accessors

/** The value under `key` of a map value. */
export function get(map: Val | undefined, key: string): Val | undefined {
  return map?.kind === 'map' ? map.entries.get(key)?.value : undefined
}

/** Follow a path of keys (strings) and indexes (numbers). */
export function getIn(val: Val | undefined, path: readonly (string | number)[]): Val | undefined {
  let cur = val
  for (const step of path) {
    if (!cur) return undefined
    if (typeof step === 'number') cur = cur.kind === 'seq' ? cur.items[step] : undefined
    else cur = get(cur, step)
  }
  return cur
}

/** A scalar's value as text (numbers and booleans as written by JS), undefined for collections/null. */
export function str(val: Val | undefined): string | undefined {
  if (!val || val.kind !== 'scalar') return undefined
  const v = val.value
  if (v === null || v === undefined) return undefined
  return typeof v === 'string' ? v : String(v)
}

/** Is the value a scalar `true` (YAML boolean or the strings Compose accepts)? */
export function isTrue(val: Val | undefined): boolean {
  if (!val || val.kind !== 'scalar') return false
  const v = val.value
  return v === true || (typeof v === 'string' && /^(true|yes|on|1)$/i.test(v))
}

/** Plain JS value (for the schema validator). Callers bound the size with `expandedSize` first. */
export function toJS(val: Val | undefined): unknown {
  if (!val) return null
  if (val.kind === 'scalar') {
    const v = val.value
    return typeof v === 'symbol' ? '<<' : v
  }
  if (val.kind === 'seq') return val.items.map(toJS)
  const out: Record<string, unknown> = {}
  for (const [k, e] of val.entries) out[k] = toJS(e.value)
  return out
}

/** The `[start, end)` offsets of a value's own text (a collection: from its first to last token). */
export function valSpan(val: Val): [number, number] {
  return nodeSpan(val.node)
}

/**
 * The offsets of `value.slice(from, to)` inside a scalar's text, when the text is the value as
 * written (plain or quoted without escapes); else the whole scalar.
 */
export function subSpan(val: Val, text: string, from: number, to: number): [number, number] {
  const [start, end] = valSpan(val)
  if (val.kind !== 'scalar' || typeof val.value !== 'string' || val.value !== text)
    return [start, end]
  const raw = val.doc.text.slice(start, end)
  const quote = raw === text ? 0 : raw.slice(1, -1) === text ? 1 : -1
  if (quote < 0) return [start, end]
  return [start + quote + from, start + quote + to]
}

export function nodeSpan(node: Node): [number, number] {
  const r = node.range
  if (!r) return [0, 0]
  if (isMap(node) || isSeq(node)) {
    if (node.flow) return [r[0], r[1]]
    return [r[0], contentEnd(node)]
  }
  return [r[0], r[1]]
}

/** Offset just past the last token of a node (trailing comments and blank lines excluded). */
export function contentEnd(node: unknown): number {
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1]
    if (!last) return node.range?.[0] ?? 0
    const keyEnd = (last.key as Node | null)?.range?.[1] ?? 0
    const value = last.value as Node | null
    return Math.max(keyEnd, value ? contentEnd(value) : keyEnd)
  }
  if (isSeq(node) && !node.flow) {
    const last = node.items[node.items.length - 1]
    if (!last) return node.range?.[0] ?? 0
    return contentEnd(last)
  }
  const r = (node as Node | null)?.range
  return r ? r[1] : 0
}
