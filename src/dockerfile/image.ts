import { unquote } from '../parse/dockerfile.js'
import { splitImageRef, type ImageRef } from '../parse/image.js'
import { expandVariables } from './variables.js'

/** A Dockerfile image reference: BuildKit expands variables and removes quotes anywhere in it (`img:"${TAG}"`). */
export function parseImageRef(raw: string, vars: Map<string, string | null>): ImageRef {
  const expansion = expandVariables(raw, vars)
  const expanded = unquote(expansion.value)
  return { raw, expanded, unresolved: expansion.unresolved, ...splitImageRef(expanded, false) }
}
