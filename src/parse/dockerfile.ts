import {
  type Dockerfile,
  type Flag as AstFlag,
  type Heredoc as AstHeredoc,
  type Instruction as AstInstruction
} from 'dockerfile-ast'
import { DockerfileParser } from './dockerfile-ast.js'
import { LineIndex } from '../core/text.js'
import type { Position, Range } from '../core/types.js'
import { parseShell, type ShellScript } from './shell.js'

/**
 * The Dockerfile model every rule reads: instructions with file offsets, stages with their parents,
 * variables in scope, and RUN bodies parsed by a shell parser on demand.
 *
 * dockerfile-ast parses the file: it decides the instructions and their lines, keywords, ONBUILD
 * triggers, flags, heredocs, parser directives, comments and the escape character. Its known bugs
 * are worked around by reading the source inside its ranges (research/aesthetics.md §6): arguments
 * are split on blanks from the joined argument text (continuations and comment lines removed), exec
 * form is `JSON.parse` of the source, heredoc bodies are not arguments, `FROM ${ARG}` is expanded
 * from ARG defaults, flags holding quotes are re-read quote-aware. Where it disagrees with
 * BuildKit's parser (`frontend/dockerfile/parser`) on structure — unknown or repeated parser
 * directives, an escaped escape character at the end of a line — it parses a same-length copy of
 * the text with that construct neutralized (`structuralText`), so the model stays BuildKit's.
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

export interface Instruction extends Span {
  /** Upper-case keyword (`RUN`). For ONBUILD triggers, the trigger's keyword. */
  keyword: string
  /** As written (`run`). */
  keywordText: string
  keywordSpan: Span
  /** dockerfile-ast's node for this instruction (a trigger's is made on first access). */
  node: AstInstruction
  /** Index among top-level instructions (triggers share their ONBUILD's index). */
  index: number
  /** The stage this instruction belongs to; undefined before the first FROM. */
  stage: Stage | undefined
  /** For a trigger inside `ONBUILD`, the ONBUILD instruction. */
  onbuild: Instruction | undefined
  /** For an `ONBUILD` instruction, its trigger. */
  trigger: Instruction | undefined
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

export interface ImageRef {
  /** As written, e.g. `${BASE}` or `docker.io/library/python:3.12@sha256:…`. */
  raw: string
  /** With ARG defaults substituted (global ARGs before the first FROM). */
  expanded: string
  /** True when `expanded` still holds a variable that has no default. */
  unresolved: boolean
  registry: string | undefined
  /** Repository path without registry, tag and digest (`library/python` keeps its slash). */
  name: string
  tag: string | undefined
  digest: string | undefined
}

