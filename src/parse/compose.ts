import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Scalar,
  type YAMLMap
} from 'yaml'
import { LineIndex } from '../core/text.js'
import type { Range } from '../core/types.js'

/**
 * A compose file parsed once with `yaml` (keeps positions and comments). Every node carries
 * `range = [start, valueEnd, nodeEnd]` offsets into `text`, which rules turn into exact ranges and
 * minimal text edits. Rules read it through `src/compose/file.ts` (`fileModel`: the value model
 * with anchors and merge keys resolved, the layout and the services) and, for cross-service checks,
 * `src/compose/project.ts` (`projectOf`: base + override + include + extends).
 */
export interface ComposeDoc {
  kind: 'compose'
  path: string
  text: string
  lines: LineIndex
  /** The first YAML document (compose files have one). */
  doc: Document.Parsed
  /** Number of YAML documents in the stream. */
  documentCount: number
  /** YAML errors and warnings with exact locations. */
  problems: YamlProblem[]
  /** Range of offsets `[start, end)`. */
  rangeOf(start: number, end: number): Range
}

export interface YamlProblem {
  severity: 'error' | 'warning'
  code: string
  message: string
  start: number
  end: number
}

/** Recently parsed files: the project model reads override and include partners through the
 * workspace, and the engine lints the same files; each (path, text) is parsed once. */
const recent = new Map<string, ComposeDoc>()
const RECENT_MAX = 256

/**
 * Parse a compose file. Pure and memoised on (path, text): parsing the same file twice (as a
 * partner of another file, then as the file being linted) returns the same document.
 */
export function parseCompose(path: string, text: string): ComposeDoc {
  const hit = recent.get(path)
  if (hit && hit.text === text) return hit
  const parsed = parseComposeText(path, text)
  recent.delete(path)
  recent.set(path, parsed)
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!)
  return parsed
}

function parseComposeText(path: string, text: string): ComposeDoc {
  const lines = new LineIndex(text)
  // `uniqueKeys: true` compares every key with every earlier key of its map (quadratic: a 5 MB file
  // took 40 s); duplicates are found below with one set per map instead.
  const doc = parseDocument(text, {
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    // Compose (go-yaml) honours `<<:` merge keys; with this, repeated `<<` keys are not duplicates.
    merge: true
  })
  const problems: YamlProblem[] = [
    ...[...doc.errors, ...duplicateKeys(doc, text)]
      .sort((a, b) => a.pos[0] - b.pos[0])
      .map((e) => ({ severity: 'error' as const, e })),
    ...doc.warnings.map((e) => ({ severity: 'warning' as const, e }))
  ].map(({ severity, e }) => ({
    severity,
    code: e.code,
    message: e.message.split('\n')[0],
    start: e.pos[0],
    end: Math.max(e.pos[1], e.pos[0])
  }))
  const documentCount = countDocuments(text)
  return {
    kind: 'compose',
    path,
    text,
    lines,
    doc,
    documentCount,
    problems,
    rangeOf: (start, end) => lines.range(boundary(text, start, -1), boundary(text, end, 1))
  }
}

/**
 * yaml's ranges may end between the CR and the LF of a CRLF (no position of the file: the CR
 * belongs to the line terminator) or inside a surrogate pair (a character outside the BMP). Move
 * such an offset back onto the end of the line's content, or out of the pair (`away` -1 for a
 * range's start, 1 for its end).
 */
function boundary(text: string, offset: number, away: -1 | 1): number {
  const code = text.charCodeAt(offset)
  const before = text.charCodeAt(offset - 1)
  if (code === 10 && before === 13) return offset - 1
  if (code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff)
    return away < 0 ? offset - 1 : offset + 1
  return offset
}

/**
 * Errors yaml does not raise itself:
 *
 * - DUPLICATE_KEY (same code, message and position as its `uniqueKeys: true`): scalar keys with
 *   equal values in one mapping. Merge keys (`<<`) resolve to distinct symbols and never collide;
 *   collection and alias keys are never equal.
 * - a quoted scalar whose last quote is escaped (`"3.8\\"` or `'it''` at a line's end): yaml ends
 *   it there without a word, Compose's reader runs on to the next quote and fails. Same message as
 *   yaml's own unterminated quote.
 */
function duplicateKeys(
  doc: Document.Parsed,
  text: string
): Array<{ pos: [number, number]; code: string; message: string }> {
  const out: Array<{ pos: [number, number]; code: string; message: string }> = []
  const scalar = (node: Scalar): void => {
    if (!node.range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return
    const start = node.range[0]
    let end = node.range[1] - 1
    const quote = node.type === 'QUOTE_DOUBLE' ? 34 : 39
    if (end <= start || text.charCodeAt(end) !== quote) return
    // `"…\\"`: the quote is escaped by an odd run of backslashes before it; `'…''`: quotes
    // pair up as escapes, so a closing quote leaves an odd run of them.
    let run = 0
    if (quote === 34) while (text.charCodeAt(--end) === 92) run++
    else while (end > start && text.charCodeAt(end--) === 39) run++
    if (quote === 34 ? run % 2 === 0 : run % 2 === 1) return
    // Just past the opening quote: DC0001 points back at the quote before the position.
    out.push({
      pos: [start + 1, start + 1],
      code: 'MISSING_CHAR',
      message: `Missing closing ${quote === 34 ? '"' : "'"}quote`
    })
  }
  const map = (node: YAMLMap): void => {
    if (node.items.length < 2) return
    const seen = new Set<unknown>()
    for (const { key } of node.items) {
      if (!isScalar(key) || typeof key.value === 'symbol' || Number.isNaN(key.value)) continue
      if (!seen.has(key.value)) {
        seen.add(key.value)
        continue
      }
      const at = key.range?.[0] ?? 0
      out.push({ pos: [at, at + 1], code: 'DUPLICATE_KEY', message: 'Map keys must be unique' })
    }
  }
  // Depth first, each node before what it holds, keys before values: yaml's `visit` order
  // without its per-node path arrays (it was ~5 % of a compose run).
  const walk = (node: unknown): void => {
    if (isScalar(node)) scalar(node)
    else if (isPair(node)) {
      walk(node.key)
      walk(node.value)
    } else if (isMap(node)) {
      map(node)
      for (const item of node.items) walk(item)
    } else if (isSeq(node)) for (const item of node.items) walk(item)
  }
  walk(doc.contents)
  return out
}

/** `---` separators outside block scalars are rare in compose files; count them on line starts. */
function countDocuments(text: string): number {
  if (!text.startsWith('---') && !text.includes('\n---')) return text.trim().length > 0 ? 1 : 0
  const markers = text.match(/^---(\s|$)/gm)?.length ?? 0
  const body = text.replace(/^---.*$/gm, '').trim()
  if (markers === 0) return body.length > 0 ? 1 : 0
  const startsWithMarker = /^\s*(#.*\n\s*)*---/.test(text)
  return startsWithMarker ? markers : markers + 1
}
