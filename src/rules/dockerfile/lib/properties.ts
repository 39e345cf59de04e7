import type { DockerfileDoc, Instruction, Span } from '../../../parse/dockerfile.js'

/**
 * `KEY=value` pairs of ENV, LABEL and ARG instructions (dockerfile-ast's properties) with file
 * spans, read once per instruction.
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

interface LspRange {
  start: { line: number; character: number }
  end: { line: number; character: number }
}

interface PropertyLike {
  getName(): string
  getValue(): string | null
  getNameRange(): LspRange
  getValueRange(): LspRange | null
}

const cache = new WeakMap<Instruction, Pair[]>()

export function pairs(doc: DockerfileDoc, inst: Instruction): Pair[] {
  const cached = cache.get(inst)
  if (cached) return cached
  const node = inst.node as unknown as { getProperties?: () => PropertyLike[] }
  const out: Pair[] = []
  if (typeof node.getProperties === 'function') {
    const offset = (p: { line: number; character: number }): number =>
      doc.lines.offset({ line: p.line + 1, column: p.character + 1 })
    for (const p of node.getProperties()) {
      const nr = p.getNameRange()
      const vr = p.getValueRange()
      const nameSpan = doc.span(offset(nr.start), offset(nr.end))
      const valueSpan = vr ? doc.span(offset(vr.start), offset(vr.end)) : undefined
      out.push({
        name: p.getName(),
        value: p.getValue(),
        nameSpan,
        valueSpan,
        span: doc.span(nameSpan.start, valueSpan ? valueSpan.end : nameSpan.end)
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
