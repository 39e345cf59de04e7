import type { Fix, RuleContext } from '../../../core/types.js'
import type { Entry, Val } from '../../../compose/model.js'
import { valSpan } from '../../../compose/model.js'
import { sameFile } from '../../../compose/file.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/**
 * Reporting for compose rules that look at the merged project: a finding is kept only when the
 * node it points at is defined in the file being linted (so every finding lands in exactly one
 * file), and a node shared through an anchor is reported once, not once per service using it.
 */
export interface Reporter {
  /** Offsets `[start, end)` in `owner`. */
  at(owner: ComposeDoc, start: number, end: number, message: string, fix?: Fix): void
  /** At a value (a scalar's text; a collection's first token onwards). */
  value(val: Val, message: string, fix?: Fix): void
  /** At the key of an entry. */
  key(entry: Entry, message: string, fix?: Fix): void
}

export function reporter(doc: ComposeDoc, ctx: RuleContext): Reporter {
  const seen = new Set<string>()
  const at = (owner: ComposeDoc, start: number, end: number, message: string, fix?: Fix): void => {
    if (!sameFile(owner, doc)) return
    const key = `${start}:${end}`
    if (seen.has(key)) return
    seen.add(key)
    ctx.report(
      fix
        ? { message, range: doc.rangeOf(start, end), fix }
        : { message, range: doc.rangeOf(start, end) }
    )
  }
  return {
    at,
    value(val, message, fix) {
      const [start, end] = valSpan(val)
      at(val.doc, start, Math.max(end, start), message, fix)
    },
    key(entry, message, fix) {
      const r = entry.keyNode.range
      if (r) at(entry.doc, r[0], r[1], message, fix)
    }
  }
}
