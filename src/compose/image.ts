import { splitImageRef, type ImageRef } from '../parse/image.js'
import { hasVariable } from './interpolation.js'

/** A compose `image:` as written (variables are not substituted). */
export function parseImage(raw: string): ImageRef {
  const text = raw.trim()
  return { raw: text, expanded: text, unresolved: hasVariable(text), ...splitImageRef(text, true) }
}

/** Registry and path (`registry:5000/team/app`): everything before the tag and digest. */
export function repository(ref: ImageRef): string {
  return ref.registry === undefined ? ref.name : `${ref.registry}/${ref.name}`
}

/** Last path component, lower case (`postgres` for `docker.io/library/postgres`). */
export function repoName(ref: ImageRef): string {
  return ref.name.slice(ref.name.lastIndexOf('/') + 1).toLowerCase()
}

/** The tag (or the whole reference) comes from a variable: the tag is not statically known. */
export function tagUnknown(ref: ImageRef): boolean {
  return (
    (ref.tag !== undefined && hasVariable(ref.tag)) ||
    hasVariable(ref.name.slice(ref.name.lastIndexOf('/') + 1)) ||
    (ref.digest !== undefined && hasVariable(ref.digest))
  )
}
