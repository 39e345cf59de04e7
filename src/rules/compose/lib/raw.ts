import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml'
import { fileModel, isLoadable } from '../../../compose/file.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/**
 * The file's YAML as written (no anchors or merges resolved), for the style rules that are about
 * the text itself: ordering and quoting. Only loadable files are looked at.
 */

export function keyOf(pair: Pair): string | undefined {
  const k = pair.key
  if (!isScalar(k)) return undefined
  return typeof k.value === 'symbol' ? '<<' : k.value === null ? '' : String(k.value)
}

export function rawRoot(doc: ComposeDoc): YAMLMap | undefined {
  if (!isLoadable(doc)) return undefined
  const root = doc.doc.contents
  return isMap(root) ? root : undefined
}

export function rawGet(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined
  return map.items.find((p): p is Pair => isPair(p) && keyOf(p) === key)
}

/** The raw map of service definitions (the top level itself in the legacy v1 layout). */
export function rawServicesMap(doc: ComposeDoc): YAMLMap | undefined {
  const root = rawRoot(doc)
  if (!root) return undefined
  const pair = rawGet(root, 'services')
  if (pair) return isMap(pair.value) ? pair.value : undefined
  return fileModel(doc).layout === 'legacy' ? root : undefined
}

/** Each service's raw mapping, with its name (legacy layout: only keys that hold services). */
export function rawServices(doc: ComposeDoc): { name: string; pair: Pair; map: YAMLMap }[] {
  const services = rawServicesMap(doc)
  if (!services) return []
  const legacy = services === doc.doc.contents
  const names = legacy ? new Set(fileModel(doc).legacyKeys.map((e) => e.key)) : undefined
  const out: { name: string; pair: Pair; map: YAMLMap }[] = []
  for (const pair of services.items) {
    if (!isPair(pair) || !isMap(pair.value)) continue
    const name = keyOf(pair)
    if (name === undefined || (names && !names.has(name))) continue
    out.push({ name, pair, map: pair.value })
  }
  return out
}

export function rawSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined
}
