import { unquote, type Span } from '../parse/dockerfile.js'
import type { DockerfileDoc, Instruction } from './model.js'

/**
 * `KEY=value` pairs of ENV, LABEL and ARG instructions with file spans, read once per instruction
 * from the instruction's joined text (continuations and comment lines already removed) with
 * Docker's word rules: blanks separate pairs except inside quotes or after the escape character;
 * quotes are removed from keys and values. The legacy form `ENV KEY value with blanks` gives one
 * pair whose value is the rest of the line.
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

interface Word {
  /** Offsets into the instruction text, end exclusive. */
  start: number
  end: number
  /** Offset of the first `=` outside quotes, or -1. */
  eq: number
}

/** Split instruction text into blank-separated words, keeping quoted parts and escapes together. */
function words(text: string, escape: string): Word[] {
  const out: Word[] = []
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++
    if (i >= n) break
    const start = i
    let eq = -1
    let quote = ''
    while (i < n) {
      const c = text[i]
      if (quote) {
        if (c === escape && quote === '"' && i + 1 < n) i++
        else if (c === quote) quote = ''
      } else if (c === ' ' || c === '\t') break
      else if (c === escape && i + 1 < n) i++
      else if (c === '"' || c === "'") quote = c
      else if (c === '=' && eq === -1) eq = i
      i++
    }
    out.push({ start, end: i, eq })
  }
  return out
}

const cache = new WeakMap<Instruction, Pair[]>()

export function pairs(doc: DockerfileDoc, inst: Instruction): Pair[] {
  const cached = cache.get(inst)
  if (cached) return cached
  const text = inst.text
  const offsets = inst.textOffsets
  const file = (i: number): number => offsets[i]
  const span = (s: number, e: number): Span =>
    doc.span(file(s), e > s ? offsets[e - 1] + 1 : file(s))
  const out: Pair[] = []
  const ws = words(text, doc.escape)
  const legacy = inst.keyword !== 'ARG' && ws.length > 0 && ws[0].eq === -1
  if (legacy) {
    const key = ws[0]
    const rest = ws.slice(1)
    const nameSpan = span(key.start, key.end)
    const valueSpan = rest.length > 0 ? span(rest[0].start, rest[rest.length - 1].end) : undefined
    const raw = rest.length > 0 ? text.slice(rest[0].start, rest[rest.length - 1].end) : ''
    out.push({
      name: unquote(text.slice(key.start, key.end), doc.escape),
      value: unquote(raw, doc.escape),
      nameSpan,
      valueSpan,
      span: doc.span(nameSpan.start, (valueSpan ?? nameSpan).end)
    })
  } else {
    for (const w of ws) {
      const keyEnd = w.eq === -1 ? w.end : w.eq
      const nameSpan = span(w.start, keyEnd)
      const valueSpan = w.eq === -1 ? undefined : span(w.eq + 1, w.end)
      out.push({
        name: unquote(text.slice(w.start, keyEnd), doc.escape),
        value: w.eq === -1 ? null : unquote(text.slice(w.eq + 1, w.end), doc.escape),
        nameSpan,
        valueSpan,
        span: doc.span(nameSpan.start, (valueSpan ?? nameSpan).end)
      })
    }
  }
  cache.set(inst, out)
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
