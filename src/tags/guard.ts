import picomatch from 'picomatch'
import type { Flavor } from './flavor.js'
import { sanitizeChars } from './sanitize.js'
import { looksLikeRelease } from './version.js'

/** Default `stable-tags`: names only releases and the default branch may produce. */
export const DEFAULT_STABLE_TAGS = ['latest', 'stable', 'v[0-9]*', '[0-9]*']

/** Tag namespaces of other builds that a branch push must not take over. */
const RESERVED_FOR_OTHERS = [/^pr-\d+$/i, /^sha-[0-9a-f]{7,40}$/i]

/**
 * The stable-tag rules. A stable tag is `latest`, anything that looks like a release version, the
 * default branch's name, or a name matching a `stable-tags` glob (case-insensitive).
 */
export interface StableTags {
  /** Is this tag value stable as it stands? */
  matches(name: string): boolean
  /**
   * Is this final tag stable, also once the flavor prefix/suffix is taken off (`1.2-alpine`,
   * `app-latest` are stable under `suffix=-alpine` / `prefix=app-`)?
   */
  isStableTag(tag: string): boolean
  /** Would a branch of this (sanitized) name take over a stable tag or another build's tag? */
  branchCollides(name: string): boolean
}

export function stableTags(globs: string[], defaultBranch: string, flavor: Flavor): StableTags {
  const glob = globs.length > 0 ? picomatch(globs, { nocase: true, dot: true }) : () => false
  const branchNames = defaultBranch === '' ? [] : [defaultBranch, sanitizeChars(defaultBranch)]
  const defaults = new Set(branchNames.map((b) => b.toLowerCase()))
  const matches = (name: string): boolean =>
    name.toLowerCase() === 'latest' ||
    defaults.has(name.toLowerCase()) ||
    looksLikeRelease(name) ||
    glob(name)
  return {
    matches,
    isStableTag: (tag) => undecorated(tag, flavor).some(matches),
    branchCollides: (name) => matches(name) || RESERVED_FOR_OTHERS.some((re) => re.test(name))
  }
}

/** The tag, and the tag without the flavor prefix and/or suffix where it carries them. */
function undecorated(tag: string, flavor: Flavor): string[] {
  // As composeTag writes it: a tag never starts with `.` or `-` (`{{branch}}-` → `branch--`).
  const prefix = sanitizeChars(flavor.prefix).replace(/^[.-]+/, '')
  const suffix = sanitizeChars(flavor.suffix)
  const noPrefix = prefix !== '' && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag
  const noSuffix = suffix !== '' && tag.endsWith(suffix) ? tag.slice(0, -suffix.length) : tag
  const bare =
    suffix !== '' && noPrefix.endsWith(suffix) ? noPrefix.slice(0, -suffix.length) : noPrefix
  return [...new Set([tag, noPrefix, noSuffix, bare])].filter((t) => t !== '')
}

/** Parse the `stable-tags` input: one glob a line (`#` comments and blank lines ignored). */
export function parseGlobList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
}
