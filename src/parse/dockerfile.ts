import {
  type Dockerfile,
  type Flag as AstFlag,
  type Heredoc as AstHeredoc,
  type Instruction as AstInstruction
} from 'dockerfile-ast'
import { DockerfileParser } from './dockerfile-ast.js'
import { LineIndex } from '../core/text.js'
import type { Position, Range } from '../core/types.js'
import {
  isBlank,
  isDigit,
  isSpace,
  lspOffsets,
  readDirectives,
  structuralText,
  type LspPosition
} from './dockerfile-structure.js'
import { parseShell, type ShellScript } from './shell.js'

/**
 * A Dockerfile's syntax: instructions with file offsets, their flags, words, JSON form, heredocs and
 * ENV/LABEL/ARG pairs, comments and parser directives, and the shell parse of a RUN body. The
 * model on top of it (stages, scopes, the SHELL in effect) is src/dockerfile/.
 *
 * dockerfile-ast parses the file: it decides the instructions and their lines, keywords, ONBUILD
 * triggers, flags, heredocs, parser directives, comments and the escape character. Its known bugs
 * are worked around by reading the source inside its ranges (research/aesthetics.md §6): arguments
 * are split on blanks from the joined argument text (continuations and comment lines removed), exec
 * form is `JSON.parse` of the source, heredoc bodies are not arguments, flags holding quotes are
 * re-read quote-aware. Where it disagrees with BuildKit's parser (`frontend/dockerfile/parser`) on
 * structure — unknown or repeated parser directives, an escaped escape character at the end of a
 * line — it parses a same-length copy of the text with that construct neutralized
 * (`structuralText` in dockerfile-structure.ts), so the syntax stays BuildKit's.
 */

export interface Span {
  /** File offsets, end exclusive. */
  start: number
  end: number
  range: Range
}

export interface Token extends Span {
  value: string
}

export interface Flag extends Span {
  /** Lower-case flag name without dashes (`mount`, `from`, `chown`). */
  name: string
  /** Value after `=` with BuildKit's quote removal (`--from="a b"` → `a b`), or null for a bare flag. */
  value: string | null
  /** The flag as written (`--from="a b"`). */
  raw: string
  /** Span of the value as written (after `=`), undefined for a bare flag. */
  valueSpan: Span | undefined
}

export interface HeredocBody {
  name: string
  /** The body (between the marker line and the delimiter) as written, '' when empty. */
  content: string
  /** File offset of the first body character. */
  contentStart: number
  /** Offset of the delimiter line's start (or end of file when unterminated). */
  contentEnd: number
  /** `<<-EOF`: leading tabs are stripped from the body and the delimiter. */
  stripTabs: boolean
  /** `<<"EOF"` / `<<'EOF'`: no variable expansion in the body. */
  quoted: boolean
  /** A delimiter line ends the body. */
  terminated: boolean
  /** The `<<EOF` word in the instruction line (`value` as written, `2<<-"EOF"`). */
  marker: Token
}

export interface JsonForm {
  values: string[]
  items: Token[]
  /** Span of `[ … ]`. */
  span: Span
}

/** A `name=value` pair of ENV, LABEL or ARG (BuildKit's word split; quotes removed in `value`). */
export interface Property extends Span {
  name: string
  nameSpan: Span
  /** Value with quotes and escapes removed (variables not expanded); null when absent (`ARG X`). */
  value: string | null
  /** Span of the value as written, undefined when absent. */
  valueSpan: Span | undefined
  /** `ENV key value` (legacy form without `=`). */
  legacy: boolean
}

