import { dirname, join } from '../core/paths.js'
import type { Workspace } from '../core/types.js'
import type { DockerfileDoc, Stage } from './model.js'
import { parseDockerfile } from './model.js'
import { finalInstructions, lineage } from './stages.js'
import { imageDistro, stageDistro, type Distro } from './distro.js'
import { localStageDistro } from './local-images.js'
import { yamlDocument } from '../parse/yaml-tokens.js'

/**
 * Parents in the same repository: the Dockerfile a stage's base image is built from, when the
 * workspace says so definitively. A compose file in the Dockerfile's folder or one above it that
 * builds a service and names its `image:` (`build: ./base` + `image: acme/base:1`) makes
 * `FROM acme/base:1` that Dockerfile's image; so does a target of a `docker-bake.json` there
 * (`tags`, `context`, `dockerfile`). Nothing else is guessed: image names with variables, names
 * built by more than one Dockerfile, the file itself, and HCL bake files (`docker-bake.hcl`, no
 * parser here) give no parent. The workspace is read-only and may be partial (the action's holds
 * only the files it fetched): a file it cannot show is no parent.
 */

export interface LocalParent {
  /** Workspace path of the parent Dockerfile. */
  path: string
  doc: DockerfileDoc
  /** The compose or bake file that names the image. */
  via: string
}

const COMPOSE_FILE = /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i
const BAKE_JSON = /^docker-bake(\.[\w-]+)?\.json$/i
/** How far parents are followed (a parent of a parent …). */
const MAX_DEPTH = 4

/** `docker.io/library/node` → `node`, a missing tag → `:latest`, digests dropped. */
export function normalizeImage(ref: string): string | undefined {
  let r = ref.trim().toLowerCase()
  if (r === '' || r.includes('$') || /\s/.test(r)) return undefined
  const at = r.indexOf('@')
  if (at !== -1) r = r.slice(0, at)
  r = r
    .replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '')
    .replace(/^library\//, '')
  const slash = r.lastIndexOf('/')
  return r.lastIndexOf(':') > slash ? r : `${r}:latest`
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v)

/** image → Dockerfile paths declared by one compose file. */
function composeImages(path: string, text: string, out: Map<string, Set<string>>): void {
  let data: unknown
  try {
    data = yamlDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 })
  } catch {
    return
  }
  if (!isObj(data) || !isObj(data.services)) return
  for (const service of Object.values(data.services)) {
    if (!isObj(service) || typeof service.image !== 'string') continue
    const build = typeof service.build === 'string' ? { context: service.build } : service.build
    if (!isObj(build) || typeof build.dockerfile_inline === 'string') continue
    const context = typeof build.context === 'string' ? build.context : '.'
    const dockerfile = typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile'
    if (/^[a-z][a-z0-9+.-]*:/i.test(context) || [context, dockerfile].some((p) => p.includes('$')))
      continue
    add(out, service.image, join(join(dirname(path), context), dockerfile))
  }
}

/** image → Dockerfile paths declared by the targets of one `docker-bake.json`. */
function bakeImages(path: string, text: string, out: Map<string, Set<string>>): void {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return
  }
  if (!isObj(data) || !isObj(data.target)) return
  for (const target of Object.values(data.target)) {
    if (!isObj(target) || !Array.isArray(target.tags)) continue
    const context = typeof target.context === 'string' ? target.context : '.'
    const dockerfile = typeof target.dockerfile === 'string' ? target.dockerfile : 'Dockerfile'
    if (/^[a-z][a-z0-9+.-]*:/i.test(context) || [context, dockerfile].some((p) => p.includes('$')))
      continue
    for (const tag of target.tags) {
      if (typeof tag === 'string') add(out, tag, join(join(dirname(path), context), dockerfile))
    }
  }
}

function add(out: Map<string, Set<string>>, image: string, dockerfile: string): void {
  const name = normalizeImage(image)
  if (!name || dockerfile.startsWith('/') || dockerfile.startsWith('..')) return
  const set = out.get(name) ?? new Set()
  set.add(dockerfile)
  out.set(name, set)
}

interface Cache {
  /** folder → image → Dockerfile paths, from the compose and bake files of that folder. */
  folders: Map<string, Map<string, Set<string>>>
  docs: Map<string, DockerfileDoc | undefined>
}

const caches = new WeakMap<Workspace, Cache>()

function cacheOf(workspace: Workspace): Cache {
  let cache = caches.get(workspace)
  if (!cache) caches.set(workspace, (cache = { folders: new Map(), docs: new Map() }))
  return cache
}

/** Images named by the compose and bake files of one folder. */
function folderImages(workspace: Workspace, folder: string): Map<string, Set<string>> {
  const cache = cacheOf(workspace)
  let images = cache.folders.get(folder)
  if (images) return images
  images = new Map()
  for (const name of workspace.listDir(folder) ?? []) {
    const compose = COMPOSE_FILE.test(name)
    if (!compose && !BAKE_JSON.test(name)) continue
    const path = folder === '' ? name : `${folder}/${name}`
    const text = workspace.readFile(path)
    if (text === undefined) continue
    if (compose) composeImages(path, text, images)
    else bakeImages(path, text, images)
  }
  cache.folders.set(folder, images)
  return images
}