export interface Stage {
  index: number
  from: Instruction
  image: ImageRef
  /** Lower-case alias (`AS build`), undefined without one. */
  name: string | undefined
  nameSpan: Span | undefined
  /** The earlier stage this one is built `FROM`, if any. */
  parent: Stage | undefined
  /** Top-level instructions of the stage, FROM first. */
  instructions: Instruction[]
  isLast: boolean
  /** Some later stage is built `FROM` this one. */
  usedAsBase: boolean
  /** The stage ends up in the final image: the last stage or an ancestor of it. */
  inFinalImage: boolean
  /** Some later stage copies from it (`COPY --from=<name|index>`) or mounts it (`RUN --mount=from=`). */
  copiedFrom: boolean
  /** Platform flag value if any. */
  platform: string | undefined
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

export interface DockerfileDoc {
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
  instructions: Instruction[]
  stages: Stage[]
  /** ARGs declared before the first FROM, name → default (null = no default). */
  globalArgs: Map<string, string | null>
  /** Lazily parsed shell script of a RUN (shell form or heredoc); undefined for exec form / non-POSIX shells. */
  shell(inst: Instruction): ShellScript | undefined
  /** The SHELL in effect for an instruction (`['/bin/sh','-c']` by default). */
  shellOf(inst: Instruction): string[]
  /**
   * Variables visible to an instruction, name → value (null = declared without a known value):
   * the stage's ARGs (global defaults for `ARG NAME` re-declarations) and ENVs before it, and the
   * ENVs of the stages it is built FROM. Values are defaults: build args may override them.
   */
  variables(inst: Instruction): Map<string, string | null>
  span(start: number, end: number): Span
}

const DEFAULT_SHELL = ['/bin/sh', '-c']
const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i
/** Instructions BuildKit reads flags for. */
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK'])
/** Instructions that may carry heredocs. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD'])
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'])
const PROPERTY_KEYWORDS = new Set(['ENV', 'LABEL', 'ARG'])
const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check'])
const SHELLS = /^(?:.*\/)?(sh|bash|ash|dash|ksh|mksh|zsh)$/

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Go's `unicode.IsSpace`, which BuildKit trims lines with to find the empty ones. */
function isSpace(c: number): boolean {
  return (
    isBlank(c) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

function isBlank(c: number): boolean {
  // space, tab, \v, \f, \r
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13
}

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
  Instruction,
  | 'start'
  | 'end'
  | 'range'
  | 'keyword'
  | 'keywordText'
  | 'keywordSpan'
  | 'index'
  | 'stage'
  | 'onbuild'
  | 'flags'
  | 'argsSpan'
>

/**
 * An instruction whose per-word data (`args`, `textOffsets`, `properties`) is computed on first use: most RUN words are never read as Dockerfile tokens (rules read the
 * shell parse), and building them eagerly dominated the parse.
 */
class InstructionNode implements Instruction {
  start: number
  end: number
  range: Range
  keyword: string
  keywordText: string
  keywordSpan: Span
  index: number
  stage: Stage | undefined
  onbuild: Instruction | undefined
  trigger: Instruction | undefined = undefined
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
    this.stage = init.stage
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

export function parseDockerfile(path: string, text: string): DockerfileDoc {
  const lines = new DocumentLines(text)
  const span = (start: number, end: number): Span => ({
    start,
    end,
    range: lines.range(start, end)
  })
  const n = text.length

  // dockerfile-ast decides the structure. Where it reads the text differently from BuildKit in a
  // way that moves instruction boundaries, it parses a same-length copy with the difference
  // neutralized (see `structuralText`); everything else is read from the original text.
  let ast = DockerfileParser.parse(text)
  let off = lspOffsets(text, lines)
  const { directives, escape, mask } = readDirectives(ast, text, lines, off)
  const st = structuralText(text, escape, mask, directives)
  const bare = st.bare
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
  const escapeCode = escape.charCodeAt(0)

  const comments: Comment[] = []
  const instructions: Instruction[] = []
  const stages: Stage[] = []
  const globalArgs = new Map<string, string | null>()
  let stage: Stage | undefined

  /** Just past the content of the physical line holding `from` (before `\r\n` / `\n`). */
  const lineEnd = (from: number): number => {
    const nl = text.indexOf('\n', from)
    const end = nl === -1 ? n : nl
    return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end
  }
  /** Start of the physical line after the one holding `from`, or the end of the text. */
  const nextLine = (from: number): number => {
    const nl = text.indexOf('\n', from)
    return nl === -1 ? n : nl + 1
  }

  /**
   * BuildKit's line continuation: the escape character ends the line (trailing blanks allowed) and
   * is not itself escaped. Returns its offset, or -1.
   */
  const continuationAt = (start: number, end: number): number => {
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
  /** Offsets of the comment lines met inside continuations (BuildKit drops them from the instruction). */
  const continuationComments = new Set<number>()
  const logicalLine = (start: number, limit: number): Logical => {
    const segs: number[] = []
    const parts: string[] = []
    let joined = 0
    const append = (from: number, to: number): void => {
      parts.push(text.slice(from, to))
      segs.push(joined, from)
      joined += to - from
    }
    let end = lineEnd(start)
    let cont = continuationAt(start, end)
    append(start, cont === -1 ? end : cont)
    let last = end
    let at = nextLine(start)
    while (cont !== -1 && at < limit) {
      end = lineEnd(at)
      let first = at
      while (first < end && isSpace(text.charCodeAt(first))) first++
      if (first < end && text.charCodeAt(first) === 35 /* # */) continuationComments.add(first)
      else if (first < end) {
        cont = continuationAt(at, end)
        append(at, cont === -1 ? end : cont)
        last = end
      }
      at = nextLine(at)
    }
    return { text: parts.join(''), segs, end: last, next: at }
  }

  const comment = (hash: number, end: number): void => {
    comments.push({
      start: hash,
      end,
      range: lines.range(hash, end),
      content: text.slice(hash + 1, end).trim(),
      inInstruction: continuationComments.has(hash)
    })
  }

  let index = 0
  let bareAt = 0
  let previousEnd = -1
  for (const node of ast.getInstructions()) {
    const r = node.getRange()
    let start = off(r.start)
    const limit = off(r.end)
    // Lines holding only the escape character before it continue into it (see structuralText).
    while (bareAt < bare.length && bare[bareAt] < start) {
      if (bare[bareAt] > previousEnd && start === off(r.start)) start = bare[bareAt]
      bareAt++
    }
    previousEnd = limit
    const logical = logicalLine(start, limit)
    if (logical.text.trim() === '') continue
    const inst = buildInstruction(logical, index, undefined, node)
    const target = inst.trigger ?? inst
    if (HEREDOC_KEYWORDS.has(target.keyword) && logical.text.includes('<<')) {
      readHeredocs(inst, target, logical)
    }
    addInstruction(inst)
    index++
  }
  // Trailing lines of only the escape character: their comments belong to no instruction.
  for (; bareAt < bare.length; bareAt++) {
    if (bare[bareAt] > previousEnd) previousEnd = logicalLine(bare[bareAt], n).end
  }

  // dockerfile-ast's comments are lines whose first non-blank is `#`; it misses those inside a
  // continued keyword (`RUN\` + newline) and takes `\#` after a continuation for one.
  const astComments = new Set<number>()
  for (const c of ast.getComments()) {
    const r = c.getRange()
    const hash = off(r.start)
    const lineStart = off({ line: r.start.line, character: 0 })
    let first = lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : lineStart
    while (first < hash && isBlank(text.charCodeAt(first))) first++
    if (first !== hash) continue
    astComments.add(hash)
    comment(hash, off(r.end))
  }
  let added = false
  for (const hash of continuationComments) {
    if (astComments.has(hash)) continue
    comment(hash, lineEnd(hash))
    added = true
  }
  if (added) comments.sort((a, b) => a.start - b.start)

  /**
   * Bodies of the heredocs dockerfile-ast found on the instruction line, each up to the line that
   * is exactly its name (leading tabs stripped for `<<-`). The delimiter lines are read from the
   * text: dockerfile-ast's `getDelimiterRange()` misses them after a body line holding the escape
   * character.
   */
  function readHeredocs(inst: Instruction, target: Instruction, header: Logical): void {
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
        const end = lineEnd(pos)
        let line = text.slice(pos, end)
        if (stripTabs) line = line.replace(LEADING_TABS, '')
        if (line === name) {
          terminated = true
          contentEnd = pos
          inst.end = end
          pos = nextLine(end)
          break
        }
        pos = nextLine(end)
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

  function addInstruction(inst: Instruction): void {
    if (inst.keyword === 'FROM') {
      stage = newStage(inst, stages, globalArgs, span)
      inst.stage = stage
      stages.push(stage)
    } else if (inst.keyword === 'ARG' && !stage) {
      for (const p of inst.properties) globalArgs.set(p.name, p.value)
    }
    stage?.instructions.push(inst)
    instructions.push(inst)
  }

  function buildInstruction(
    logical: Logical,
    idx: number,
    onbuild: Instruction | undefined,
    node: AstInstruction | (() => AstInstruction),
    from = 0
  ): Instruction {
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
      k = readFlags(nodeOf(), L, k, flags, at, after)
    }

    let e = L.length
    while (e > k && isBlank(L.charCodeAt(e - 1))) e--
    const start = onbuild ? at(kwStart) : mapOffset(segs, 0)
    const inst = new InstructionNode(lines, escape, nodeOf, L, segs, k, e, logical.end, {
      start,
      end: logical.end,
      range: lines.range(start, logical.end),
      keyword,
      keywordText,
      keywordSpan,
      index: idx,
      stage,
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
      inst.trigger = buildInstruction(logical, idx, inst, trigger, k)
    }
    return inst
  }

  /**
   * BuildKit's flags: the leading `--name[=value]` words, `--` ending them. dockerfile-ast's
   * `getFlags()` names them; it splits on blanks inside quotes (`--from="a b"`) and ignores
   * escapes, so a flag holding a quote or an escape character is re-read from the text with
   * BuildKit's quote-aware split (`readFlagWords`).
   */
  function readFlags(
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
      if (!L.startsWith('--', k) || at(k) !== off(found[f].getRange().start)) break
      let e = k
      while (e < L.length && !isBlank(L.charCodeAt(e))) e++
      const raw = L.slice(k, e)
      if (QUOTE_OR_ESCAPE.test(raw)) {
        out.length = 0
        return readFlagWords(L, from, out, at, after, (s, e) => span(s, e))
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
        range: lines.range(fs, fe),
        name: found[f].getName().toLowerCase(),
        value: found[f].getValue(),
        raw,
        valueSpan: eq === -1 ? undefined : span(at(k + eq + 1), fe)
      })
      k = e
    }
    while (k < L.length && isBlank(L.charCodeAt(k))) k++
    return k
  }

  linkStages(stages)

  const shells = new Map<Instruction, ShellScript | undefined>()
  const shellOf = (inst: Instruction): string[] => {
    const target = inst.onbuild ?? inst
    const st = target.stage
    if (!st) return DEFAULT_SHELL
    for (let s: Stage | undefined = st; s; s = s.parent) {
      const list = s.instructions
      for (let k = list.length - 1; k >= 0; k--) {
        const i = list[k]
        if (s === st && i.index >= target.index) continue
        if (i.keyword === 'SHELL' && i.json) return i.json.values
      }
    }
    return DEFAULT_SHELL
  }
  const hadolintShellPragma = readShellPragma(comments)

  const scopes = new Map<Stage, ScopeEvent[]>()
  const variables = (inst: Instruction): Map<string, string | null> => {
    const target = inst.onbuild ?? inst
    const out = new Map<string, string | null>()
    const st = target.stage
    if (!st) {
      for (const i of instructions) {
        if (i.index >= target.index || i.keyword === 'FROM') break
        if (i.keyword === 'ARG') for (const p of i.properties) out.set(p.name, p.value)
      }
      return out
    }
    const chain: Stage[] = []
    for (let s: Stage | undefined = st; s; s = s.parent) chain.unshift(s)
    for (const s of chain) {
      let events = scopes.get(s)
      if (!events) {
        events = scopeEvents(s, globalArgs)
        scopes.set(s, events)
      }
      for (const ev of events) {
        if (s === st && ev.index >= target.index) break
        // ARGs do not cross into stages built FROM this one; ENVs do.
        if (ev.arg && s !== st) continue
        out.set(ev.name, ev.value === null ? null : expandVariables(ev.value, out).value)
      }
    }
    return out
  }

  return {
    kind: 'dockerfile',
    path,
    text,
    lines,
    ast,
    escape,
    directives,
    comments,
    instructions,
    stages,
    globalArgs,
    span,
    shellOf,
    variables,
    shell(inst) {
      if (inst.keyword !== 'RUN' || inst.json) return undefined
      if (shells.has(inst)) return shells.get(inst)
      let script: ShellScript | undefined
      const shell = shellOf(inst)
      const posix =
        escape !== '`' &&
        !NON_POSIX.test(shell[0] ?? '') &&
        !(hadolintShellPragma && NON_POSIX.test(hadolintShellPragma) && shell === DEFAULT_SHELL)
      if (posix) script = shellScript(inst, text)
      shells.set(inst, script)
      return script
    }
  }
}

/** Flag text that dockerfile-ast's blank split may cut or misread. */
const QUOTE_OR_ESCAPE = /["'\\]/

interface LspPosition {
  line: number
  character: number
}

/**
 * dockerfile-ast's positions (0-based line and UTF-16 character; lines end at `\r\n`, `\n` and a
 * lone `\r`, as in vscode-languageserver-textdocument) → file offsets.
 */
function lspOffsets(text: string, lines: LineIndex): (p: LspPosition) => number {
  let starts = lines.starts
  if (LONE_CR.test(text)) {
    starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++
      if (c === 10 || c === 13) starts.push(i + 1)
    }
  }
  return (p) => Math.min((starts[p.line] ?? text.length) + p.character, text.length)
}
const LONE_CR = /\r(?!\n)/
const LEADING_TABS = /^\t+/

/**
 * BuildKit's parser directives among the ones dockerfile-ast reads: a run of `#name=value` lines at
 * the top with known names, each once, `#` first on its line. dockerfile-ast also takes unknown
 * names, repeats and indented ones, and keeps reading after them; `mask` is then the offset just
 * after the `#` of the first line BuildKit does not take (-1 when they agree).
 */
function readDirectives(
  ast: Dockerfile,
  text: string,
  lines: LineIndex,
  off: (p: LspPosition) => number
): { directives: Directive[]; escape: string; mask: number } {
  const directives: Directive[] = []
  const seen = new Set<string>()
  let escape = '\\'
  for (const d of ast.getDirectives()) {
    const r = d.getRange()
    let start = off({ line: r.start.line, character: 0 })
    if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1
    const end = off(r.end)
    const m = DIRECTIVE.exec(text.slice(start, end))
    const name = m?.[1].toLowerCase()
    if (!m || !name || !KNOWN_DIRECTIVES.has(name) || seen.has(name)) {
      return { directives, escape, mask: off(r.start) + 1 }
    }
    seen.add(name)
    directives.push({
      start,
      end,
      range: lines.range(start, end),
      name,
      value: m[2]
    })
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2]
  }
  return { directives, escape, mask: -1 }
}

/**
 * The text dockerfile-ast should parse for BuildKit's structure, same length as `text`, and the
 * offsets of the lines holding only the escape character:
 * - the directive line BuildKit stops at gets `=` right after its `#` (`mask`): dockerfile-ast
 *   reads `#=…` as a comment and stops reading directives there;
 * - an escape character that ends a line after another one (`C:\\`) is no continuation for
 *   BuildKit (`([^\\])\\[ \t]*$`), but is for dockerfile-ast: the last one becomes `_`;
 * - a line holding only the escape character continues into the next line for BuildKit, while
 *   dockerfile-ast reads it as an instruction named `\`: it becomes blank (the instruction then
 *   starts at the escape, see `parseDockerfile`);
 * - `\<<EOF` is no heredoc for BuildKit (it keeps escapes when it looks for them) but is for
 *   dockerfile-ast, which unescapes first: the escape becomes `_`;
 * - `cat 2<<EOF` is a heredoc for BuildKit (file descriptor prefix), not for dockerfile-ast: the
 *   digits become blanks (the marker keeps them, see `readHeredocs`);
 * - a `\r` without `\n` ends a line for dockerfile-ast, not for BuildKit: it becomes a blank;
 * - a line of blanks with a Unicode space (U+00A0, U+2028, …) is empty for BuildKit, text for
 *   dockerfile-ast: they become plain blanks;
 * - an escaped blank before the continuation (`a\\ \\`) hides the continuation from dockerfile-ast:
 *   the first escape becomes `_`;
 * - `\\#` or `\\ x` first on a line is text for BuildKit; after a continuation dockerfile-ast
 *   reads the first as a comment and keeps continuing after both: the escape becomes `_`;
 * - comment lines after a keyword continued with no blank before the escape (`RUN\\`) are dropped
 *   by BuildKit, but dockerfile-ast reads them into the keyword and ends the instruction there: they
 *   become blank (the model still lists them as comments, see `logicalLine`).
 */
function structuralText(
  text: string,
  escape: string,
  mask: number,
  directives: Directive[]
): { structural: string; bare: number[] } {
  const bare: number[] = []
  const from = directives.length > 0 ? directives[directives.length - 1].end : 0
  const backtick = escape === '`'
  /** [pattern, what to replace (the match's `last` character, all of it, or see below), by what] */
  const masks: Array<[RegExp, 'last' | 'all' | 'none', string]> = [
    [backtick ? ESCAPED_BACKTICK_EOL : ESCAPED_BACKSLASH_EOL, 'last', '_'],
    [backtick ? BARE_BACKTICK_LINE : BARE_BACKSLASH_LINE, 'all', ' '],
    [backtick ? BACKTICK_HEREDOC : BACKSLASH_HEREDOC, 'all', '_'],
    [FD_HEREDOC, 'all', ' '],
    [LONE_CR_GLOBAL, 'all', ' '],
    [UNICODE_BLANK_LINE, 'all', ' '],
    [backtick ? SPACED_BACKTICK_EOL : SPACED_BACKSLASH_EOL, 'all', '_'],
    [backtick ? BACKTICK_HASH : BACKSLASH_HASH, 'all', '_'],
    [backtick ? KEYWORD_BACKTICK_CONTINUATION : KEYWORD_BACKSLASH_CONTINUATION, 'none', ' ']
  ]
  let chars: string[] | undefined
  const memo = { line: -1, inside: false }
  const heredocs = text.includes('<<')
  for (const [re, what, by] of masks) {
    if (!heredocs && (re === FD_HEREDOC || re === BACKSLASH_HEREDOC || re === BACKTICK_HEREDOC))
      continue
    if (re === LONE_CR_GLOBAL && !text.includes('\r')) continue
    re.lastIndex = from
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length
      if (re === BARE_BACKSLASH_LINE || re === BARE_BACKTICK_LINE) {
        // Inside a continuation dockerfile-ast reads it right.
        const line = text.lastIndexOf('\n', m.index) + 1
        if (insideContinuation(text, line, escape.charCodeAt(0), memo)) continue
        bare.push(m.index)
      }
      chars ??= text.split('')
      if (what === 'none') {
        blankKeywordComments(text, chars, end, escape.charCodeAt(0))
        continue
      }
      for (let c = what === 'last' ? end - 1 : m.index; c < end; c++) {
        if (chars[c] !== '\n' && (chars[c] !== '\r' || re === LONE_CR_GLOBAL)) chars[c] = by
      }
    }
  }
  if (mask !== -1) {
    chars ??= text.split('')
    chars[mask] = '='
  }
  return { structural: chars ? chars.join('') : text, bare }
}
/**
 * Whether the line starting at `lineStart` continues an instruction: the nearest line before it
 * that is not blank, a comment or only the escape character ends with a continuation.
 */
function insideContinuation(
  text: string,
  lineStart: number,
  escapeCode: number,
  /** The last line asked about: a run of escape-only lines is walked once. */
  memo: { line: number; inside: boolean }
): boolean {
  memo.inside = walkBack(text, lineStart, escapeCode, memo)
  memo.line = lineStart
  return memo.inside
}

function walkBack(
  text: string,
  lineStart: number,
  escapeCode: number,
  memo: { line: number; inside: boolean }
): boolean {
  let next = lineStart
  while (next > 0) {
    if (next === memo.line) return memo.inside
    const start = next >= 2 ? text.lastIndexOf('\n', next - 2) + 1 : 0
    let end = next - 1
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    next = start
    let first = start
    while (first < end && isBlank(text.charCodeAt(first))) first++
    let last = end - 1
    while (last > first && isBlank(text.charCodeAt(last))) last--
    if (first === end || text.charCodeAt(first) === 35 /* # */) continue
    if (last === first && text.charCodeAt(first) === escapeCode) continue
    return text.charCodeAt(last) === escapeCode && text.charCodeAt(last - 1) !== escapeCode
  }
  return false
}

/**
 * After a keyword continued with no blank before the escape (`from`: just past the escape), blank
 * the comment lines among the blank, comment and escape-only lines that follow.
 */
function blankKeywordComments(
  text: string,
  chars: string[],
  from: number,
  escapeCode: number
): void {
  let at = text.indexOf('\n', from) + 1
  while (at > 0 && at < text.length) {
    const nl = text.indexOf('\n', at)
    const end = nl === -1 ? text.length : nl
    let first = at
    while (first < end && isBlank(text.charCodeAt(first))) first++
    let last = end - 1
    while (last > first && isBlank(text.charCodeAt(last))) last--
    if (first < end && text.charCodeAt(first) === 35 /* # */) {
      for (let c = first; c < end; c++) if (chars[c] !== '\r') chars[c] = ' '
    } else if (first < end && !(last === first && text.charCodeAt(first) === escapeCode)) return
    at = nl + 1
  }
}

const ESCAPED_BACKSLASH_EOL = /\\\\(?=[ \t]*\r?(?:\n|$))/g
const ESCAPED_BACKTICK_EOL = /``(?=[ \t]*\r?(?:\n|$))/g
const BARE_BACKSLASH_LINE = /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*\\)(?=[ \t]*\r?(?:\n|$))/g
const BARE_BACKTICK_LINE = /`(?<=(?:^\uFEFF?|\n)[ \t\r]*`)(?=[ \t]*\r?(?:\n|$))/g
const BACKSLASH_HEREDOC = /\\(?=<<)/g
const BACKTICK_HEREDOC = /`(?=<<)/g
const FD_HEREDOC = /(?<=[^ \t\r\n\uFEFF][ \t\r]+)\d+(?=<<)/g
const LONE_CR_GLOBAL = /\r(?!\n)/g
/**
 * A line of blanks holding one of the other characters Go's `unicode.IsSpace` accepts (U+00A0,
 * U+2028, U+3000, …): BuildKit skips it as an empty line (inside a continuation too), dockerfile-ast
 * reads text there.
 */
const UNICODE_BLANK_LINE =
  /(?<=^|\n)[ \t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][ \t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?=\n|$)/g
// A lone `\r` after the escape counts as the blank it becomes for dockerfile-ast.
const BACKSLASH_HASH = /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*\\)(?=#|[ \t\r]+[^ \t\r\n])/g
const BACKTICK_HASH = /`(?<=(?:^\uFEFF?|\n)[ \t\r]*`)(?=#|[ \t\r]+[^ \t\r\n])/g
const KEYWORD_BACKSLASH_CONTINUATION =
  /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*(?!#)[^ \t\r\n]*[^ \t\r\n\\]\\)(?=[ \t]*\r?\n)/g
const KEYWORD_BACKTICK_CONTINUATION =
  /`(?<=(?:^\uFEFF?|\n)[ \t\r]*(?!#)[^ \t\r\n]*[^ \t\r\n`]`)(?=[ \t]*\r?\n)/g
const SPACED_BACKSLASH_EOL = /\\(?=[ \t]+\\[ \t]*\r?(?:\n|$))/g
const SPACED_BACKTICK_EOL = /`(?=[ \t]+`[ \t]*\r?(?:\n|$))/g

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

interface ScopeEvent {
  index: number
  name: string
  value: string | null
  arg: boolean
}

/** ARG and ENV declarations of a stage, in order (global ARG defaults applied to re-declarations). */
function scopeEvents(stage: Stage, globalArgs: Map<string, string | null>): ScopeEvent[] {
  const events: ScopeEvent[] = []
  for (const inst of stage.instructions) {
    if (inst.keyword === 'ARG') {
      for (const p of inst.properties) {
        const value = p.value ?? (globalArgs.has(p.name) ? globalArgs.get(p.name)! : null)
        events.push({ index: inst.index, name: p.name, value, arg: true })
      }
    } else if (inst.keyword === 'ENV') {
      for (const p of inst.properties) {
        events.push({ index: inst.index, name: p.name, value: p.value ?? '', arg: false })
      }
    }
  }
  return events
}

function readShellPragma(comments: Comment[]): string | undefined {
  for (const c of comments) {
    const m = /^\s*hadolint\s+shell\s*=\s*(\S+)/.exec(c.content)
    if (m) return m[1]
  }
  return undefined
}

function newStage(
  from: Instruction,
  stages: Stage[],
  globalArgs: Map<string, string | null>,
  span: (s: number, e: number) => Span
): Stage {
  const words = from.args
  const imageToken = words[0]
  let name: string | undefined
  let nameSpan: Span | undefined
  if (words.length >= 3 && words[1].value.toLowerCase() === 'as') {
    name = words[2].value.toLowerCase()
    nameSpan = span(words[2].start, words[2].end)
  }
  const platform = from.flags.find((f) => f.name === 'platform')?.value ?? undefined
  return {
    index: stages.length,
    from,
    image: parseImageRef(imageToken?.value ?? '', globalArgs),
    name,
    nameSpan,
    parent: undefined,
    instructions: [],
    isLast: false,
    usedAsBase: false,
    inFinalImage: false,
    copiedFrom: false,
    platform
  }
}

function linkStages(stages: Stage[]): void {
  const byName = new Map<string, Stage>()
  stages.forEach((stage) => {
    const ref = stage.image.expanded.toLowerCase()
    stage.parent = byName.get(ref)
    if (stage.parent) stage.parent.usedAsBase = true
    if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage)
  })
  // COPY --from / RUN --mount=from= references to earlier stages (by name or index).
  stages.forEach((stage) => {
    const refer = (value: string | null): void => {
      if (!value) return
      const v = value.toLowerCase()
      const target = /^\d+$/.test(v) ? stages[Number(v)] : byName.get(v)
      if (target && target.index < stage.index) target.copiedFrom = true
    }
    for (const inst of stage.instructions) {
      const i = inst.trigger ?? inst
      for (const f of i.flags) {
        if (f.name === 'from' && (i.keyword === 'COPY' || i.keyword === 'ADD')) refer(f.value)
        else if (f.name === 'mount' && f.value) {
          const m = /(?:^|,)from=([^,]+)/.exec(f.value)
          if (m) refer(m[1])
        }
      }
    }
  })
  const last = stages[stages.length - 1]
  if (last) last.isLast = true
  for (let s: Stage | undefined = last; s; s = s.parent) s.inFinalImage = true
}

/** Substitute `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` from `vars`; unknown stay. */
export function expandVariables(
  value: string,
  vars: Map<string, string | null>
): { value: string; unresolved: boolean } {
  if (!value.includes('$')) return { value, unresolved: false }
  let unresolved = false
  const out = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      match,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const name = braced ?? bare!
      const known = vars.has(name)
      const v = vars.get(name)
      const set = known && v !== null && v !== undefined
      const nonEmpty = set && v !== ''
      if (op === ':-' || op === '-') {
        if (op === ':-' ? nonEmpty : set) return v!
        return word ?? ''
      }
      if (op === ':+' || op === '+') return (op === ':+' ? nonEmpty : set) ? (word ?? '') : ''
      if (set) return v!
      unresolved = true
      return match
    }
  )
  return { value: out, unresolved }
}

