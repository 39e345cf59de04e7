import { applyFixes } from '../core/fixes.js'
import type { Finding, Fix } from '../core/types.js'

/**
 * Findings of different rules that propose the same change — DR3002 ("update without install")
 * and DL3059 ("consecutive RUNs") both merging the same two RUNs — are one item in a review: one
 * thread entry naming both rules, one suggestion, one summary row. They stay separate findings
 * everywhere else (JSON, SARIF, the verdict). Pure.
 */

/** Trailing blanks do not make two changes different (`\ ` continues a line as `\` does). */
const TRAILING_BLANKS = /[ \t]+(?=\r?\n|$)/g

function lineSpan(fix: Fix): [number, number] {
  const edits = fix.edits
  return [
    Math.min(...edits.map((e) => e.range.start.line)),
    Math.max(...edits.map((e) => e.range.end.line))
  ]
}

/**
 * For each finding, the index of the finding whose fix makes the same change and that comes first
 * in `order` (the item's lead), or -1 when it shares its fix with none. Two fixes make the same
 * change when applying either alone to `text` gives the same file; only fixes whose lines overlap
 * are compared.
 */
export function sameFixLeads(
  text: string,
  findings: readonly Finding[],
  order: (a: Finding, b: Finding) => number
): number[] {
  const leads = findings.map(() => -1)
  const fixed = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.fix !== undefined && finding.fix.edits.length > 0)
  if (fixed.length < 2) return leads
  const spans = new Map(fixed.map((f) => [f.index, lineSpan(f.finding.fix!)]))
  const results = new Map<number, string | undefined>()
  const resultOf = (index: number): string | undefined => {
    if (!results.has(index)) {
      const { text: out, applied } = applyFixes(text, [findings[index].fix!])
      results.set(index, applied.length === 1 ? out.replace(TRAILING_BLANKS, '') : undefined)
    }
    return results.get(index)
  }
  fixed.sort((a, b) => order(a.finding, b.finding))
  for (let i = 0; i < fixed.length; i++) {
    const a = fixed[i]
    if (leads[a.index] !== -1) continue
    const [aStart, aEnd] = spans.get(a.index)!
    for (let j = i + 1; j < fixed.length; j++) {
      const b = fixed[j]
      if (leads[b.index] !== -1 || b.finding.rule === a.finding.rule) continue
      const [bStart, bEnd] = spans.get(b.index)!
      if (bStart > aEnd || aStart > bEnd) continue
      const result = resultOf(a.index)
      if (result !== undefined && result === resultOf(b.index)) leads[b.index] = a.index
    }
  }
  return leads
}
