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

/**
 * The size budget: files above this are reported and skipped (a review bot must not stall on a
 * 1 GB file). Real Dockerfiles and compose files are kilobytes; 8 MiB leaves room for generated
 * ones while bounding parse time and memory (the time budget, `Budget` in src/lint/engine.ts,
 * covers the rest).
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024

/** How much of a file is searched for a NUL byte (git's binary heuristic looks at 8,000). */
const BINARY_PROBE = 8192

export function tooLarge(bytes: number, maxBytes = MAX_SOURCE_BYTES): string | undefined {
  return bytes > maxBytes
    ? `file is too large to lint (${bytes} bytes; the limit is ${maxBytes})`
    : undefined
}

const BINARY = 'binary file (contains NUL bytes), not linted'

const decoder = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8', { fatal: false })

export function decodeSource(bytes: Uint8Array, maxBytes = MAX_SOURCE_BYTES): DecodeResult {
  const large = tooLarge(bytes.length, maxBytes)
  if (large) return { ok: false, reason: large }
  const head = bytes.subarray(0, Math.min(bytes.length, BINARY_PROBE))
  if (head.includes(0)) return { ok: false, reason: BINARY }
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

/**
 * The same decision for text that arrived already decoded (the API's blob text): size in UTF-8
 * bytes, NUL bytes, and the byte order mark removed.
 */
export function decodeText(text: string, maxBytes = MAX_SOURCE_BYTES): DecodeResult {
  const large = text.length > maxBytes / 3 ? tooLarge(Buffer.byteLength(text), maxBytes) : undefined
  if (large) return { ok: false, reason: large }
  if (text.slice(0, BINARY_PROBE).includes('\0')) return { ok: false, reason: BINARY }
  const bom = text.startsWith('\uFEFF')
  return { ok: true, source: { text: bom ? text.slice(1) : text, bom } }
}
