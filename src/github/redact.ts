/**
 * Keeping the token out of everything the action writes. A token can come back to us inside an
 * error (a proxy or GitHub echoing the request's `Authorization` header, as is or base64-encoded
 * in a Basic credential): every form of it is replaced with `***`. Pure.
 */

export const REDACTED = '***'

/** Shortest secret worth redacting (shorter values would mangle ordinary text). */
const MIN_SECRET = 8

/**
 * The token and the parts of its base64 encodings that appear whatever precedes it (three byte
 * alignments, standard and URL-safe alphabets): `Basic base64("x-access-token:" + token)` holds
 * one of them.
 */
export function secretForms(token: string): string[] {
  if (token.length < MIN_SECRET) return []
  const bytes = Buffer.from(token, 'utf8')
  const forms = new Set<string>([token])
  for (let pad = 0; pad < 3; pad++) {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64')
    // Characters that depend only on the token: skip the group shared with the padding, keep
    // whole groups of three token bytes.
    const skip = pad === 0 ? 0 : 4
    const whole = Math.floor((bytes.length - (pad === 0 ? 0 : 3 - pad)) / 3) * 4
    const core = encoded.slice(skip, skip + whole)
    if (core.length >= MIN_SECRET) {
      forms.add(core)
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
    }
  }
  // Longest first, so a form inside another never leaves a piece of the longer one behind.
  return [...forms].sort((a, b) => b.length - a.length)
}

/** `text` with every form of the secrets replaced. */
export function redact(text: string, forms: readonly string[]): string {
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED)
  return out
}

/** Redact every string inside a JSON-like value, in place where possible; returns the value. */
export function redactDeep<T>(value: T, forms: readonly string[], depth = 0): T {
  if (forms.length === 0 || depth > 20) return value
  if (typeof value === 'string') return redact(value, forms) as T
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = redactDeep(value[i], forms, depth + 1)
    return value
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    for (const key of Object.keys(record)) {
      try {
        record[key] = redactDeep(record[key], forms, depth + 1)
      } catch {
        // a read-only property: leave it (it is not ours to print)
      }
    }
  }
  return value
}