export interface SyntaxInstruction extends Span {
  /** Upper-case keyword (`RUN`). For ONBUILD triggers, the trigger's keyword. */
  keyword: string
  /** As written (`run`). */
  keywordText: string
  keywordSpan: Span
  /** dockerfile-ast's node for this instruction (a trigger's is made on first access). */
  node: AstInstruction
  /** Index among top-level instructions (triggers share their ONBUILD's index). */
  index: number
  /** For a trigger inside `ONBUILD`, the ONBUILD instruction. */
  onbuild: SyntaxInstruction | undefined
  /** For an `ONBUILD` instruction, its trigger. */
  trigger: SyntaxInstruction | undefined
  /** BuildKit flags (`--mount=…`) of FROM, RUN, COPY, ADD and HEALTHCHECK. */
  flags: Flag[]
  /** Whitespace-split arguments after the flags (Docker's own split for COPY/ADD/…), heredoc bodies excluded. */
  args: Token[]
  /** Span of the argument text after the flags (heredoc bodies excluded), or undefined when there is none. */
  argsSpan: Span | undefined
  /**
   * Argument text after the flags with line continuations and interior comment lines removed, and
   * for each of its characters the file offset it came from (`textOffsets.length === text.length + 1`).
   */
  text: string
  textOffsets: number[]
  /** File offset of `text[i]` (`offsetAt(text.length)` is just past the text): `textOffsets[i]` without building the array. */
  offsetAt(i: number): number
  /** JSON (exec) form, when the arguments are a JSON string array. */
  json: JsonForm | undefined
  heredocs: HeredocBody[]
  /** ENV, LABEL and ARG: the declared pairs; [] for other instructions. */
  properties: Property[]
}

export interface Comment extends Span {
  /** Text after `#`, trimmed. */
  content: string
  /** Inside a continued instruction. */
  inInstruction: boolean
}

export interface Directive extends Span {
  name: string
  value: string
}

export interface DockerfileSyntax {
  kind: 'dockerfile'
  path: string
  text: string
  lines: LineIndex
  /**
   * dockerfile-ast's tree. Offsets are the file's; when a workaround applied (`structuralText`), it
   * is the tree of the neutralized copy.
   */
  ast: Dockerfile
  escape: string
  directives: Directive[]
  comments: Comment[]
  /** Top-level instructions in order (ONBUILD triggers are reachable through `trigger`). */
  instructions: SyntaxInstruction[]
  span(start: number, end: number): Span
}

/** Instructions BuildKit reads flags for. */
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK'])
/** Instructions that may carry heredocs. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD'])
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'])
const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL', 'ARG'])
const SHELLS = /^(?:.*\/)?(sh|bash|ash|dash|ksh|mksh|zsh)$/

/** One logical instruction line: the joined text and where its pieces came from in the file. */
interface Logical {
  text: string
  /** Pairs [text index, file offset] where each joined piece starts (see `mapOffset`). */
  segs: number[]
  /** File offset just past the instruction's last physical content line (trailing blanks included). */
  end: number
  /** Start of the first line after the ones read (comment and blank lines in the continuation included). */
  next: number
}

/** File offset of `text[i]` of a logical line (`i` within the text). */
function mapOffset(segs: number[], i: number): number {
  let k = segs.length - 2
  while (k > 0 && segs[k] > i) k -= 2
  return segs[k + 1] + (i - segs[k])
}

type InstructionInit = Pick<
  SyntaxInstruction,
  | 'start'
  | 'end'
  | 'range'
  | 'keyword'
  | 'keywordText'
  | 'keywordSpan'
  | 'index'
  | 'onbuild'
  | 'flags'
  | 'argsSpan'
>

/**
 * An instruction whose per-word data (`args`, `textOffsets`, `properties`) is computed on first use: most RUN words are never read as Dockerfile tokens (rules read the
 * shell parse), and building them eagerly dominated the parse.
 */
class InstructionNode implements SyntaxInstruction {
  start: number
  end: number
  range: Range
  keyword: string
  keywordText: string
  keywordSpan: Span
  index: number
  onbuild: SyntaxInstruction | undefined
  trigger: SyntaxInstruction | undefined = undefined
  flags: Flag[]
  argsSpan: Span | undefined
  text: string
  json: JsonForm | undefined = undefined
  heredocs: HeredocBody[] = []
  #args: Token[] | undefined
  #offsets: number[] | undefined
  #properties: Property[] | undefined

