/**
 * Turning bytes into lintable text: the one place that decides what a "source file" is. Pure
 * (bytes in, text or a clear reason out) so the CLI and the action agree on every odd file.
 */

export interface Source {
  text: string
  /** The file started with a UTF-8 byte order mark (removed from `text`, restored on write). */
  bom: boolean
}

export type DecodeResult =
  { ok: true; source: Source; warning?: string } | { ok: false; reason: string }

/** Files above this size are reported and skipped (a review bot must not stall on a 1 GB file). */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024

const decoder = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8', { fatal: false })

export function decodeSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): DecodeResult {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: `file is too large to lint (${bytes.length} bytes; the limit is ${maxBytes})`
    }
  }
  const head = bytes.subarray(0, Math.min(bytes.length, 8192))
  if (head.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not linted' }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return { ok: true, source: { text: decoder.decode(body), bom } }
  } catch {
    const text = lenient.decode(body)
    const at = text.indexOf('\uFFFD')
    const line = text.slice(0, Math.max(0, at)).split('\n').length
    return {
      ok: true,
      source: { text, bom },
      warning: `invalid UTF-8 (first bad byte sequence on line ${line}); linted with replacement characters`
    }
  }
}

export function encodeSource(source: Source): string {
  return source.bom ? `\uFEFF${source.text}` : source.text
}
