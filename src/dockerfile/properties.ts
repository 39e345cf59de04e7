import type { Span } from '../parse/dockerfile.js'
import type { DockerfileDoc, Instruction } from './model.js'

/**
 * `KEY=value` pairs of ENV, LABEL and ARG instructions with file spans, as the syntax layer reads
 * them (`inst.properties`: BuildKit's word rules, quotes removed from keys and values). The legacy
 * form `ENV KEY value with blanks` gives one pair whose value is the rest of the line.
 */

export interface Pair {
  /** The key with quotes removed. */
  name: string
  /** The value with quotes and escapes removed; null when there is none (`ARG NAME`). */
  value: string | null
  nameSpan: Span
  /** Span of the value as written (quotes included); undefined when there is none. */
  valueSpan: Span | undefined
  /** From the key to the end of the value. */
  span: Span
}

const cache = new WeakMap<Instruction, Pair[]>()

export function pairs(doc: DockerfileDoc, inst: Instruction): Pair[] {
  let out = cache.get(inst)
  if (!out) {
    out = inst.properties.map((p) => ({
      name: p.name,
      // The legacy form without a value (`ENV KEY`) sets the empty string.
      value: p.legacy && p.value === null ? '' : p.value,
      nameSpan: p.nameSpan,
      valueSpan: p.valueSpan,
      span: doc.span(p.nameSpan.start, (p.valueSpan ?? p.nameSpan).end)
    }))
    cache.set(inst, out)
  }
  return out
}

/** ENV, LABEL or ARG instructions, top level and (with `onbuild`) inside ONBUILD. */
export function propertyInstructions(
  doc: DockerfileDoc,
  keyword: 'ENV' | 'LABEL' | 'ARG',
  onbuild: boolean
): Instruction[] {
  const out: Instruction[] = []
  for (const inst of doc.instructions) {
    if (inst.keyword === keyword) out.push(inst)
    else if (onbuild && inst.trigger?.keyword === keyword) out.push(inst.trigger)
  }
  return out
}
