import { isMap, isScalar, parseDocument, Scalar } from 'yaml'
import { HADOLINT_CONFIG_FILES, OWN_CONFIG_FILES } from '../config/config.js'
import type { Fetched } from '../core/ports.js'
import type { FileKind, Finding, Position, Workspace } from '../core/types.js'

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

/** A `build.dockerfile_inline` block of a compose file, and where its lines stand in the file. */
export interface InlineDockerfile {
  text: string
  /** 1-based line of the compose file holding the block's first line. */
  firstLine: number
  /** Columns of indentation before each of its lines. */
  indent: number
}

/**
 * The `dockerfile_inline` values of a compose file written as literal blocks (`|`, `|-`, `|+`):
 * their text is the file's lines less a fixed indentation, so a finding's position maps back
 * exactly. Other forms (quoted, folded, an explicit indentation indicator) are left out.
 */
export function inlineDockerfiles(text: string): InlineDockerfile[] {
  const out: InlineDockerfile[] = []
  let doc
  try {
    doc = parseDocument(text, { uniqueKeys: false })
  } catch {
    return out
  }
  const services = doc.get('services', true)
  if (!isMap(services)) return out
  const lineStarts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  for (const pair of services.items) {
    const build = isMap(pair.value) ? pair.value.get('build', true) : undefined
    const node = isMap(build) ? build.get('dockerfile_inline', true) : undefined
    if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || !node.range) continue
    if (typeof node.value !== 'string') continue
    const header = lineOf(node.range[0])
    const headerText = text.slice(lineStarts[header], lineStarts[header + 1] ?? text.length)
    if (/\|[+-]?\d/.test(headerText)) continue
    const first = header + 1
    const lines = text.slice(lineStarts[first] ?? text.length, node.range[1]).split('\n')
    const firstLine = lines.find((l) => l.trim() !== '')
    if (firstLine === undefined) continue
    const indent = firstLine.length - firstLine.trimStart().length
    const body = lines.map((l) => l.replace(/\r$/, '').slice(indent)).join('\n')
    if (body.replace(/\n+$/, '') !== node.value.replace(/\n+$/, '')) continue
    out.push({ text: node.value, firstLine: first + 1, indent })
  }
  return out
}

/** A finding of an inline Dockerfile, placed on the compose file's lines (fixes are not carried). */
export function placeInline(finding: Finding, block: InlineDockerfile): Finding {
  const place = (p: Position): Position => ({
    line: block.firstLine + p.line - 1,
    column: p.column + block.indent
  })
  const { fix: _fix, ...rest } = finding
  return {
    ...rest,
    message: `${finding.message} (in \`dockerfile_inline\`)`,
    range: { start: place(finding.range.start), end: place(finding.range.end) }
  }
}
