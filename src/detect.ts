import picomatch from 'picomatch'
import type { FileKind } from './core/types.js'

/** File-name patterns (matched against the base name) that make a file a Dockerfile or a compose file. */
export const DOCKERFILE_PATTERNS = [
  'Dockerfile',
  'Dockerfile.*',
  '*.Dockerfile',
  '*.dockerfile',
  'Containerfile',
  'Containerfile.*'
]
export const COMPOSE_PATTERNS = [
  'docker-compose*.yml',
  'docker-compose*.yaml',
  'compose*.yml',
  'compose*.yaml'
]

export interface DetectPatterns {
  dockerfile: string[]
  compose: string[]
}

export const DEFAULT_PATTERNS: DetectPatterns = {
  dockerfile: DOCKERFILE_PATTERNS,
  compose: COMPOSE_PATTERNS
}

/**
 * Build a detector. A pattern without a `/` matches the base name (`Dockerfile.*`); one with a `/`
 * matches the whole repository-relative path (`deploy/**\/*.yml`).
 */
export function kindDetector(
  patterns: DetectPatterns = DEFAULT_PATTERNS
): (path: string) => FileKind | undefined {
  const compile = (list: string[]): ((path: string) => boolean) => {
    const base = list.filter((p) => !p.includes('/'))
    const full = list.filter((p) => p.includes('/'))
    const mb = base.length ? picomatch(base, { dot: true }) : () => false
    const mf = full.length ? picomatch(full, { dot: true }) : () => false
    return (path) => mb(path.split('/').pop() ?? path) || mf(path)
  }
  const isDockerfile = compile(patterns.dockerfile)
  const isCompose = compile(patterns.compose)
  return (path) => {
    const p = path.replace(/\\/g, '/')
    if (isCompose(p)) return 'compose'
    if (isDockerfile(p)) return 'dockerfile'
    return undefined
  }
}

export const detectKind = kindDetector()
