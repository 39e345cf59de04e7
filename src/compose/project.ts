import type { Workspace } from '../core/types.js'
import { parseCompose, type ComposeDoc } from '../parse/compose.js'
import { fileModel, sameFile, type FileModel } from './file.js'
import { get, str, type Entry, type MapVal, type SeqVal, type Val } from './model.js'
import { parseLongPort, parseShortPort } from './ports.js'
import { basename, dirname, join } from '../core/paths.js'

/**
 * The project a compose file belongs to, the way `docker compose` would load it: the base file and
 * its auto-loaded override (`compose.yaml` + `compose.override.yaml`, `docker-compose.yml` +
 * `docker-compose.override.yml`) merged with Compose's rules, `extends:` resolved, and `include:`d
 * files' resources added. Other files are read through the workspace; every value keeps the file
 * and node that define it, so a rule linting one file reports only what that file defines.
 */

export interface ProjectService {
  name: string
  /** The service's definitions, base first (override layers after). */
  layers: Entry[]
  /** The merged configuration (override layers and `extends` applied). */
  value: MapVal
}

export interface Project {
  /** Layer files, base first (the current file is one of them). */
  layers: FileModel[]
  /** Files pulled in with `include:` (their services and resources are part of the project). */
  included: FileModel[]
  services: Map<string, ProjectService>
  /** Top-level resources by kind (`networks`, `volumes`, `secrets`, `configs`, `models`). */
  resources: Map<string, Map<string, Entry>>
  /**
   * True when the project has a base file: then something absent is really absent (undefined
   * references, missing image). False for an override or fragment linted without its base.
   */
  complete: boolean
  /**
   * Names defined by sibling variant files (`compose.x.yaml` beside an override or variant), which
   * may be stacked with `-f a -f b -f c`: services, and resources by kind. Not part of the project;
   * a reference to one of them is not reported as undefined.
   */
  elsewhere: { services: Set<string>; resources: Set<string> }
}

export const BASE_NAMES = [
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml'
]
export const OVERRIDE_NAMES = [
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml'
]
const RESOURCE_KINDS = ['networks', 'volumes', 'secrets', 'configs', 'models'] as const
const MAX_INCLUDE_DEPTH = 8

const projectCache = new WeakMap<ComposeDoc, WeakMap<Workspace, Project>>()
const parseCache = new WeakMap<Workspace, Map<string, { text: string; doc: ComposeDoc }>>()
/**
 * Parsed files kept per workspace, most recently used last. Files are linted in path order, so a
 * project's files come together; a bound keeps a run over thousands of files from holding every
 * parsed document (the sibling and base-file caches below keep paths, not documents).
 */
const MAX_PARSED = 64

function keep(
  files: Map<string, { text: string; doc: ComposeDoc }>,
  path: string,
  entry: { text: string; doc: ComposeDoc }
): void {
  files.delete(path)
  files.set(path, entry)
  if (files.size > MAX_PARSED) files.delete(files.keys().next().value!)
}

/** The project of `doc` (cached per document and workspace). */
export function projectOf(doc: ComposeDoc, workspace: Workspace): Project {
  remember(workspace, doc)
  let byWorkspace = projectCache.get(doc)
  if (!byWorkspace) {
    byWorkspace = new WeakMap()
    projectCache.set(doc, byWorkspace)
  }
  let project = byWorkspace.get(workspace)
  if (!project) {
    project = buildProject(doc, workspace)
    byWorkspace.set(workspace, project)
  }
  return project
}

/** Let later projects reuse a document the engine already parsed (when the text is the same). */
function remember(workspace: Workspace, doc: ComposeDoc): void {
  let files = parseCache.get(workspace)
  if (!files) {
    files = new Map()
    parseCache.set(workspace, files)
  }
  const known = files.get(doc.path)
  keep(files, doc.path, known ?? { text: doc.text, doc })
}

/**
 * Parse a workspace file once per workspace. `worth` may decline to parse a text not parsed yet
 * (undefined is returned then): for questions its text alone can answer.
 */