export function parseImageRef(raw: string, vars: Map<string, string | null>): ImageRef {
  // BuildKit expands variables and removes quotes anywhere in the word (`img:"${TAG}"`).
  const expansion = expandVariables(raw, vars)
  const expanded = unquote(expansion.value)
  const unresolved = expansion.unresolved
  let rest = expanded
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
  }
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
  }
  let registry: string | undefined
  const slash = rest.indexOf('/')
  if (slash !== -1) {
    const first = rest.slice(0, slash)
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first
      rest = rest.slice(slash + 1)
    }
  }
  return { raw, expanded, unresolved, registry, name: rest, tag, digest }
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

/**
 * Join a continued instruction as Docker does: an escape character that ends a line (trailing
 * blanks allowed) joins it with the next; comment lines and blank lines inside the continuation
 * are dropped. Returns the joined text and the file offset of each of its characters.
 */
export function joinContinuations(
  text: string,
  start: number,
  end: number,
  escape: string
): [string, number[]] {
  let out = ''
  const offsets: number[] = []
  let i = start
  while (i < end) {
    const c = text[i]
    if (c === escape) {
      let j = i + 1
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++
      if (text[j] === '\r' && text[j + 1] === '\n') j++
      if (text[j] === '\n' || j >= end) {
        i = j + 1
        // drop blank lines and comment lines that follow a continuation
        for (;;) {
          let k = i
          while (k < end && (text[k] === ' ' || text[k] === '\t')) k++
          if (
            k < end &&
            (text[k] === '#' || text[k] === '\n' || (text[k] === '\r' && text[k + 1] === '\n'))
          ) {
            const nl = text.indexOf('\n', k)
            if (nl === -1 || nl >= end) {
              i = end
              break
            }
            i = nl + 1
          } else break
        }
        continue
      }
    }
    if (c === '\r' && text[i + 1] === '\n') {
      i++
      continue
    }
    out += c
    offsets.push(i)
    i++
  }
  offsets.push(Math.min(end, text.length))
  return [out, offsets]
}

function readJson(inst: Instruction, span: (s: number, e: number) => Span): JsonForm | undefined {
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
  inst: Instruction,
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
function shellScript(inst: Instruction, text: string): ShellScript | undefined {
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
