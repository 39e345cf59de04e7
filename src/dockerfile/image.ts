import { unquote } from '../parse/dockerfile.js'
import { splitImageRef, type ImageRef } from '../parse/image.js'
import { expandVariables } from './variables.js'

/** A Dockerfile image reference: BuildKit expands variables and removes quotes anywhere in it (`img:"${TAG}"`). */
export function parseImageRef(raw: string, vars: Map<string, string | null>): ImageRef {
  const expansion = expandVariables(raw, vars)
  const expanded = unquote(expansion.value)
  return { raw, expanded, unresolved: expansion.unresolved, ...splitImageRef(expanded, false) }
}

/** CPU architectures (`arm64v8/alpine`, `busybox-linux-amd64`): digits that are no version. */
const ARCH =
  /(i386|amd64|arm32v\d|arm64v8|arm64|armv\d|ppc64le|s390x|mips64le|riscv64|x86_64|aarch64)/
/** Namespaces that name a distribution major (`ubi9/ubi-micro`, `rhel8/postgresql-13`). */
const DISTRO_MAJOR = /^(ubi|rhel|centos|el|ol|fedora|sles|rocky|alma)\d+$/
/** An image name ending in a version number, maybe with `-word` suffixes (`ubi9-minimal`). */
const VERSIONED = /^[a-z]+(?:[-_][a-z]+)*[-_]?\d+(?:\.\d+)*(?:-[a-z0-9]+)*$/

/**
 * Does the repository path pin a major version by its name (`redhat/ubi9-minimal`,
 * `ubi8/ubi-micro`, `rhel9/postgresql-15`, `python3`)? The image's own name ending in a version
 * number, or a namespace naming a distribution major; user namespaces with digits (`user16/app`)
 * and architectures (`busybox-linux-amd64`) are not.
 */
export function versionInName(name: string): boolean {
  const parts = name.toLowerCase().split('/')
  const last = parts.pop()!
  return (!ARCH.test(last) && VERSIONED.test(last)) || parts.some((p) => DISTRO_MAJOR.test(p))
}