/** The folder of `path` and every folder above it, nearest first (`''` is the root). */
function foldersUp(path: string): string[] {
  const out: string[] = []
  let dir = dirname(path)
  for (;;) {
    out.push(dir)
    if (dir === '') return out
    dir = dirname(dir)
  }
}

function readDockerfile(workspace: Workspace, path: string): DockerfileDoc | undefined {
  const cache = cacheOf(workspace)
  if (cache.docs.has(path)) return cache.docs.get(path)
  const text = workspace.readFile(path)
  let doc: DockerfileDoc | undefined
  try {
    doc = text === undefined ? undefined : parseDockerfile(path, text)
  } catch {
    doc = undefined
  }
  cache.docs.set(path, doc)
  return doc
}

/**
 * The Dockerfile in the workspace that builds the base image of `stage`'s lineage, or undefined.
 * The nearest folder naming the image decides; a name it maps to two Dockerfiles is no answer.
 */
export function localParent(
  doc: DockerfileDoc,
  stage: Stage | undefined,
  workspace: Workspace | undefined
): LocalParent | undefined {
  if (!workspace || !stage) return undefined
  let root = stage
  while (root.parent) root = root.parent
  if (root.image.unresolved) return undefined
  const name = normalizeImage(root.image.expanded)
  if (!name || name === 'scratch:latest') return undefined
  for (const folder of foldersUp(doc.path)) {
    const paths = folderImages(workspace, folder).get(name)
    if (!paths) continue
    if (paths.size !== 1) return undefined
    const [path] = paths
    if (path === doc.path) return undefined
    const parent = readDockerfile(workspace, path)
    return parent && parent.stages.length > 0 ? { path, doc: parent, via: folder } : undefined
  }
  return undefined
}

/**
 * The chain of local parents of a Dockerfile's final image, nearest first: the parent's final
 * stage, its own parent's, … (at most MAX_DEPTH, never a file twice).
 */
export function localAncestry(
  doc: DockerfileDoc,
  stage: Stage | undefined,
  workspace: Workspace | undefined
): LocalParent[] {
  const out: LocalParent[] = []
  const seen = new Set([doc.path])
  let current = localParent(doc, stage, workspace)
  while (current && out.length < MAX_DEPTH && !seen.has(current.path)) {
    out.push(current)
    seen.add(current.path)
    const last = current.doc.stages[current.doc.stages.length - 1]
    current = localParent(current.doc, last, workspace)
  }
  return out
}

/** What a Dockerfile's final image inherits from its parents in the workspace. */
export interface Inherited {
  /** The parents, nearest first (empty: none found). */
  parents: LocalParent[]
  /** The last `USER` of the nearest parent that sets one (its value as written). */
  user: string | undefined
  /** The nearest parent's `HEALTHCHECK`: `none` for `HEALTHCHECK NONE`, else `cmd`. */
  healthcheck: 'cmd' | 'none' | undefined
  /** The image the farthest parent starts from (for distro questions), undefined when unknown. */
  baseImage: string | undefined
}

/** The USER, HEALTHCHECK and base image `stage`'s lineage inherits from local parents. */
export function inherited(
  doc: DockerfileDoc,
  stage: Stage | undefined,
  workspace: Workspace | undefined
): Inherited {
  const parents = localAncestry(doc, stage, workspace)
  const out: Inherited = { parents, user: undefined, healthcheck: undefined, baseImage: undefined }
  for (const p of parents) {
    const insts = finalInstructions(p.doc).map((i) => i.trigger ?? i)
    const user = insts.filter((i) => i.keyword === 'USER').pop()
    out.user ??= user?.args[0]?.value
    const health = insts.filter((i) => i.keyword === 'HEALTHCHECK').pop()
    out.healthcheck ??= health
      ? health.args[0]?.value.toUpperCase() === 'NONE'
        ? 'none'
        : 'cmd'
      : undefined
  }
  const far = parents[parents.length - 1]
  const root = far ? lineage(far.doc.stages[far.doc.stages.length - 1]).pop() : undefined
  if (root && !root.image.unresolved) out.baseImage = root.image.expanded
  return out
}

/**
 * What `stage`'s base image is made of (see distro.ts), through local parents when its own image
 * name does not tell (`FROM acme/base` that a compose file of the repository builds from Alpine).
 */
export function stageDistroIn(
  doc: DockerfileDoc,
  stage: Stage | undefined,
  workspace: Workspace | undefined
): Distro {
  const own = stageDistro(stage)
  if (own.family !== 'unknown' || !workspace) return own
  const base = inherited(doc, stage, workspace).baseImage
  // Declared builds first (compose, bake); then the looser local-image reading (a folder or a
  // sibling Dockerfile's stage of that name), which only ever answers a distro question.
  return base ? imageDistro(base) : localStageDistro(stage, doc.path, workspace)
}
