import type { Node } from 'yaml'
import type { SourceFile } from '../core/types.js'
import type { ComposeDoc } from '../parse/compose.js'
import { buildModel, type Entry, type MapVal, type Val } from './model.js'

/**
 * One compose file as rules see it: its value model, its layout (standard, legacy v1, fragment)
 * and its services. Built once per parsed document and cached.
 */

export type Layout =
  /** `services:` at the top level (or only top-level resources / `include:`). */
  | 'standard'
  /** Compose file format v1: services directly at the top level, no `services:` key. */
  | 'legacy'
  /** No services at all: networks/volumes/… only, or `include:` only (a file meant to be included). */
  | 'fragment'
  /** Empty document, or a top level that is not a mapping. */
  | 'empty'

export const TOP_LEVEL_KEYS = [
  'version',
  'name',
  'include',
  'services',
  'models',
  'networks',
  'volumes',
  'secrets',
  'configs'
] as const

const TOP_LEVEL = new Set<string>(TOP_LEVEL_KEYS)

/** Keys that make a top-level map look like a v1 service definition. */
const SERVICE_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'ports',
  'expose',
  'environment',
  'env_file',
  'volumes',
  'volumes_from',
  'links',
  'restart',
  'container_name',
  'depends_on',
  'extends',
  'net',
  'network_mode',
  'labels',
  'working_dir',
  'hostname',
  'user',
  'privileged',
  'dns',
  'extra_hosts',
  'devices',
  'cap_add',
  'log_driver',
  'mem_limit'
])

export interface FileModel {
  doc: ComposeDoc
  /** The top-level mapping (undefined for empty files, non-mapping tops and alias bombs). */
  root?: MapVal
  layout: Layout
  /** Service name → its entry (key node and value), in file order. */
  services: Map<string, Entry>
  /** Top-level keys that hold services in the legacy layout. */
  legacyKeys: Entry[]
  /** Set when alias expansion exceeds the bound (DC0001 reports it; other rules see no content). */
  bomb?: { node: Node; size: number }
  /** Aliases that do not resolve (DC0001). */
  badAliases: { node: Node; message: string }[]
  /** Nesting deeper than MAX_DEPTH (DC0001; the file is not modelled). */
  tooDeep?: Node
}

/**
 * Two parses of the same file (the engine's and the project's): same path and same text, so the
 * same offsets. Findings are kept when the node they point at is in the file being linted.
 */
export function sameFile(a: SourceFile, b: SourceFile): boolean {
  return a === b || (a.path === b.path && a.text.length === b.text.length && a.text === b.text)
}

/**
 * Compose could load it: no YAML error, no broken alias, no alias bomb. Rules other than DC0001
 * look only at loadable files (judging half a document would only add noise).
 */
export function isLoadable(doc: ComposeDoc): boolean {
  if (doc.problems.some((p) => p.severity === 'error')) return false
  const model = fileModel(doc)
  return !model.bomb && !model.tooDeep && model.badAliases.length === 0
}

const cache = new WeakMap<ComposeDoc, FileModel>()

export function fileModel(doc: ComposeDoc): FileModel {
  let model = cache.get(doc)
  if (!model) {
    model = computeFileModel(doc)
    cache.set(doc, model)
  }
  return model
}

function computeFileModel(doc: ComposeDoc): FileModel {
  const built = buildModel(doc)
  const badAliases = built.badAliases
  const empty: FileModel = { doc, layout: 'empty', services: new Map(), legacyKeys: [], badAliases }
  if (built.bomb) return { ...empty, bomb: built.bomb }
  if (built.tooDeep) return { ...empty, tooDeep: built.tooDeep }
  const root: Val | undefined = built.root
  if (!root || root.kind !== 'map') return empty
  const services = new Map<string, Entry>()
  const servicesVal = root.entries.get('services')?.value
  if (servicesVal) {
    if (servicesVal.kind === 'map') for (const [k, e] of servicesVal.entries) services.set(k, e)
    return { doc, root, layout: 'standard', services, legacyKeys: [], badAliases }
  }
  const legacyKeys: Entry[] = []
  for (const [k, e] of root.entries) {
    if (TOP_LEVEL.has(k) || k.startsWith('x-')) continue
    if (e.value.kind === 'map' && [...e.value.entries.keys()].some((key) => SERVICE_KEYS.has(key)))
      legacyKeys.push(e)
  }
  if (legacyKeys.length > 0) {
    for (const e of legacyKeys) services.set(e.key, e)
    return { doc, root, layout: 'legacy', services, legacyKeys, badAliases }
  }
  return {
    doc,
    root,
    layout: root.entries.size > 0 ? 'fragment' : 'empty',
    services,
    legacyKeys,
    badAliases
  }
}
