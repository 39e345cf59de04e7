import type { DockerfileDoc } from '../../../dockerfile/model.js'

/** How this file writes continued RUNs, so merged RUNs look like their neighbours. */
export interface ContinuationStyle {
  /** Leading whitespace of continuation lines. */
  indent: string
  /** `&&` starts the continuation line (`\` then `    && b`) rather than ending the previous one. */
  leadingOperator: boolean
}

export function continuationStyle(doc: DockerfileDoc): ContinuationStyle {
  const votes = { leading: 0, trailing: 0 }
  const indents = new Map<string, number>()
  for (let line = 2; line <= doc.lines.lineCount; line++) {
    const prev = doc.lines.lineText(line - 1)
    if (!prev.trimEnd().endsWith(doc.escape)) continue
    const text = doc.lines.lineText(line)
    const m = /^([ \t]+)(\S.*)$/.exec(text)
    if (!m || m[2].startsWith('#')) continue
    indents.set(m[1], (indents.get(m[1]) ?? 0) + 1)
    if (/^(&&|\|\|)/.test(m[2])) votes.leading++
    else if (/(&&|\|\|)\s*\S\s*$/.test(prev.trimEnd())) votes.trailing++
  }
  let indent = '    '
  let best = 0
  for (const [candidate, count] of indents) {
    if (count > best) {
      indent = candidate
      best = count
    }
  }
  return { indent, leadingOperator: votes.leading > votes.trailing }
}
