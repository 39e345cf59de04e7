import { sha256Hex } from '../core/hash.js'

/** Docker's tag grammar. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
export const MAX_TAG_LENGTH = 128
/** Length of the hash that keeps sanitized names apart. */
export const HASH_LENGTH = 7

/**
 * Map text onto the tag alphabet: accents are folded (`ü` → `u`), then every run of characters
 * outside `[A-Za-z0-9_.-]` becomes one `-` (metadata-action's rule).
 */
export function sanitizeChars(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
}

/** First 7 hex characters of the SHA-256 of `text`. */
export function shortHash(text: string): string {
  return sha256Hex(text).slice(0, HASH_LENGTH)
}

export interface TagParts {
  prefix: string
  value: string
  suffix: string
  /** When set, `-<hash of this>` is appended to the value if sanitizing changed or cut it. */
  uniqueBy?: string
}

export interface ComposedTag {
  tag: string
  /** Did sanitizing change the value's characters (or strip its leading `.`/`-`)? */
  changed: boolean
  /** Was the value cut to fit 128 characters? */
  truncated: boolean
}

/**
 * Build a valid Docker tag from prefix + value + suffix: sanitize, strip leading `.`/`-`, and keep it
 * within 128 characters by cutting the value (prefix and suffix are kept whole while they leave
 * room; a prefix that does not, such as a rendered `{{branch}}-`, is cut as well). Returns undefined
 * when nothing valid is left.
 */
export function composeTag(parts: TagParts): ComposedTag | undefined {
  const whole = stripLeading(sanitizeChars(parts.prefix + parts.value + parts.suffix))
  const cleanValue = sanitizeChars(parts.value)
  const changed =
    cleanValue !== parts.value || (parts.prefix === '' && stripLeading(cleanValue) !== cleanValue)
  const hashed = parts.uniqueBy !== undefined && (changed || whole.length > MAX_TAG_LENGTH)
  if (!hashed && whole.length <= MAX_TAG_LENGTH) {
    return whole === '' ? undefined : { tag: whole, changed, truncated: false }
  }
  const prefix = stripLeading(sanitizeChars(parts.prefix))
  const value = prefix === '' ? stripLeading(cleanValue) : cleanValue
  const tail = (hashed ? `-${shortHash(parts.uniqueBy ?? '')}` : '') + sanitizeChars(parts.suffix)
  const room = Math.max(0, MAX_TAG_LENGTH - tail.length)
  const head =
    room > prefix.length
      ? prefix + value.slice(0, room - prefix.length)
      : (prefix + value).slice(0, room)
  const tag = stripLeading(head + tail).slice(0, MAX_TAG_LENGTH)
  return tag === '' ? undefined : { tag, changed, truncated: prefix.length + value.length > room }
}

function stripLeading(text: string): string {
  return text.replace(/^[.-]+/, '')
}