export function loadFile(
  workspace: Workspace,
  path: string,
  worth?: (text: string) => boolean
): ComposeDoc | undefined {
  let files = parseCache.get(workspace)
  if (!files) {
    files = new Map()
    parseCache.set(workspace, files)
  }
  let text: string | undefined
  try {
    text = workspace.readFile(path)
  } catch {
    return undefined
  }
  if (text === undefined) return undefined
  const cached = files.get(path)
  if (cached && cached.text === text) {
    keep(files, path, cached)
    return cached.doc
  }
  if (worth && !worth(text)) return undefined
  const doc = parseCompose(path, text)
  keep(files, path, { text, doc })
  return doc
}

/** A service definition that cannot run alone (no image, build, extends or provider). */
function isPartialService(value: Val): boolean {
  if (value.kind !== 'map') return true
  return !['image', 'build', 'extends', 'provider'].some((k) => value.entries.has(k))
}

export type FileRole =
  /** Loaded on its own (`compose.yaml`, or any file whose services are complete). */
  | 'base'
  /** Adds to a base file: an `*.override.yml`, or a file whose services are all partial. */
  | 'override'
  /** `docker-compose.prod.yml` / `compose-dev.yaml`: meant for `-f base -f variant`. */
  | 'variant'

const VARIANT = /^(docker-)?compose[-._].+\.ya?ml$/

export function fileRole(model: FileModel): FileRole {
  const name = basename(model.doc.path)
  if (OVERRIDE_NAMES.includes(name) || /\.override\.ya?ml$/.test(name)) return 'override'
  const services = [...model.services.values()]
  const partial = services.filter((e) => isPartialService(e.value)).length
  if (BASE_NAMES.includes(name))
    return services.length > 0 && partial === services.length ? 'override' : 'base'
  if (VARIANT.test(name)) return 'variant'
  return partial > 0 ? 'override' : 'base'
}

/**
 * The base file an override or variant adds to: beside it (unless it is base-named itself), else up
 * to two folders up (`overrides/compose.x.yaml`, `ci/case/compose.yaml`). When the file has partial
 * services, the base must define at least one of them.
 */
function findBase(
  workspace: Workspace,
  doc: ComposeDoc,
  prefix: string,
  wanted: string[]
): ComposeDoc | undefined {
  const own = BASE_NAMES.includes(basename(doc.path))
  let dir = dirname(doc.path)
  for (let level = 0; level < 3; level++) {
    if (level > 0 || !own) {
      const candidate = findSibling(workspace, dir, BASE_NAMES, prefix)
      if (candidate && candidate.path !== doc.path) {
        const services = fileModel(candidate).services
        if (wanted.length === 0 || wanted.some((n) => services.has(n))) return candidate
      }
    }
    if (dir === '') break
    dir = dirname(dir)
  }
  return undefined
}

/**
 * Which of the file's services a base must define to be its base: the partial ones; for a variant
 * with only complete services, any of them (a `docker-compose.prod.yml` defining other services
 * is an alternative, loaded on its own); an override by name takes its base as it is.
 */
function baseMustDefine(role: FileRole, partial: string[], model: FileModel): string[] {
  if (partial.length > 0) return partial
  if (role === 'override') return []
  return [...model.services.keys()]
}

const siblingCache = new WeakMap<Workspace, Map<string, string | null>>()

