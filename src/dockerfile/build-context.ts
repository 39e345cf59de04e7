import ignore, { type Ignore } from 'ignore'
import { cleanPath, dirOf, joinPath } from '../core/paths.js'
import type { Workspace } from '../core/types.js'
import type { Token } from '../parse/dockerfile.js'
import type { DockerfileDoc, Instruction } from './model.js'
import { yamlValue } from '../parse/yaml-tokens.js'

/**
 * The build context of a Dockerfile, read through the injected workspace: the `build.context` of a
 * compose service that builds this Dockerfile, else the Dockerfile's folder; its `.dockerignore` (or BuildKit's `<Dockerfile>.dockerignore` beside it) with Docker's matching
 * rules, and the local sources of COPY/ADD.
 */

export interface DockerIgnore {
  /** Path of the ignore file, relative to the workspace root. */
  path: string
  /** Is a context-relative path (`src/app.py`) excluded from the context? */
  excludes(path: string): boolean
}

interface Pattern {
  matcher: Ignore
  exclusion: boolean
}

/**
 * Parse `.dockerignore` text. Docker's semantics: every pattern is relative to the context root,
 * patterns are tried in order and the last one that matches a path (or one of its parent folders)
 * decides, so `!` exceptions can re-include files inside an excluded folder.
 */
export function parseDockerignore(path: string, text: string): DockerIgnore {
  const patterns: Pattern[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const exclusion = line.startsWith('!')
    if (exclusion) line = line.slice(1).trim()
    const cleaned = cleanPath(line)
    if (cleaned === '.') continue
    try {
      patterns.push({ matcher: ignore().add(`/${cleaned}`), exclusion })
    } catch {
      // A pattern `ignore` cannot read: Docker would reject the file; we skip the line.
    }
  }
  return {
    path,
    excludes(file) {
      const clean = cleanPath(file)
      if (clean === '.') return false
      let matched = false
      for (const p of patterns) {
        if (p.exclusion !== matched) continue
        if (p.matcher.ignores(clean)) matched = !p.exclusion
      }
      return matched
    }
  }
}

const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']

export interface BuildContext {
  /** The context folder, as a workspace path (`.` is the root). */
  dir: string
  /** Where the folder came from: a compose service's `build.context`, or the Dockerfile's folder. */
  from: 'compose' | 'dockerfile'
}

const contextCache = new WeakMap<Workspace, Map<string, BuildContext>>()

/**
 * The build context of the Dockerfile at `path`: the `build.context` of a compose service (in a
 * compose file in the Dockerfile's folder or any folder above) whose `build.dockerfile` is this
 * file, else the Dockerfile's own folder.
 */
export function buildContextOf(path: string, ws: Workspace): BuildContext {
  let byPath = contextCache.get(ws)
  if (!byPath) contextCache.set(ws, (byPath = new Map()))
  const cached = byPath.get(path)
  if (cached) return cached
  const target = cleanPath(path)
  let found: BuildContext = { dir: dirOf(path), from: 'dockerfile' }
  search: for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    for (const name of COMPOSE_FILES) {
      const context = composeContextFor(ws, dir, name, target)
      if (context !== undefined) {
        found = { dir: context, from: 'compose' }
        break search
      }
    }
    if (dir === '.' || dir === '/' || dir === '') break
  }
  byPath.set(path, found)
  return found
}

/** The context of a service in `dir/name` that builds `target`, if any. */
function composeContextFor(
  ws: Workspace,
  dir: string,
  name: string,
  target: string
): string | undefined {
  return composeBuilds(ws, dir, name)?.find((b) => b.dockerfile === target)?.context
}

/** What the services of a compose file build: each context folder and Dockerfile, in order. */
interface ComposeBuild {
  context: string
  dockerfile: string
}

const buildsCache = new WeakMap<Workspace, Map<string, ComposeBuild[] | null>>()

/**
 * The builds of the compose file `dir/name` (null: none there, or not YAML), read once per
 * workspace: every Dockerfile below its folder asks, and parsing it for each one made YAML ~37 %
 * of what linting the corpus's Dockerfiles allocated, laid out with their compose files at their
 * original paths (1.2 GB of 3.2 GB).
 */
function composeBuilds(ws: Workspace, dir: string, name: string): ComposeBuild[] | null {
  let byPath = buildsCache.get(ws)
  if (!byPath) buildsCache.set(ws, (byPath = new Map()))
  const path = joinPath(dir, name)
  const cached = byPath.get(path)
  if (cached !== undefined) return cached
  const builds = readComposeBuilds(ws, dir, path)
  byPath.set(path, builds)
  return builds
}