  constructor(
    private readonly lines: LineIndex,
    private readonly escapeChar: string,
    private readonly resolveNode: () => AstInstruction,
    private readonly line: string,
    private readonly segs: number[],
    /** The argument text is `line.slice(from, to)`. */
    private readonly from: number,
    private readonly to: number,
    private readonly lineEnd: number,
    init: InstructionInit
  ) {
    this.start = init.start
    this.end = init.end
    this.range = init.range
    this.keyword = init.keyword
    this.keywordText = init.keywordText
    this.keywordSpan = init.keywordSpan
    this.index = init.index
    this.onbuild = init.onbuild
    this.flags = init.flags
    this.argsSpan = init.argsSpan
    this.text = line.slice(from, to)
  }

  /** File offset of `text[i]`; `i === text.length` gives the offset just past the text. */
  offsetAt(i: number): number {
    if (i < this.to - this.from) return mapOffset(this.segs, this.from + i)
    if (this.to > this.from) return mapOffset(this.segs, this.to - 1) + 1
    return this.from < this.line.length ? mapOffset(this.segs, this.from) : this.lineEnd
  }

  get textOffsets(): number[] {
    if (!this.#offsets) {
      const n = this.text.length
      const out = new Array<number>(n + 1)
      for (let i = 0; i < n; i++) out[i] = mapOffset(this.segs, this.from + i)
      out[n] = this.offsetAt(n)
      this.#offsets = out
    }
    return this.#offsets
  }

  get args(): Token[] {
    if (!this.#args) {
      const L = this.line
      const e = this.to
      const out: Token[] = []
      let i = this.from
      while (i < e) {
        while (i < e && isBlank(L.charCodeAt(i))) i++
        if (i >= e) break
        const s = i
        while (i < e && !isBlank(L.charCodeAt(i))) i++
        const start = mapOffset(this.segs, s)
        const end = mapOffset(this.segs, i - 1) + 1
        out.push({ start, end, range: this.lines.range(start, end), value: L.slice(s, i) })
      }
      this.#args = out
    }
    return this.#args
  }

  get properties(): Property[] {
    if (!this.#properties) {
      this.#properties = PROPERTY_KEYWORDS.has(this.keyword)
        ? readProperties(this, this.escapeChar, (s, e) => ({
            start: s,
            end: e,
            range: this.lines.range(s, e)
          }))
        : []
    }
    return this.#properties
  }

  get node(): AstInstruction {
    return this.resolveNode()
  }
}

/**
 * Offsets → positions for the model and its rules: an offset between the CR and the LF of a CRLF
 * (the end of a word that ends with the CR, as in a CRLF heredoc body, or of a span ending on the
 * line break) is the end of the line's content, since the CR belongs to the line terminator.
 */
class DocumentLines extends LineIndex {
  override position(offset: number): Position {
    const text = this.text
    const inCrlf = text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13
    return super.position(inCrlf ? offset - 1 : offset)
  }
}

/**
 * Reads a Dockerfile's syntax: the structure from dockerfile-ast (of the structural copy of the
 * text where it differs from BuildKit), then every piece from the original text. One method per
 * step; `parseDockerfileSyntax` runs them in order.
 */
class SyntaxReader {
  readonly n: number
  readonly lines: DocumentLines
  readonly ast: Dockerfile
  readonly off: (p: LspPosition) => number
  readonly directives: Directive[]
  readonly escape: string
  readonly escapeCode: number
  /** Offsets of lines holding only the escape character (see structuralText). */
  readonly bare: number[]
  /** Offsets of the comment lines met inside continuations (BuildKit drops them from the instruction). */
  readonly continuationComments = new Set<number>()
  readonly comments: Comment[] = []
  readonly instructions: SyntaxInstruction[] = []

