import * as pep440 from '@renovatebot/pep440'
import semver from 'semver'
import { renderFields } from './expressions.js'
import { isRawStatement } from './tag.js'

export type Scheme = 'semver' | 'pep440'

/** A parsed release version (a git tag or a `value`), under one scheme. */
export interface Release {
  scheme: Scheme
  /** The text parsed (`v1.2.3`, `1.2.3rc2`). */
  raw: string
  /** Normalised version (`1.2.3`, `1.2.3rc2`). */
  version: string
  /** A final release: not a semver prerelease, not a PEP 440 pre/post/dev release. */
  final: boolean
}

/** Parse `raw` under `scheme`; undefined when it is not a valid version there. */
export function parseRelease(scheme: Scheme, raw: string): Release | undefined {
  if (scheme === 'semver') {
    if (!semver.valid(raw)) return undefined
    const v = semver.parse(raw, { loose: true })
    if (!v) return undefined
    return { scheme, raw, version: v.version, final: v.prerelease.length === 0 }
  }
  if (!pep440.valid(raw)) return undefined
  const v = pep440.explain(raw)
  const clean = pep440.clean(raw)
  if (!v || !clean) return undefined
  const final = !v.is_prerelease && !v.is_postrelease && !v.is_devrelease
  return { scheme, raw, version: clean, final }
}

/**
 * The tag a semver/pep440 `pattern` gives for a release. A release that is not final gives its
 * version (or the raw text for a `{{raw}}` pattern) whatever the pattern, so `{{major}}` never moves
 * to a prerelease.
 */
export function renderRelease(release: Release, pattern: string, what: string): string {
  if (!release.final) return isRawStatement(pattern) ? release.raw : release.version
  return renderFields(pattern, releaseFields(release), what)
}

function releaseFields(release: Release): object {
  if (release.scheme === 'semver') {
    return semver.parse(release.raw, { loose: true }) as object
  }
  return {
    raw: release.raw,
    version: release.version,
    major: pep440.major(release.raw),
    minor: pep440.minor(release.raw),
    patch: pep440.patch(release.raw)
  }
}

/** Negative when a < b. Both must share a scheme. */
export function compareReleases(a: Release, b: Release): number {
  if (a.scheme === 'semver') return semver.compare(a.version, b.version, { loose: true })
  return pep440.compare(a.version, b.version)
}

/** Read a version under either scheme (semver first); for `existing-versions` and `latest` checks. */
export function parseAnyRelease(text: string, prefer: Scheme = 'semver'): Release | undefined {
  const other: Scheme = prefer === 'semver' ? 'pep440' : 'semver'
  return parseRelease(prefer, text) ?? parseRelease(other, text)
}

/** The final releases among `existing`, read under `scheme` (others are ignored). */
function finalsOf(scheme: Scheme, existing: string[]): Release[] {
  return existing.flatMap((text) => {
    const r = parseRelease(scheme, text)
    return r?.final ? [r] : []
  })
}

/** Is `current` at least as high as every final release in `existing`? */
export function isHighest(current: Release, existing: string[]): boolean {
  return finalsOf(current.scheme, existing).every((e) => compareReleases(current, e) >= 0)
}

/**
 * Is the floating tag `pattern` gives for `current` (`1`, `1.2`) already owned by a higher final
 * release in `existing`? Then moving it to `current` would be a downgrade.
 */
export function supersededBy(
  current: Release,
  pattern: string,
  existing: string[],
  what: string
): Release | undefined {
  if (!current.final) return undefined
  const mine = renderRelease(current, pattern, what)
  return finalsOf(current.scheme, existing).find(
    (e) => compareReleases(e, current) > 0 && renderRelease(e, pattern, what) === mine
  )
}

/**
 * Does a tag name look like a release: a valid semver or PEP 440 version, or a bare numeric
 * version such as `1`, `1.2` or `v2`?
 */
export function looksLikeRelease(name: string): boolean {
  return /^v?\d+(\.\d+)*$/i.test(name) || semver.valid(name) !== null || pep440.valid(name) !== null
}