function findSibling(
  workspace: Workspace,
  dir: string,
  names: readonly string[],
  prefer: string
): ComposeDoc | undefined {
  let cache = siblingCache.get(workspace)
  if (!cache) {
    cache = new Map()
    siblingCache.set(workspace, cache)
  }
  const key = `${dir}\u0000${names[0]}\u0000${prefer}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Re-read through loadFile so a changed text is noticed (it compares the text it gets).
    return hit === null ? undefined : (loadFile(workspace, hit) ?? undefined)
  }
  const found = searchSibling(workspace, dir, names, prefer)
  cache.set(key, found?.path ?? null)
  return found
}

function searchSibling(
  workspace: Workspace,
  dir: string,
  names: readonly string[],
  prefer: string
): ComposeDoc | undefined {
  const ordered = [
    ...names.filter((n) => n.startsWith(prefer)),
    ...names.filter((n) => !n.startsWith(prefer))
  ]
  for (const name of ordered) {
    const doc = loadFile(workspace, join(dir, name))
    if (doc) return doc
  }
  return undefined
}

const baseFilesCache = new WeakMap<Workspace, Map<string, string[]>>()

/** The base-named compose files in `dir` that can be read (cached per workspace). */
function baseFilesIn(workspace: Workspace, dir: string): string[] {
  let cache = baseFilesCache.get(workspace)
  if (!cache) {
    cache = new Map()
    baseFilesCache.set(workspace, cache)
  }
  let paths = cache.get(dir)
  if (!paths) {
    paths = BASE_NAMES.map((name) => join(dir, name)).filter((path) => {
      try {
        return workspace.readFile(path) !== undefined
      } catch {
        return false
      }
    })
    cache.set(dir, paths)
  }
  return paths
}

/**
 * Can this text have a top-level `include:`? The key's letters are in the text, unless a double
 * quoted key spells them with `\x`, `\u` or `\U` escapes or splits the word with an escaped line
 * break (YAML's other escapes make no letters). A file that cannot is not parsed to find out: a
 * file three folders below a large compose file no longer costs a parse of it.
 */
const mayInclude = (text: string): boolean =>
  text.includes('include') || /\\(?:[xuU]|\s*$)/m.test(text)

/** A compose file up to three folders above that lists `path` under `include:`. */
function findIncluder(workspace: Workspace, path: string): ComposeDoc | undefined {
  let dir = dirname(path)
  for (let level = 0; level < 3; level++) {
    for (const base of baseFilesIn(workspace, dir)) {
      if (base === path) continue
      const doc = loadFile(workspace, base, mayInclude)
      if (doc && includeSet(fileModel(doc)).has(path)) return doc
    }
    if (dir === '') break
    dir = dirname(dir)
  }
  return undefined
}

const sharedProjects = new WeakMap<Workspace, WeakMap<ComposeDoc, Project>>()

function buildProject(doc: ComposeDoc, workspace: Workspace): Project {
  const includer = findIncluder(workspace, doc.path)
  if (!includer) return assemble(doc, doc, workspace)
  // Every file an includer pulls in belongs to the same project: build it once and share it, as
  // long as the copy of this file in it is this very text.
  let shared = sharedProjects.get(workspace)
  if (!shared) {
    shared = new WeakMap()
    sharedProjects.set(workspace, shared)
  }
  const cached = shared.get(includer)
  if (cached && cached.included.some((m) => sameFile(m.doc, doc))) return cached
  const project = assemble(includer, doc, workspace)
  shared.set(includer, project)
  return project
}

/** The project rooted at `rootDoc`, with `current` standing in for its own path wherever it is read. */
function assemble(rootDoc: ComposeDoc, current: ComposeDoc, workspace: Workspace): Project {
  const load = (path: string): ComposeDoc | undefined =>
    path === current.path ? current : loadFile(workspace, path)
  const rootModel = fileModel(rootDoc)
  const name = basename(rootDoc.path)
  const prefix = name.startsWith('docker-') ? 'docker-compose' : 'compose'
  const role = fileRole(rootModel)
  const partial = [...rootModel.services]
    .filter(([, e]) => isPartialService(e.value))
    .map(([n]) => n)
  const layers: FileModel[] = []
  let complete: boolean
  const baseNamed = BASE_NAMES.includes(name)
  const base =
    role === 'base' && partial.length === 0
      ? undefined
      : findBase(workspace, rootDoc, prefix, baseMustDefine(role, partial, rootModel))
  if (base) {
    const baseModel = fileModel(load(base.path) ?? base)
    layers.push(baseModel, rootModel)
    // A partial service the base does not define comes from yet another file (`-f a -f b -f c`).
    complete = partial.every((n) => baseModel.services.has(n))
  } else {
    layers.push(rootModel)
    if (baseNamed) {
      const override = findSibling(workspace, dirname(rootDoc.path), OVERRIDE_NAMES, prefix)
      if (override) layers.push(fileModel(load(override.path) ?? override))
    }
    // A base-named file is loaded on its own: what it lacks is really missing.
    complete = baseNamed || (partial.length === 0 && role !== 'override')
  }

  const services = new Map<string, ProjectService>()
  const resources = new Map<string, Map<string, Entry>>(
    RESOURCE_KINDS.map((k) => [k, new Map<string, Entry>()])
  )
  const addResources = (model: FileModel, merge: boolean): void => {
    if (!model.root) return
    for (const kind of RESOURCE_KINDS) {
      const section = get(model.root, kind)
      if (section?.kind !== 'map') continue
      const target = resources.get(kind)!
      for (const [key, entry] of section.entries) {
        if (merge || !target.has(key)) target.set(key, entry)
      }
    }
  }
  for (const layer of layers) {
    addResources(layer, true)
    for (const [svcName, entry] of layer.services) {
      const existing = services.get(svcName)
      if (!existing) {
        if (entry.value.kind === 'map')
          services.set(svcName, { name: svcName, layers: [entry], value: entry.value })
        continue
      }
      existing.layers.push(entry)
      const merged = mergeVal(existing.value, entry.value, ['services', svcName])
      // `name: !reset {}` in an override removes the service from the project.
      if (merged === undefined) services.delete(svcName)
      else if (merged.kind === 'map') existing.value = merged
    }
  }

  // include: each included file brings its own services and resources (no merging with ours).
  const included: FileModel[] = []
  const seen = new Set<string>(layers.map((l) => l.doc.path))
  const visit = (model: FileModel, depth: number): void => {
    if (depth > MAX_INCLUDE_DEPTH || !model.root) return
    for (const path of includePaths(model)) {
      if (seen.has(path)) continue
      seen.add(path)
      const incDoc = load(path)
      if (!incDoc) continue
      const inc = fileModel(incDoc)
      included.push(inc)
      addResources(inc, false)
      for (const [svcName, entry] of inc.services) {
        if (!services.has(svcName) && entry.value.kind === 'map')
          services.set(svcName, { name: svcName, layers: [entry], value: entry.value })
      }
      visit(inc, depth + 1)
    }
  }
  for (const layer of layers) visit(layer, 0)

  resolveExtends(services, workspace)
  const elsewhere = { services: new Set<string>(), resources: new Set<string>() }
  if (role !== 'base' || partial.length > 0) {
    const dir = dirname(rootDoc.path)
    const taken = new Set([...layers, ...included].map((m) => m.doc.path))
    const others: ComposeDoc[] = []
    for (const entry of workspace.listDir(dir) ?? []) {
      const path = join(dir, entry)
      if (taken.has(path) || !(VARIANT.test(entry) || BASE_NAMES.includes(entry))) continue
      const other = load(path)
      if (other) others.push(other)
    }
    // A variant stacked on a base it shares no service with (`-f compose.yaml -f extra.yaml`).
    const loose = base ? undefined : findBase(workspace, rootDoc, prefix, [])
    if (loose && !taken.has(loose.path)) others.push(loose)
    for (const other of others) {
      const model = fileModel(other)
      for (const n of model.services.keys()) elsewhere.services.add(n)
      for (const kind of RESOURCE_KINDS) {
        const section = get(model.root, kind)
        if (section?.kind === 'map')
          for (const k of section.entries.keys()) elsewhere.resources.add(`${kind}:${k}`)
      }
    }
  }
  return { layers, included, services, resources, complete, elsewhere }
}

const includeCache = new WeakMap<FileModel, string[]>()
const includeSets = new WeakMap<FileModel, Set<string>>()

function includeSet(model: FileModel): Set<string> {
  let set = includeSets.get(model)
  if (!set) {
    set = new Set(includePaths(model))
    includeSets.set(model, set)
  }
  return set
}

/**
 * Two services of a project that no file defines together, where one of the files is `include:`d
 * or a variant (`compose.prod.yaml`): such files are often alternatives that are never started
 * together (a menu of mail catchers, a light and a full deployment), so a clash between the two
 * services is uncertain.
 */
export function mayBeAlternatives(project: Project, a: ProjectService, b: ProjectService): boolean {
  const docsA = a.layers.map((e) => e.doc)
  const docsB = b.layers.map((e) => e.doc)
  if (docsA.some((x) => docsB.some((y) => sameFile(x, y)))) return false
  const loose = (doc: ComposeDoc): boolean =>
    project.included.some((m) => sameFile(m.doc, doc)) ||
    project.layers.some((m) => sameFile(m.doc, doc) && fileRole(m) === 'variant')
  return [...docsA, ...docsB].some(loose)
}

/** Services with a definition in the file being linted (the only ones that can hold its findings). */
export function ownServices(project: Project, doc: ComposeDoc): ProjectService[] {
  return [...project.services.values()].filter((s) => s.layers.some((l) => sameFile(l.doc, doc)))
}

/** Paths of the `include:` entries of a file (short and long syntax), relative to its folder. */
export function includePaths(model: FileModel): string[] {
  let paths = includeCache.get(model)
  if (!paths) {
    paths = computeIncludePaths(model)
    includeCache.set(model, paths)
  }
  return paths
}

function computeIncludePaths(model: FileModel): string[] {
  const section = get(model.root, 'include')
  if (section?.kind !== 'seq') return []
  const dir = dirname(model.doc.path)
  const out: string[] = []
  for (const item of section.items) {
    const paths = item.kind === 'map' ? get(item, 'path') : item
    const list = paths?.kind === 'seq' ? paths.items : paths ? [paths] : []
    for (const p of list) {
      const text = str(p)
      if (text && !text.includes('$')) out.push(join(dir, text))
    }
  }
  return out
}

/**
 * Apply `extends:` (same file or another file), innermost first; cycles are left alone. Each chain
 * is walked with a loop, not recursion: a chain of 100,000 services is resolved in linear time.
 */
function resolveExtends(services: Map<string, ProjectService>, workspace: Workspace): void {
  const done = new Set<string>()
  const apply = (svc: ProjectService): void => {
    const ext = get(svc.value, 'extends')
    const target = extendsTarget(ext)
    if (!target) return
    let base: MapVal | undefined
    if (target.file) {
      const owner = ext!.doc
      base = externalService(workspace, join(dirname(owner.path), target.file), target.service)
    } else {
      const other = services.get(target.service)
      if (other && other !== svc) base = other.value
    }
    if (!base) return
    // Resolved all the way: the merged service no longer extends anything (as Compose loads
    // it). A chain that ends in a file outside the workspace keeps its `extends`.
    const merged = mergeVal(withoutKeys(base, ['extends']), svc.value, ['services', svc.name])
    if (merged?.kind === 'map')
      svc.value = get(base, 'extends') ? merged : withoutKeys(merged, ['extends'])
  }
  for (const start of services.values()) {
    // Down the chain to a service already resolved, one in another file, or one seen on this
    // walk (a cycle: its service is merged as it stands); then resolve back up.
    const chain: ProjectService[] = []
    const onChain = new Set<string>()
    let svc: ProjectService | undefined = start
    while (svc && !done.has(svc.name) && !onChain.has(svc.name)) {
      chain.push(svc)
      onChain.add(svc.name)
      const target = extendsTarget(get(svc.value, 'extends'))
      if (!target || target.file) break
      const other = services.get(target.service)
      svc = other !== svc ? other : undefined
    }
    for (let k = chain.length - 1; k >= 0; k--) {
      apply(chain[k])
      done.add(chain[k].name)
    }
  }
}

export function extendsTarget(
  ext: Val | undefined
): { service: string; file?: string } | undefined {
  if (!ext) return undefined
  if (ext.kind === 'scalar') {
    const service = str(ext)
    return service ? { service } : undefined
  }
  const service = str(get(ext, 'service'))
  if (!service) return undefined
  const file = str(get(ext, 'file'))
  return file ? { service, file } : { service }
}

function externalService(
  workspace: Workspace,
  path: string,
  service: string,
  depth = 0
): MapVal | undefined {
  const doc = loadFile(workspace, path)
  if (!doc) return undefined
  const entry = fileModel(doc).services.get(service)
  if (entry?.value.kind !== 'map') return undefined
  const target = extendsTarget(get(entry.value, 'extends'))
  if (!target || depth > MAX_INCLUDE_DEPTH) return entry.value
  const base = target.file
    ? externalService(workspace, join(dirname(path), target.file), target.service, depth + 1)
    : target.service !== service
      ? externalService(workspace, path, target.service, depth + 1)
      : undefined
  if (!base) return entry.value
  const merged = mergeVal(withoutKeys(base, ['extends']), entry.value, ['services', service])
  return merged?.kind === 'map' ? merged : entry.value
}

function withoutKeys(map: MapVal, keys: string[]): MapVal {
  if (!keys.some((k) => map.entries.has(k))) return map
  const entries = new Map(map.entries)
  for (const k of keys) entries.delete(k)
  return { ...map, entries }
}

// ---------------------------------------------------------------------------------------------
// Compose's merge rules (compose-go `override`): maps merge key by key, most sequences append
// (keyed lists de-duplicate on their unique key), a few keys replace, `!reset` removes a value and
// `!override` replaces it wholesale.

/** Keys whose value replaces the base value instead of merging with it. */
const REPLACE = new Set(['command', 'entrypoint', 'test'])
/** Lists that Compose de-duplicates on a unique key while appending. */
const KEYED_LISTS: Record<string, (item: Val) => string | undefined> = {
  ports: (item) => portIdentity(item),
  volumes: (item) => mountTarget(item),
  secrets: (item) => (item.kind === 'map' ? str(get(item, 'source')) : str(item)),
  configs: (item) => (item.kind === 'map' ? str(get(item, 'source')) : str(item)),
  expose: (item) => str(item),
  dns: (item) => str(item),
  cap_add: (item) => str(item),
  cap_drop: (item) => str(item),
  profiles: (item) => str(item)
}
/** Lists that are maps in disguise (`- KEY=value` / `- name`): merged by name. */
const NAMED_LISTS = new Set(['depends_on', 'networks', 'environment', 'labels', 'annotations'])

/** Compose de-duplicates ports on host IP + target + published + protocol. */
function portIdentity(item: Val): string | undefined {
  let spec
  if (item.kind === 'map') {
    spec = parseLongPort({
      target: str(get(item, 'target')),
      published: str(get(item, 'published')),
      host_ip: str(get(item, 'host_ip')),
      protocol: str(get(item, 'protocol'))
    })
  } else {
    const text = str(item)
    if (text === undefined) return undefined
    spec = parseShortPort(text)
  }
  const r = (p: { start: number; end: number } | null | undefined): string =>
    p ? `${p.start}-${p.end}` : String(p)
  return `${spec.hostIp}|${r(spec.target)}|${r(spec.published)}|${spec.protocol}`
}

function mountTarget(item: Val): string | undefined {
  if (item.kind === 'map') return str(get(item, 'target'))
  const text = str(item)
  if (!text) return undefined
  const parts = text.split(':')
  return parts.length >= 2 ? parts[1] : parts[0]
}

export function mergeVal(base: Val | undefined, over: Val, path: string[]): Val | undefined {
  if (over.tag === '!reset') return undefined
  if (over.tag === '!override' || !base) return over
  const key = path[path.length - 1]
  if (REPLACE.has(key) && path.length >= 3) return over
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path)
  if (NAMED_LISTS.has(key) && (base.kind !== 'scalar' || over.kind !== 'scalar')) {
    const b = asNamedMap(base, key)
    const o = asNamedMap(over, key)
    if (b && o) return mergeMaps(b, o, path)
  }
  if (base.kind === 'seq' && over.kind === 'seq') return mergeSeqs(base, over, key)
  return over
}

function mergeMaps(base: MapVal, over: MapVal, path: string[]): MapVal {
  const entries = new Map(base.entries)
  for (const [k, e] of over.entries) {
    const prev = entries.get(k)
    const value = mergeVal(prev?.value, e.value, [...path, k])
    if (value === undefined) entries.delete(k)
    else entries.set(k, value === e.value ? e : { ...e, value })
  }
  return { ...base, entries }
}

function mergeSeqs(base: SeqVal, over: SeqVal, key: string): SeqVal {
  const keyOf = KEYED_LISTS[key]
  if (!keyOf) return { ...base, items: [...base.items, ...over.items] }
  const items: Val[] = []
  const index = new Map<string, number>()
  for (const item of [...base.items, ...over.items]) {
    const k = keyOf(item)
    if (k === undefined) {
      items.push(item)
      continue
    }
    const at = index.get(k)
    if (at === undefined) {
      index.set(k, items.length)
      items.push(item)
    } else items[at] = item
  }
  return { ...base, items }
}

/** `[a, b]` / `["K=v"]` → a map value keyed by name (values: the item itself, or its map). */
function asNamedMap(val: Val, key: string): MapVal | undefined {
  if (val.kind === 'map') return val
  if (val.kind !== 'seq') return undefined
  const entries = new Map<string, Entry>()
  for (const item of val.items) {
    const text = str(item)
    if (text === undefined) continue
    const name =
      key === 'environment' || key === 'labels' || key === 'annotations' ? text.split('=')[0] : text
    entries.set(name, { key: name, keyNode: item.node, doc: item.doc, value: item, merged: false })
  }
  return { kind: 'map', doc: val.doc, node: val.node, entries }
}