function readComposeBuilds(ws: Workspace, dir: string, path: string): ComposeBuild[] | null {
  const text = ws.readFile(path)
  if (text === undefined) return null
  let data: unknown
  try {
    data = yamlValue(text)
  } catch {
    return null
  }
  const services = (data as { services?: Record<string, { build?: unknown }> } | null)?.services
  if (!services || typeof services !== 'object') return null
  const builds: ComposeBuild[] = []
  for (const service of Object.values(services)) {
    const build = service?.build
    const context = typeof build === 'string' ? build : (build as { context?: unknown })?.context
    const dockerfile = (build as { dockerfile?: unknown } | undefined)?.dockerfile
    if (build === undefined || (context !== undefined && typeof context !== 'string')) continue
    if (typeof context === 'string' && /^[a-z]+:\/\/|^git@|\$/.test(context)) continue
    const contextDir = cleanPath(joinPath(dir, typeof context === 'string' ? context : '.'))
    const file = typeof dockerfile === 'string' ? dockerfile : 'Dockerfile'
    builds.push({
      context: contextDir,
      dockerfile: cleanPath(file.startsWith('/') ? file : joinPath(contextDir, file))
    })
  }
  return builds
}

const ignoreCache = new WeakMap<DockerfileDoc, DockerIgnore | null>()

/**
 * The ignore file that applies to the Dockerfile: `<Dockerfile>.dockerignore` next to it, else
 * `.dockerignore` at the context root. Null when none exists, undefined when the workspace cannot
 * tell (nothing is known about the folder).
 */
export function dockerignoreOf(doc: DockerfileDoc, ws: Workspace): DockerIgnore | null | undefined {
  const cached = ignoreCache.get(doc)
  if (cached !== undefined) return cached
  const dir = dirOf(doc.path)
  const context = buildContextOf(doc.path, ws).dir
  const name = doc.path.replace(/\\/g, '/').split('/').pop()!
  for (const candidate of [
    joinPath(dir, `${name}.dockerignore`),
    joinPath(context, '.dockerignore')
  ]) {
    const text = ws.readFile(candidate)
    if (text !== undefined) {
      const found = parseDockerignore(candidate, text)
      ignoreCache.set(doc, found)
      return found
    }
  }
  if (ws.listDir(context) === undefined) return undefined
  ignoreCache.set(doc, null)
  return null
}

/** COPY/ADD from the build context: not `--from`, not heredoc-only. */
export function copiesFromContext(inst: Instruction): boolean {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return false
  return !inst.flags.some((f) => f.name === 'from')
}

export interface Source {
  /** As written, quotes removed. */
  value: string
  /** Context-relative and cleaned (`./src/` → `src`). */
  path: string
  token: Token | undefined
}

/** Local sources of a COPY/ADD (URLs, heredoc names and variables excluded). */
export function localSources(inst: Instruction): Source[] {
  const values = inst.json ? inst.json.values : inst.args.map((a) => a.value)
  const tokens = inst.json ? inst.json.items : inst.args
  const out: Source[] = []
  for (let i = 0; i < values.length - 1; i++) {
    const value = values[i].replace(/^["']|["']$/g, '')
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^git@/.test(value)) continue
    if (value.startsWith('<<') || value.includes('$')) continue
    out.push({ value, path: cleanPath(value), token: tokens[i] })
  }
  return out
}

export interface ContextFile {
  /** Context-relative path. */
  path: string
  name: string
}

/**
 * Files of the context folder `dir`, breadth first, skipping folders `.dockerignore` excludes and
 * the usual bulky ones; bounded so a huge repository stays cheap.
 */
export function contextFiles(
  ws: Workspace,
  dir: string,
  ignored: DockerIgnore | null,
  limits = { depth: 4, entries: 5000 }
): ContextFile[] {
  const out: ContextFile[] = []
  let seen = 0
  let level: string[] = ['.']
  for (let depth = 0; depth <= limits.depth && level.length > 0; depth++) {
    const next: string[] = []
    for (const rel of level) {
      const names = ws.listDir(rel === '.' ? dir : joinPath(dir, rel))
      if (!names) continue
      for (const name of names) {
        if (++seen > limits.entries) return out
        const path = rel === '.' ? name : `${rel}/${name}`
        if (ignored?.excludes(path)) continue
        const isDir = ws.listDir(joinPath(dir, path)) !== undefined
        if (isDir) {
          if (!BULKY.has(name)) next.push(path)
        } else out.push({ path, name })
      }
    }
    level = next
  }
  return out
}

const BULKY = new Set(['.git', 'node_modules', 'vendor', '.venv', 'venv', '__pycache__', 'target'])
