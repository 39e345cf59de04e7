import type { Range } from '../../../core/types.js'
import type { Entry, Val } from '../../../compose/model.js'
import { valSpan } from '../../../compose/model.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/**
 * Where a compose rule's finding points, for `ctx.report({ ...atValue(doc, val), message })`: the
 * range, and the file the node lives in (`source`). Rules look at the merged project, so a node may
 * come from another file (an override, an include, an anchor); the engine keeps a report only in
 * the file its node lives in, and reports a node shared through an anchor once.
 */
export interface ReportLocation {
  range: Range
  source: ComposeDoc
}

/** Offsets `[start, end)` in `owner`. */
export function atSpan(
  doc: ComposeDoc,
  owner: ComposeDoc,
  start: number,
  end: number
): ReportLocation {
  return { range: doc.rangeOf(start, end), source: owner }
}

/** At a value (a scalar's text; a collection's first token onwards). */
export function atValue(doc: ComposeDoc, val: Val): ReportLocation {
  const [start, end] = valSpan(val)
  return atSpan(doc, val.doc, start, Math.max(end, start))
}

/** At the key of an entry (at its value for a key without a position, which parsing never makes). */
export function atKey(doc: ComposeDoc, entry: Entry): ReportLocation {
  const r = entry.keyNode.range
  return r ? atSpan(doc, entry.doc, r[0], r[1]) : atValue(doc, entry.value)
}