  constructor(readonly text: string) {
    this.n = text.length
    const lines = (this.lines = new DocumentLines(text))
    // dockerfile-ast decides the structure. Where it reads the text differently from BuildKit in a
    // way that moves instruction boundaries, it parses a same-length copy with the difference
    // neutralized (see `structuralText`); everything else is read from the original text.
    let ast = DockerfileParser.parse(text)
    let off = lspOffsets(text, lines)
    const { directives, escape, mask } = readDirectives(ast, text, lines, off)
    const st = structuralText(text, escape, mask, directives)
    let structural = st.structural
    if (structural !== text) {
      ast = DockerfileParser.parse(structural)
      off = lspOffsets(structural, lines)
      // A lone `\r` made blank can open a `#x=y` line to dockerfile-ast's directive reading.
      const extra = ast.getDirectives()[directives.length]
      if (extra) {
        const at = off(extra.getRange().start) + 1
        structural = `${structural.slice(0, at)}=${structural.slice(at + 1)}`
        ast = DockerfileParser.parse(structural)
      }
    }
    this.ast = ast
    this.off = off
    this.directives = directives
    this.escape = escape
    this.escapeCode = escape.charCodeAt(0)
    this.bare = st.bare
  }

  readonly span = (start: number, end: number): Span => ({
    start,
    end,
    range: this.lines.range(start, end)
  })

  /** Just past the content of the physical line holding `from` (before `\r\n` / `\n`). */
  lineEnd(from: number): number {
    const text = this.text
    const nl = text.indexOf('\n', from)
    const end = nl === -1 ? this.n : nl
    return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end
  }

  /** Start of the physical line after the one holding `from`, or the end of the text. */
  nextLine(from: number): number {
    const nl = this.text.indexOf('\n', from)
    return nl === -1 ? this.n : nl + 1
  }

