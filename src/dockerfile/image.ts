import { unquote } from '../parse/dockerfile.js'
import { expandVariables } from './variables.js'

export interface ImageRef {
  /** As written, e.g. `${BASE}` or `docker.io/library/python:3.12@sha256:…`. */
  raw: string
  /** With ARG defaults substituted (global ARGs before the first FROM). */
  expanded: string
  /** True when `expanded` still holds a variable that has no default. */
  unresolved: boolean
  registry: string | undefined
  /** Repository path without registry, tag and digest (`library/python` keeps its slash). */
  name: string
  tag: string | undefined
  digest: string | undefined
}

export function parseImageRef(raw: string, vars: Map<string, string | null>): ImageRef {
  // BuildKit expands variables and removes quotes anywhere in the word (`img:"${TAG}"`).
  const expansion = expandVariables(raw, vars)
  const expanded = unquote(expansion.value)
  const unresolved = expansion.unresolved
  let rest = expanded
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  let registry: string | undefined
  const slash = rest.indexOf('/')
  if (slash !== -1) {
    const first = rest.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first
      rest = rest.slice(slash + 1)
    }
  }
  return { raw, expanded, unresolved, registry, name: rest, tag, digest }
}
