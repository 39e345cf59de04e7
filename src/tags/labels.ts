import type { TagContext } from './context.js'

/** The OCI image labels every build gets, from the run and the payload's repository. */
export function ociLabels(ctx: TagContext, version: string): Map<string, string> {
  return new Map([
    ['org.opencontainers.image.title', ctx.repo.name],
    ['org.opencontainers.image.description', ctx.repo.description],
    ['org.opencontainers.image.url', ctx.repo.htmlUrl],
    ['org.opencontainers.image.source', ctx.repo.htmlUrl],
    ['org.opencontainers.image.version', version],
    ['org.opencontainers.image.created', ctx.now.toISOString()],
    ['org.opencontainers.image.revision', ctx.sha],
    ['org.opencontainers.image.licenses', ctx.repo.license]
  ])
}

/** metadata-action's label order: `String#localeCompare` under the runner's locale, `en-US`. */
const KEY_ORDER = new Intl.Collator('en-US')

/**
 * Merge custom `key=value` entries (already rendered) over the base labels: a later key wins, an
 * entry without `=` is skipped (reported through `skip`). Returns `key=value` lines sorted by key
 * the way metadata-action sorts them (`localeCompare`, in the `en-US` locale GitHub's runners
 * have: `alpha` < `com.example.B` < `org.opencontainers.…` < `Zeta`), not by code point.
 */
export function mergeLabels(
  base: Map<string, string>,
  custom: string[],
  skip: (entry: string) => void
): string[] {
  const merged = new Map(base)
  for (const entry of custom) {
    const at = entry.indexOf('=')
    if (at <= 0) {
      skip(entry)
      continue
    }
    merged.set(entry.slice(0, at), entry.slice(at + 1))
  }
  return [...merged.keys()]
    .sort((a, b) => KEY_ORDER.compare(a, b))
    .map((key) => `${key}=${merged.get(key)}`)
}

/** Prefix annotations with each level (`manifest:key=value`), one copy per level. */
export function withLevels(annotations: string[], levels: string[]): string[] {
  return levels.flatMap((level) => annotations.map((a) => `${level}:${a}`))
}

/** `key=value` lines as an object (the `json` output's `labels`). */
export function labelObject(labels: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of labels) {
    const at = line.indexOf('=')
    out[line.slice(0, at)] = line.slice(at + 1)
  }
  return out
}