  /**
   * BuildKit's line continuation: the escape character ends the line (trailing blanks allowed) and
   * is not itself escaped. Returns its offset, or -1.
   */
  continuationAt(start: number, end: number): number {
    const text = this.text
    const escapeCode = this.escapeCode
    let k = end - 1
    while (k >= start && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--
    if (k < start || text.charCodeAt(k) !== escapeCode) return -1
    return k > start && text.charCodeAt(k - 1) === escapeCode ? -1 : k
  }

  /**
   * The logical line of an instruction starting at `start`: its physical lines joined at
   * continuations, blank and comment lines inside the continuation dropped, read no further than
   * `limit` (where dockerfile-ast ends the instruction).
   */
  logicalLine(start: number, limit: number): Logical {
    const text = this.text
    const segs: number[] = []
    const parts: string[] = []
    let joined = 0
    const append = (from: number, to: number): void => {
      parts.push(text.slice(from, to))
      segs.push(joined, from)
      joined += to - from
    }
    let end = this.lineEnd(start)
    let cont = this.continuationAt(start, end)
    append(start, cont === -1 ? end : cont)
    let last = end
    let at = this.nextLine(start)
    while (cont !== -1 && at < limit) {
      end = this.lineEnd(at)
      let first = at
      while (first < end && isSpace(text.charCodeAt(first))) first++
      if (first < end && text.charCodeAt(first) === 35 /* # */) this.continuationComments.add(first)
      else if (first < end) {
        cont = this.continuationAt(at, end)
        append(at, cont === -1 ? end : cont)
        last = end
      }
      at = this.nextLine(at)
    }
    return { text: parts.join(''), segs, end: last, next: at }
  }

  /** Step 1: the instructions, in order, each with its ONBUILD trigger and heredoc bodies. */
  readInstructions(): void {
    const { bare, off } = this
    let index = 0
    let bareAt = 0
    let previousEnd = -1
    for (const node of this.ast.getInstructions()) {
      const r = node.getRange()
      let start = off(r.start)
      const limit = off(r.end)
      // Lines holding only the escape character before it continue into it (see structuralText).
      while (bareAt < bare.length && bare[bareAt] < start) {
        if (bare[bareAt] > previousEnd && start === off(r.start)) start = bare[bareAt]
        bareAt++
      }
      previousEnd = limit
      const logical = this.logicalLine(start, limit)
      if (logical.text.trim() === '') continue
      const inst = this.buildInstruction(logical, index, undefined, node)
      const target = inst.trigger ?? inst
      if (HEREDOC_KEYWORDS.has(target.keyword) && logical.text.includes('<<')) {
        this.readHeredocs(inst, target, logical)
      }
      this.instructions.push(inst)
      index++
    }
    // Trailing lines of only the escape character: their comments belong to no instruction.
    for (; bareAt < bare.length; bareAt++) {
      if (bare[bareAt] > previousEnd) previousEnd = this.logicalLine(bare[bareAt], this.n).end
    }
  }

  /**
   * Step 2 (after the instructions, which find the comment lines inside continuations): the
   * comments. dockerfile-ast's comments are lines whose first non-blank is `#`; it misses those
   * inside a continued keyword (`RUN\` + newline) and takes `\#` after a continuation for one.
   */
  readComments(): void {
    const { text, off } = this
    const astComments = new Set<number>()
    for (const c of this.ast.getComments()) {
      const r = c.getRange()
      const hash = off(r.start)
      const lineStart = off({ line: r.start.line, character: 0 })
      let first = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart
      while (first < hash && isBlank(text.charCodeAt(first))) first++
      if (first !== hash) continue
      astComments.add(hash)
      this.comment(hash, off(r.end))
    }
    let added = false
    for (const hash of this.continuationComments) {
      if (astComments.has(hash)) continue
      this.comment(hash, this.lineEnd(hash))
      added = true
    }
    if (added) this.comments.sort((a, b) => a.start - b.start)
  }

  comment(hash: number, end: number): void {
    this.comments.push({
      start: hash,
      end,
      range: this.lines.range(hash, end),
      content: this.text.slice(hash + 1, end).trim(),
      inInstruction: this.continuationComments.has(hash)
    })
  }

  /**
   * Bodies of the heredocs dockerfile-ast found on the instruction line, each up to the line that
   * is exactly its name (leading tabs stripped for `<<-`). The delimiter lines are read from the
   * text: dockerfile-ast's `getDelimiterRange()` misses them after a body line holding the escape
   * character.
   */
  readHeredocs(inst: SyntaxInstruction, target: SyntaxInstruction, header: Logical): void {
    const { text, n, lines, off } = this
    const found = (target.node as unknown as { getHeredocs(): AstHeredoc[] }).getHeredocs()
    let pos = header.next
    for (const h of found) {
      const sr = h.getStartRange()
      let ms = off(sr.start)
      // Only markers of the instruction line (after an escape character in a body line,
      // dockerfile-ast can take a marker-like word of the body for one).
      if (ms >= header.end) break
      const me = off(sr.end)
      // A file descriptor prefix (`2<<EOF`) belongs to the marker (see structuralText).
      while (ms > 0 && isDigit(text.charCodeAt(ms - 1))) ms--
      const word = text.slice(ms, me)
      const name = h.getName()
      const stripTabs = /^\d*<<-/.test(word)
      const contentStart = pos
      let contentEnd = n
      let terminated = false
      while (pos < n) {
        const end = this.lineEnd(pos)
        let line = text.slice(pos, end)
        if (stripTabs) line = line.replace(LEADING_TABS, '')
        if (line === name) {
          terminated = true
          contentEnd = pos
          inst.end = end
          pos = this.nextLine(end)
          break
        }
        pos = this.nextLine(end)
      }
      if (!terminated) inst.end = n
      const marker: Token = { start: ms, end: me, range: lines.range(ms, me), value: word }
      target.heredocs.push({
        name,
        content: text.slice(contentStart, contentEnd),
        contentStart,
        contentEnd,
        stripTabs,
        quoted: /["']/.test(word),
        terminated,
        marker
      })
    }
    if (target.heredocs.length > 0) {
      inst.range = lines.range(inst.start, inst.end)
      target.json = undefined
      if (target !== inst) {
        target.end = inst.end
        target.range = lines.range(target.start, inst.end)
      }
    }
  }

  buildInstruction(
    logical: Logical,
    idx: number,
    onbuild: SyntaxInstruction | undefined,
    node: AstInstruction | (() => AstInstruction),
    from = 0
  ): SyntaxInstruction {
    const { lines, span } = this
    const L = logical.text
    const segs = logical.segs
    let k = from
    while (k < L.length && isBlank(L.charCodeAt(k))) k++
    const kwStart = k
    while (k < L.length && !isBlank(L.charCodeAt(k))) k++
    const keywordText = L.slice(kwStart, k)
    const keyword = keywordText.toUpperCase()
    const at = (i: number): number => (i < L.length ? mapOffset(segs, i) : logical.end)
    const after = (i: number): number => (i > 0 ? mapOffset(segs, i - 1) + 1 : mapOffset(segs, 0))
    const keywordSpan = span(at(kwStart), after(k))
    while (k < L.length && isBlank(L.charCodeAt(k))) k++

    let resolved: AstInstruction | undefined = typeof node === 'function' ? undefined : node
    const nodeOf = (): AstInstruction => (resolved ??= (node as () => AstInstruction)())
    const flags: Flag[] = []
    if (FLAG_KEYWORDS.has(keyword) && L.startsWith('--', k)) {
      k = this.readFlags(nodeOf(), L, k, flags, at, after)
    }

    let e = L.length
    while (e > k && isBlank(L.charCodeAt(e - 1))) e--
    const start = onbuild ? at(kwStart) : mapOffset(segs, 0)
    const inst = new InstructionNode(lines, this.escape, nodeOf, L, segs, k, e, logical.end, {
      start,
      end: logical.end,
      range: lines.range(start, logical.end),
      keyword,
      keywordText,
      keywordSpan,
      index: idx,
      onbuild,
      flags,
      argsSpan: e > k ? span(mapOffset(segs, k), mapOffset(segs, e - 1) + 1) : undefined
    })
    if (JSON_KEYWORDS.has(keyword)) inst.json = readJson(inst, span)
    if (keyword === 'ONBUILD' && !onbuild && e > k) {
      const trigger = (): AstInstruction => {
        const t = (
          nodeOf() as unknown as { getTriggerInstruction(): AstInstruction | null }
        ).getTriggerInstruction()
        if (!t) throw new Error(`dockerfile-ast has no ONBUILD trigger at offset ${start}`)
        return t
      }
      inst.trigger = this.buildInstruction(logical, idx, inst, trigger, k)
    }
    return inst
  }

  /**
   * BuildKit's flags: the leading `--name[=value]` words, `--` ending them. dockerfile-ast's
   * `getFlags()` names them; it splits on blanks inside quotes (`--from="a b"`) and ignores
   * escapes, so a flag holding a quote or an escape character is re-read from the text with
   * BuildKit's quote-aware split (`readFlagWords`).
   */
  readFlags(
    node: AstInstruction,
    L: string,
    k: number,
    out: Flag[],
    at: (i: number) => number,
    after: (i: number) => number
  ): number {
    const found = (node as unknown as { getFlags(): AstFlag[] }).getFlags()
    const from = k
    for (let f = 0; f < found.length; f++) {
      while (k < L.length && isBlank(L.charCodeAt(k))) k++
      // Only the leading words: dockerfile-ast also takes `--x` after a word containing `--`.
      if (!L.startsWith('--', k) || at(k) !== this.off(found[f].getRange().start)) break
      let e = k
      while (e < L.length && !isBlank(L.charCodeAt(e))) e++
      const raw = L.slice(k, e)
      if (QUOTE_OR_ESCAPE.test(raw)) {
        out.length = 0
        return readFlagWords(L, from, out, at, after, (s, e) => this.span(s, e))
      }
      if (raw === '--') {
        k = e
        break
      }
      const eq = raw.indexOf('=')
      const fs = at(k)
      const fe = after(e)
      out.push({
        start: fs,
        end: fe,
        range: this.lines.range(fs, fe),
        name: found[f].getName().toLowerCase(),
        value: found[f].getValue(),
        raw,
        valueSpan: eq === -1 ? undefined : this.span(at(k + eq + 1), fe)
      })
      k = e
    }
    while (k < L.length && isBlank(L.charCodeAt(k))) k++
    return k
  }
}

/** A Dockerfile's syntax: instructions, comments and directives with file offsets. */
export function parseDockerfileSyntax(path: string, text: string): DockerfileSyntax {
  const reader = new SyntaxReader(text)
  reader.readInstructions()
  reader.readComments()
  return {
    kind: 'dockerfile',
    path,
    text,
    lines: reader.lines,
    ast: reader.ast,
    escape: reader.escape,
    directives: reader.directives,
    comments: reader.comments,
    instructions: reader.instructions,
    span: reader.span
  }
}

/** Flag text that dockerfile-ast's blank split may cut or misread. */
const QUOTE_OR_ESCAPE = /["'\\]/
const LEADING_TABS = /^\t+/

/**
 * BuildKit's extractBuilderFlags over the joined text from `k`: leading `--name[=value]` words,
 * split on blanks outside quotes, quotes removed and `\` escaping the next character in the value;
 * `--` ends them. Returns the index after the flags (and the blanks after them).
 */
function readFlagWords(
  L: string,
  k: number,
  out: Flag[],
  at: (i: number) => number,
  after: (i: number) => number,
  span: (s: number, e: number) => Span
): number {
  for (;;) {
    while (k < L.length && isBlank(L.charCodeAt(k))) k++
    if (!L.startsWith('--', k)) return k
    const s = k
    let word = ''
    let quote = 0
    let eq = -1
    while (k < L.length) {
      const c = L.charCodeAt(k)
      if (quote) {
        if (c === quote) quote = 0
        else if (c === 92 && k + 1 < L.length) word += L[++k]
        else word += L[k]
        k++
        continue
      }
      if (isBlank(c)) break
      if (c === 34 || c === 39) quote = c
      else if (c === 92 && k + 1 < L.length) word += L[++k]
      else {
        if (c === 61 && eq === -1) eq = k
        word += L[k]
      }
      k++
    }
    if (word === '--') {
      while (k < L.length && isBlank(L.charCodeAt(k))) k++
      return k
    }
    const wordEq = word.indexOf('=')
    const whole = span(at(s), after(k))
    out.push({
      start: whole.start,
      end: whole.end,
      range: whole.range,
      name: (wordEq === -1 ? word.slice(2) : word.slice(2, wordEq)).toLowerCase(),
      value: wordEq === -1 ? null : word.slice(wordEq + 1),
      raw: L.slice(s, k),
      valueSpan: eq === -1 ? undefined : span(at(eq + 1), after(k))
    })
  }
}

/**
 * BuildKit's word processing without variable expansion: `"…"` and `'…'` quotes removed, the
 * escape character keeps the next character (inside double quotes only before `"`, `$`, the
 * escape character itself).
 */
export function unquote(word: string, escape = '\\'): string {
  if (!word.includes('"') && !word.includes("'") && !word.includes(escape)) return word
  let out = ''
  let quote = ''
  for (let i = 0; i < word.length; i++) {
    const c = word[i]
    if (quote === "'") {
      if (c === "'") quote = ''
      else out += c
    } else if (quote === '"') {
      if (c === '"') quote = ''
      else if (c === escape && i + 1 < word.length && '"$'.concat(escape).includes(word[i + 1]))
        out += word[++i]
      else out += c
    } else if (c === '"' || c === "'") quote = c
    else if (c === escape && i + 1 < word.length) out += word[++i]
    else out += c
  }
  return out
}

function readJson(
  inst: SyntaxInstruction,
  span: (s: number, e: number) => Span
): JsonForm | undefined {
  const t = inst.text
  if (t.charCodeAt(0) !== 91 /* [ */ || t.charCodeAt(t.length - 1) !== 93) return undefined
  let values: unknown
  try {
    values = JSON.parse(t)
  } catch {
    return undefined
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined
  // Locate each string literal in the joined text to get exact ranges.
  const items: Token[] = []
  const re = /"(?:[^"\\]|\\.)*"/g
  let m: RegExpExecArray | null
  let k = 0
  while ((m = re.exec(t)) && k < values.length) {
    const s = inst.offsetAt(m.index)
    const e = inst.offsetAt(m.index + m[0].length - 1) + 1
    items.push({ start: s, end: e, range: span(s, e).range, value: values[k] as string })
    k++
  }
  return {
    values: values as string[],
    items,
    span: span(inst.offsetAt(0), inst.offsetAt(t.length - 1) + 1)
  }
}

/**
 * ENV/LABEL/ARG pairs (BuildKit's parseNameVal / parseNameOrNameVal): words split on blanks outside
 * quotes; `ENV key value` without `=` is the legacy form whose value is the rest of the line.
 */
function readProperties(
  inst: SyntaxInstruction,
  escape: string,
  span: (s: number, e: number) => Span
): Property[] {
  const t = inst.text
  const at = (i: number): number => inst.offsetAt(i)
  const after = (i: number): number => (i > 0 ? inst.offsetAt(i - 1) + 1 : inst.offsetAt(0))
  const words: Array<[number, number]> = []
  let i = 0
  while (i < t.length) {
    while (i < t.length && isBlank(t.charCodeAt(i))) i++
    if (i >= t.length) break
    const s = i
    let quote = ''
    while (i < t.length) {
      const c = t[i]
      if (quote) {
        if (c === quote) quote = ''
        else if (c === escape && quote === '"') i++
      } else if (isBlank(t.charCodeAt(i))) break
      else if (c === '"' || c === "'") quote = c
      else if (c === escape) i++
      i++
    }
    words.push([s, Math.min(i, t.length)])
  }
  if (words.length === 0) return []
  const [fs, fe] = words[0]
  const firstWord = t.slice(fs, fe)
  /** A pair spanning `[s, e)` of the text, its name ending at `n`, its value starting at `v` (or none). */
  const pair = (
    s: number,
    e: number,
    n: number,
    v: number | undefined,
    legacy: boolean
  ): Property => {
    const whole = span(at(s), after(e))
    return {
      start: whole.start,
      end: whole.end,
      range: whole.range,
      name: unquote(t.slice(s, n), escape),
      nameSpan: span(at(s), after(n)),
      value: v === undefined ? null : unquote(t.slice(v, e), escape),
      valueSpan: v === undefined ? undefined : span(v < e ? at(v) : after(e), after(e)),
      legacy
    }
  }
  if (inst.keyword !== 'ARG' && !firstWord.includes('=')) {
    // Legacy `ENV key value…`: the value is the rest of the line.
    let vs = fe
    while (vs < t.length && isBlank(t.charCodeAt(vs))) vs++
    return [pair(fs, t.length, fe, vs < t.length ? vs : undefined, true)]
  }
  return words.map(([s, e]) => {
    const eq = t.indexOf('=', s)
    return eq === -1 || eq >= e ? pair(s, e, e, undefined, false) : pair(s, e, eq, eq + 1, false)
  })
}

/**
 * The shell script of a RUN: shell-form text; for `RUN <<EOF` (or `RUN <<EOF bash`, a shell that
 * reads the heredoc on stdin) the heredoc body; for a command that reads heredocs (`RUN python3
 * <<EOF`) the header with the bodies as here-documents.
 */
export function shellScript(inst: SyntaxInstruction, text: string): ShellScript | undefined {
  if (!inst.argsSpan) return undefined
  if (inst.heredocs.length === 0) return parseShell(inst.text, (i) => inst.offsetAt(i))
  const markers = new Set(inst.heredocs.map((h) => h.marker.start))
  const rest = inst.args.filter((a) => !markers.has(a.start) && !/^\d*[<>]/.test(a.value))
  const runsBody =
    rest.length === 0 ||
    (SHELLS.test(rest[0].value) &&
      rest.slice(1).every((a) => /^-[a-z]+$/i.test(a.value) && !a.value.includes('c')))
  if (runsBody) {
    const h = inst.heredocs[0]
    const firstLine = h.content.slice(0, h.content.indexOf('\n') + 1 || undefined)
    if (/^#!/.test(firstLine) && !/^#!\S*\b(sh|bash|ash|dash|ksh|mksh|zsh)\b/.test(firstLine)) {
      return undefined
    }
    return parseShell(h.content, (i) => h.contentStart + i)
  }
  // A command that reads heredocs: the header line plus the raw bodies.
  const n = inst.text.length
  const headerEnd = inst.offsetAt(n - 1) + 1
  const nl = text.indexOf('\n', headerEnd)
  const from = nl === -1 ? text.length : nl
  const tail = text.slice(from, inst.end)
  return parseShell(inst.text + tail, (i) => (i < n ? inst.offsetAt(i) : from + (i - n)))
}
