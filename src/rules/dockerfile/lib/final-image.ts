import type { DockerfileDoc, ImageRef, Instruction, Stage } from '../../../parse/dockerfile.js'
import { lineage } from './commands.js'

/**
 * What ends up in the image a Dockerfile builds: the last stage and the stages it is built
 * `FROM`, the base image they start from, and which files are development environments (dev
 * containers, `Dockerfile.dev`) where image-hygiene rules do not apply.
 */

/** The last stage and its `FROM <alias>` ancestors, last stage first; empty without FROM. */
export function finalChain(doc: DockerfileDoc): Stage[] {
  return lineage(doc.stages[doc.stages.length - 1])
}

/** Top-level instructions of the final image's stages, in file order. */
export function finalInstructions(doc: DockerfileDoc): Instruction[] {
  return finalChain(doc)
    .reverse()
    .flatMap((s) => s.instructions)
}

/** The image the final chain starts from (undefined when the file has no FROM). */
export function baseImage(doc: DockerfileDoc): ImageRef | undefined {
  const chain = finalChain(doc)
  return chain[chain.length - 1]?.image
}

/**
 * Development environments: `.devcontainer/`, `Dockerfile.dev`, `dev.Dockerfile`,
 * `Dockerfile.development`, … They keep compilers, run as root and have no health check by design.
 */
function isDevelopmentFile(path: string): boolean {
  const p = path.replace(/\\/g, '/').toLowerCase()
  if (/(^|\/)\.devcontainer\//.test(p)) return true
  const name = p.split('/').pop() ?? ''
  return /(^|[.-])(dev|devel|develop|development|devcontainer)([.-]|$)/.test(name)
}

/**
 * A development image: a development file (above), or a final stage named for development
 * (`AS dev`, `AS devcontainer`, `AS development`).
 */
export function isDevelopmentImage(doc: DockerfileDoc): boolean {
  const last = doc.stages[doc.stages.length - 1]
  return (
    isDevelopmentFile(doc.path) ||
    /^(dev|devel|develop|development|devcontainer)$/.test(last?.name ?? '')
  )
}

/** Windows base images (servercore, nanoserver, windows). */
export function isWindowsImage(image: ImageRef): boolean {
  return /(^|\/)(windows|windowsservercore|nanoserver|servercore)(\/|$)|windows|nanoserver|servercore|ltsc\d{4}/i.test(
    `${image.name}:${image.tag ?? ''}`
  )
}

/** Repository name without registry and `library/` (`docker.io/library/python` → `python`). */
export function shortName(image: ImageRef): string {
  return image.name.replace(/^library\//, '').toLowerCase()
}
