/**
 * An image reference, `[registry/]path[:tag][@digest]`: one type and one split for Dockerfiles
 * (`FROM`, `COPY --from`) and compose files (`image:`). The models fill in what the text means:
 * src/dockerfile/image.ts substitutes ARG defaults first, src/compose/ reads it as written.
 */
export interface ImageRef {
  /** As written, e.g. `${BASE}` or `docker.io/library/python:3.12@sha256:…`. */
  raw: string
  /** What was split: for Dockerfiles with ARG defaults substituted and quotes removed. */
  expanded: string
  /** True when `expanded` still holds a variable without a known value. */
  unresolved: boolean
  /** A first path component that names a host (`ghcr.io`, `localhost`, `registry:5000`). */
  registry: string | undefined
  /** Repository path without registry, tag and digest (`library/python` keeps its slash). */
  name: string
  tag: string | undefined
  digest: string | undefined
}

/**
 * Split a reference at its digest (`@`), its tag (a `:` after the last `/`, see `tagSeparator`) and
 * its registry (a first component holding `.` or `:`, or `localhost`). `variables`: the text still
 * holds `${…}` references (compose files; a Dockerfile's is expanded first).
 */
export function splitImageRef(
  text: string,
  variables: boolean
): Pick<ImageRef, 'registry' | 'name' | 'tag' | 'digest'> {
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = tagSeparator(rest, rest.lastIndexOf('/'), variables)
  if (colon !== -1) {
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
  return { registry, name: rest, tag, digest }
}

/**
 * Index of the `:` that starts the tag (after the last `/`), -1 when there is none. Expanded text
 * (a Dockerfile's) splits at the last colon, as BuildKit does; text still holding `${…}` (a compose
 * file's) at the first colon outside them (`nginx:${TAG:-1.27}`).
 */
function tagSeparator(text: string, lastSlash: number, variables: boolean): number {
  if (!variables) {
    const colon = text.lastIndexOf(':')
    return colon > lastSlash ? colon : -1
  }
  let depth = 0
  for (let i = lastSlash + 1; i < text.length; i++) {
    const c = text[i]
    if (c === '$' && text[i + 1] === '{') {
      depth++
      i++
    } else if (c === '}' && depth > 0) depth--
    else if (c === ':' && depth === 0) return i
  }
  return -1
}
