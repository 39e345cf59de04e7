import { sha256Hex } from '../core/hash.js'
import type { LineIndex } from '../core/text.js'
import type { Finding } from '../core/types.js'

/**
 * A finding's identity across pushes: rule, path, the offending text and which occurrence of that
 * text it is — never the line number, so lines inserted above a finding do not make it "new".
 * Pure (hashing is deterministic).
 */

const WHITESPACE = /\s+/g
/** Offending text beyond this many characters adds nothing to identity. */
const MAX_KEY_TEXT = 4096

/** The text a finding points at, whitespace-normalised; its whole line for an empty range. */
export function offendingText(lines: LineIndex, finding: Finding): string {
  const { start, end } = finding.range
  let from = lines.offset(start)
  let to = lines.offset(end)
  if (to <= from) {
    from = lines.lineStart(start.line)
    to = lines.lineEnd(start.line)
  }
  return lines.text
    .slice(from, Math.min(to, from + MAX_KEY_TEXT))
    .replace(WHITESPACE, ' ')
    .trim()
}

/** Fingerprints of a file's findings, in the same order (findings sorted by position first). */
export function fingerprints(
  path: string,
  lines: LineIndex,
  findings: readonly Finding[]
): string[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const key = `${finding.rule}\u0000${path}\u0000${offendingText(lines, finding)}`
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return sha256Hex(`${key}\u0000${occurrence}`).slice(0, 16)
  })
}
