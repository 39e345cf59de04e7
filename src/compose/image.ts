import { hasVariable } from './interpolation.js'

/** An image reference as written in `image:` (`[registry/]path[:tag][@digest]`). */
export interface ImageRef {
  raw: string
  /** Everything before the tag/digest. */
  name: string
  /** Last path component of the name (`postgres` for `docker.io/library/postgres`), lower case. */
  repo: string
  tag?: string
  digest?: string
  /** The tag (or the whole reference) comes from a variable: the tag is not statically known. */
  tagUnknown: boolean
}

export function parseImage(raw: string): ImageRef {
  const text = raw.trim()
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  const slash = rest.lastIndexOf('/')
  let name = rest
  let tag: string | undefined
  // A `:` after the last `/` separates the tag; one before it belongs to a registry host:port.
  // Variables may hold colons (`${TAG:-1}`), so look for the tag colon outside `${…}`.
  const tagColon = tagSeparator(rest, slash)
  if (tagColon !== -1) {
    name = rest.slice(0, tagColon)
    tag = rest.slice(tagColon + 1)
  }
  const last = name.slice(name.lastIndexOf('/') + 1)
  const tagUnknown =
    (tag !== undefined && hasVariable(tag)) ||
    hasVariable(last) ||
    (digest !== undefined && hasVariable(digest))
  return { raw: text, name, repo: last.toLowerCase(), tag, digest, tagUnknown }
}

/** Index of the `:` that starts the tag, skipping colons inside `${…}`; -1 when there is none. */
function tagSeparator(text: string, lastSlash: number): number {
  let depth = 0
  let found = -1
  for (let i = lastSlash + 1; i < text.length; i++) {
    const c = text[i]
    if (c === '$' && text[i + 1] === '{') {
      depth++
      i++
    } else if (c === '}' && depth > 0) depth--
    else if (c === ':' && depth === 0) {
      found = i
      break
    }
  }
  return found
}
