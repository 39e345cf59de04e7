import { parseDocument } from 'yaml'
import { HADOLINT_CONFIG_FILES, OWN_CONFIG_FILES } from '../config/config.js'
import type { Fetched } from '../core/ports.js'
import type { FileKind, Workspace } from '../core/types.js'

/**
 * Which files a run must read besides the changed ones — `.dockerignore`s and build-context
 * listings for Dockerfiles, override partners, includes, `extends` files and build targets for
 * compose files, the configuration — and the Workspace that serves them to the rules. Pure.
 */

/** Repository-relative POSIX path of `rel` against folder `dir`; undefined if it leaves the repository. */
export function joinPath(dir: string, rel: string): string | undefined {
  if (rel === '' || rel.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.includes('\0')) {
    return rel === '' ? normalize(dir) : undefined
  }
  return normalize(dir === '' || dir === '.' ? rel : `${dir}/${rel}`)
}

function normalize(path: string): string | undefined {
  const out: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return undefined
      out.pop()
    } else out.push(part)
  }
  return out.join('/')
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

const OVERRIDE_PARTNERS: Record<string, string[]> = {
  'docker-compose': [
    'docker-compose.yml',
    'docker-compose.yaml',
    'docker-compose.override.yml',
    'docker-compose.override.yaml'
  ],
  compose: ['compose.yml', 'compose.yaml', 'compose.override.yml', 'compose.override.yaml']
}

/** The files read with a target: ignore files for a Dockerfile, the override pair for a compose file. */
export function companions(path: string, kind: FileKind): string[] {
  const dir = dirOf(path)
  const at = (name: string) => (dir === '' ? name : `${dir}/${name}`)
  if (kind === 'dockerfile') return [at('.dockerignore'), `${path}.dockerignore`]
  const base = baseOf(path)
    .replace(/\.override/, '')
    .replace(/\.ya?ml$/, '')
  return (OVERRIDE_PARTNERS[base] ?? []).map(at).filter((p) => p !== path)
}

/** Configuration files to read: the explicit one, or the usual names at the repository root. */
export function configPaths(explicit: string | undefined): string[] {
  return explicit ? [explicit] : [...OWN_CONFIG_FILES, ...HADOLINT_CONFIG_FILES]
}

export interface ComposeReferences {
  /** Files the compose file pulls in (`include`, `extends.file`). */
  files: string[]
  /** Build contexts (folders). */
  contexts: string[]
  /** Dockerfiles its services build. */
  dockerfiles: string[]
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v)
const strings = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.filter((x): x is string => typeof x === 'string')
      : []

/** What a compose file refers to, resolved against its folder. Never throws on bad YAML. */
export function composeReferences(path: string, text: string): ComposeReferences {
  const out: ComposeReferences = { files: [], contexts: [], dockerfiles: [] }
  let data: unknown
  try {
    data = parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: 100 })
  } catch {
    return out
  }
  if (!isObj(data)) return out
  const dir = dirOf(path)
  const add = (list: string[], rel: string, base = dir): void => {
    const resolved = joinPath(base, rel)
    if (resolved !== undefined && !list.includes(resolved)) list.push(resolved)
  }
  for (const entry of Array.isArray(data.include) ? data.include : strings(data.include)) {
    for (const p of isObj(entry) ? strings(entry.path) : strings(entry)) add(out.files, p)
  }
  const services = isObj(data.services) ? data.services : {}
  for (const service of Object.values(services)) {
    if (!isObj(service)) continue
    if (isObj(service.extends) && typeof service.extends.file === 'string') {
      add(out.files, service.extends.file)
    }
    const build = typeof service.build === 'string' ? { context: service.build } : service.build
    if (!isObj(build)) continue
    const context = typeof build.context === 'string' ? build.context : '.'
    const contextDir = joinPath(dir, context)
    if (contextDir === undefined) continue
    if (!out.contexts.includes(contextDir)) out.contexts.push(contextDir)
    if (typeof build.dockerfile_inline === 'string') continue
    add(
      out.dockerfiles,
      typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile',
      contextDir
    )
  }
  return out
}

/** A Workspace over what a run fetched: file texts and folder listings. */
export function fetchedWorkspace(fetched: Fetched): Workspace {
  const key = (p: string): string | undefined => joinPath('', p)
  return {
    readFile(path) {
      const k = key(path)
      const state = k === undefined ? undefined : fetched.files.get(k)
      return state?.kind === 'text' ? state.text : undefined
    },
    listDir(path) {
      const k = key(path)
      return k === undefined ? undefined : (fetched.dirs.get(k) ?? undefined)
    }
  }
}

/** Merge a second fetch into the first. */
export function mergeFetched(into: Fetched, more: Fetched): Fetched {
  for (const [k, v] of more.files) into.files.set(k, v)
  for (const [k, v] of more.dirs) into.dirs.set(k, v)
  return into
}
