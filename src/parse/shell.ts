import { createRequire } from 'node:module'
import { CommandCollector, EXPANDS, failed, unescape } from './shell-common.js'
import { plain } from './shell-plain.js'
import { overLimit, shellShape, type ShellLimits } from './shell-limits.js'

/**
 * RUN bodies through a real shell parser — mvdan/sh (the parser behind shfmt, GopherJS build) — with
 * every word and command located in the *file*: the caller passes the script text and, for each
 * script character, the file offset it came from (line continuations removed, heredoc bodies
 * mapped).
 *
 * Speed, without a parser of our own:
 * - mvdan-sh's public wrappers convert every node through reflection; we walk the plain Go structs
 *   under `__internal_object__` instead (fields are properties, slices are `{$array, $offset,
 *   $length}`, the node type is `constructor.string`, positions are UTF-8 byte offsets);
 * - results are memoized by script text (bounded LRU) in script coordinates and moved to file
 *   offsets per call: official-image repos repeat RUN bodies across variants, PRs across files;
 * - the common forms (command lists of quoted, escaped and simply expanded words, declarations,
 *   `if`/`while`/`until`/`for`/`case`, groups and subshells: shell-plain.ts) are read by a parser
 *   of our own that gives exactly mvdan/sh's reading (a differential test over every RUN body of
 *   the corpus and generated scripts holds it to that); everything else goes to mvdan/sh.
 */

export interface ShellWord {
  /** Value after quote removal when the word is fully literal; otherwise the raw text. */
  value: string
  raw: string
  /** True when the word has no expansions (`$x`, `$(…)`, backticks); globs are literal text here. */
  literal: boolean
  /** File offsets, end exclusive. */
  start: number
  end: number
}

export interface ShellCommand {
  /** The command name (`apt-get`), '' when the call has only assignments. */
  name: string
  /** All words: `words[0]` is the name. */
  words: ShellWord[]
  /** Arguments after the name. */
  args: ShellWord[]
  /** Prefix assignments (`FOO=1 cmd`) as `NAME=value` raw text. */
  assigns: string[]
  /** File offsets of the whole call (assignments and redirections included), end exclusive. */
  start: number
  end: number
  /** Position in source order among all commands of the script. */
  index: number
  /** Inside a pipeline (`a | b`). */
  piped: boolean
  /** Inside a command or process substitution (`$(…)`, backticks, `<(…)`). */
  substituted: boolean
  /** Inside a subshell `( … )` (not a substitution). */
  subshell: boolean
  /** In the condition of an `if`/`while`/`until`. */
  conditional: boolean
  /** The operator that follows the command in its list (`&&`, `||`, `;`, `&`, `|`, '\n'), '' at the end. */
  next: string
  /** File offset just past that operator ('' → `end`). */
  nextEnd: number
}

export interface ShellError {
  message: string
  /** File offset. */
  offset: number
}

export interface ShellScript {
  text: string
  commands: ShellCommand[]
  /** Set when the script does not parse as bash; `commands` then come from `fallback`. */
  error?: ShellError
  /**
   * Set when the script was not parsed at all because it is beyond SHELL_PARSE_LIMITS: why, in
   * words that quote nothing from it (`error` is set too; `commands` come from the fallback).
   */
  limit?: string
  /** Any `|` or `|&` pipeline anywhere in the script. */
  hasPipe: boolean
}

/**
 * Parse `text`; `offsets[i]` (or `offsets(i)`) is the file offset of `text[i]` (`offsets.length ===
 * text.length + 1`, the last entry being the file offset just past the script).
 */
export function parseShell(
  text: string,
  offsets: number[] | ((index: number) => number)
): ShellScript {
  const at =
    typeof offsets === 'function'
      ? (k: number): number => offsets(Math.min(k, text.length))
      : (k: number): number => offsets[Math.min(k, offsets.length - 1)]
  return locate(parsed(text), at)
}

/** mvdan/sh's reading of `text` in script coordinates (no cache, no fast path). */
export function mvdanScript(text: string): ShellScript {
  return mvdan(text)
}

/** The fast path's reading of `text` in script coordinates, or undefined when it is not plain. */
export function plainScript(text: string): ShellScript | undefined {
  return plain(text)
}

export interface ShellStats {
  calls: number
  /** Calls answered from the cache. */
  hits: number
  /** Distinct scripts read by the fast path / by mvdan/sh. */
  plain: number
  mvdan: number
  /** Distinct scripts that do not parse. */
  errors: number
}

const stats: ShellStats = { calls: 0, hits: 0, plain: 0, mvdan: 0, errors: 0 }

/** Counters since the last reset (benchmarks). */
export function shellStats(): ShellStats {
  return { ...stats }
}

/** Empty the cache and the counters (benchmarks measure cold runs). */
export function resetShellCache(): void {
  cache.clear()
  stats.calls = stats.hits = stats.plain = stats.mvdan = stats.errors = 0
}

/**
 * What a script may be for us to parse it, the same on every machine: mvdan/sh recurses on
 * nesting and on `&&`/`||`/`|` chains and overflowed Node's default stack at 130 nested
 * arithmetic parentheses, 326 nested `"$(`, 468 nested `$(` and a chain of 3,437 commands; these
 * limits stay far below (and far above the corpus: at most 4.6 KB, depth 6, 90 commands, a chain
 * of 50), so a stack overflow never decides what a script is. A script beyond them is not parsed:
 * rules get the fallback's rough commands and DR0011 reports it.
 */
export const SHELL_PARSE_LIMITS: ShellLimits = {
  bytes: 256 * 1024,
  depth: 48,
  substitutions: Number.POSITIVE_INFINITY,
  commands: 5_000,
  chain: 512,
  names: Number.POSITIVE_INFINITY
}

const NOT_PARSED = 'not parsed'
/** mvdan/sh threw something that is not a syntax error (a Go panic): reported as a parse error. */
const PANIC = 'the shell parser failed on this script'

// ---------------------------------------------------------------------------------------------
// Cache: scripts in script coordinates (offsets are indices into the text), moved per call.
// 512 recent scripts: repeats sit close together (a repository's variants of one Dockerfile), and
// 4,096 held ~26 MB at the end of a corpus run for no speed (CLI over the 2,114 corpus Dockerfiles:
// peak RSS 220-230 → 204-210 MB on Node 20, ~400 → 365-378 MB on Node 24, same CPU and output).

const CACHE_LIMIT = 512
const cache = new Map<string, ShellScript>()

function parsed(text: string): ShellScript {
  stats.calls++
  let script = cache.get(text)
  if (script) {
    stats.hits++
    // Least recently used first: re-insert on a hit.
    cache.delete(text)
    cache.set(text, script)
    return script
  }
  const over = overLimit(shellShape(text), SHELL_PARSE_LIMITS)
  const fast = over === undefined ? plain(text) : undefined
  if (over !== undefined) {
    stats.errors++
    script = failed(text, `${NOT_PARSED}: ${over}`, 0)
    script.limit = over
  } else if (fast) {
    stats.plain++
    script = fast
  } else {
    stats.mvdan++
    script = mvdan(text)
    if (script.error) stats.errors++
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(text, script)
  return script
}

/** A fresh copy of a script-coordinate script with file offsets. */
function locate(script: ShellScript, at: (k: number) => number): ShellScript {
  const commands = new Array<ShellCommand>(script.commands.length)
  for (let k = 0; k < commands.length; k++) {
    const c = script.commands[k]
    const words = new Array<ShellWord>(c.words.length)
    for (let j = 0; j < words.length; j++) {
      const w = c.words[j]
      words[j] = {
        value: w.value,
        raw: w.raw,
        literal: w.literal,
        start: at(w.start),
        end: at(w.end)
      }
    }
    commands[k] = {
      name: c.name,
      words,
      args: words.slice(1),
      assigns: c.assigns.slice(),
      start: at(c.start),
      end: at(c.end),
      index: k,
      piped: c.piped,
      substituted: c.substituted,
      subshell: c.subshell,
      conditional: c.conditional,
      next: c.next,
      nextEnd: at(c.nextEnd)
    }
  }
  const out: ShellScript = { text: script.text, commands, hasPipe: script.hasPipe }
  if (script.error) out.error = { message: script.error.message, offset: at(script.error.offset) }
  if (script.limit !== undefined) out.limit = script.limit
  return out
}

// ---------------------------------------------------------------------------------------------
// mvdan/sh over its Go structs.

interface GoPos {
  offs: number
  lineCol: number
}
type GoNode = { [field: string]: unknown } & {
  constructor: { string?: string }
  Pos(): GoPos
  End(): GoPos
}
interface GoSlice {
  $array: GoNode[]
  $offset: number
  $length: number
}
interface ShParser {
  Parse(src: string, name: string): { __internal_object__: GoNode }
}
interface ShSyntax {
  NewParser(...options: unknown[]): ShParser
  KeepComments(keep: boolean): unknown
  Variant(lang: unknown): unknown
  LangBash: unknown
  Walk(node: unknown, visit: (node: { Pos(): { Offset(): number } } | null) => boolean): void
  NodeType(node: unknown): string
}
interface ShError {
  Text?: string
  Pos?: { Offset(): number }
}

let loaded: ShSyntax | undefined

/**
 * mvdan/sh, loaded on first use: evaluating it costs ~20 MB and ~60 ms, which a run over compose
 * files or plain RUNs alone never needs. ncc sees `require(…)`: the action bundles the module,
 * evaluated at this call; the CLI keeps it in a file of its own, read at this call
 * (scripts/package.mjs). Plain ESM (tsx, vitest, node) has no `require` and takes createRequire.
 */
function shSyntax(): ShSyntax {
  if (loaded) return loaded
  const load = typeof require === 'function' ? require : createRequire(import.meta.url)
  loaded = (load('mvdan-sh') as { syntax: ShSyntax }).syntax
  return loaded
}
let parser: ShParser | undefined

/** The node type (`*syntax.CallExpr`), '' for a nil pointer or interface. */
function typeOf(node: unknown): string {
  if (!node) return ''
  const n = node as GoNode
  return n.constructor.string !== undefined && n !== (n.constructor as { nil?: unknown }).nil
    ? n.constructor.string
    : ''
}

function slice(value: unknown): GoSlice | undefined {
  const s = value as GoSlice | null | undefined
  return s && s.$array && s.$length > 0 ? s : undefined
}

const NON_ASCII = /[^\x00-\x7f]/ // eslint-disable-line no-control-regex
const LONE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]'
const LONE_SURROGATE = new RegExp(LONE)
const LONE_SURROGATES = new RegExp(LONE, 'g')

/** UTF-8 byte offset → UTF-16 index for a text with non-ASCII characters. */
function byteMap(text: string): Uint32Array {
  const map: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    for (let b = 0; b < bytes; b++) map.push(i)
    if (code >= 0x10000) i++
  }
  map.push(text.length)
  return Uint32Array.from(map)
}

/** Scripts nested deeper than the JavaScript stack allows are reported, not thrown. */
const TOO_DEEP = 'nested too deeply to parse'

/**
 * mvdan/sh 0.10 starts a comment at a `#` right after an expansion or a quote (`a$S#b c`,
 * `"a"#b`), where bash keeps reading the word: every word after it is lost. Such a script is read
 * as one that does not parse (the fallback's words keep the `#`). Only texts with a `#` in such a
 * place are parsed keeping comments, to see where mvdan/sh put them.
 */
const MID_WORD_HASH = 'mvdan/sh would read a `#` inside a word as a comment'
const RISKY_HASH = /["'`)}]#|\$\w+#/
/** Blanks and operators: what may stand before a `#` that starts a comment. */
const COMMENT_AFTER = new Set([...' \t\n\r;&|()<>'].map((c) => c.charCodeAt(0)))
let commentParser: ShParser | undefined

function midWordComment(
  parsed: unknown,
  text: string,
  idx: ((byte: number) => number) | undefined
): number | undefined {
  const syntax = shSyntax()
  let found: number | undefined
  syntax.Walk(parsed, (node) => {
    if (found !== undefined || !node) return false
    if (syntax.NodeType(node) === 'Comment') {
      const byte = node.Pos().Offset()
      const at = idx ? idx(byte) : byte
      if (at > 0 && !COMMENT_AFTER.has(text.charCodeAt(at - 1))) found = at
    }
    return true
  })
  return found
}

function mvdan(text: string): ShellScript {
  const syntax = shSyntax()
  parser ??= syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash))
  const bytes = NON_ASCII.test(text) ? byteMap(text) : undefined
  const idx = bytes ? (b: number): number => bytes[Math.min(b, bytes.length - 1)] : undefined
  // GopherJS does not turn a lone surrogate into the 3 UTF-8 bytes of U+FFFD the byte map counts
  // for it (every position after it came out shifted): give mvdan/sh U+FFFD itself.
  const input = bytes && LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATES, '\ufffd') : text
  // A text with a `#` where mvdan/sh may misplace a comment is read once, keeping comments (the
  // walk below does not visit them): the same tree, and where the comments went.
  const risky = RISKY_HASH.test(text)
  if (risky) {
    commentParser ??= syntax.NewParser(syntax.KeepComments(true), syntax.Variant(syntax.LangBash))
  }
  let parsed: { __internal_object__: GoNode }
  try {
    parsed = (risky ? commentParser! : parser).Parse(input, '')
  } catch (err) {
    const e = err as ShError
    if (typeof e?.Text !== 'string') {
      // Not a syntax error: a stack overflow on deep nesting, or a panic inside mvdan/sh (it
      // panics on a comment right after `((`, e.g. `((#x`). Start over with a fresh parser and
      // read the script as one that does not parse: rules fall back to the rough reading.
      parser = commentParser = undefined
      if (err instanceof RangeError) return failed(text, TOO_DEEP, 0)
      return failed(text, PANIC, 0)
    }
    const offset = e.Pos ? e.Pos.Offset() : 0
    return failed(text, e.Text, idx ? idx(offset) : offset)
  }
  if (risky) {
    const at = midWordComment(parsed, text, idx)
    if (at !== undefined) return failed(text, MID_WORD_HASH, at)
  }
  try {
    return new Walker(text, idx).script(parsed.__internal_object__)
  } catch (err) {
    if (err instanceof RangeError) return failed(text, TOO_DEEP, 0)
    throw err
  }
}

/** Collects every simple command of a parsed script with its context. */
class Walker extends CommandCollector {
  constructor(
    text: string,
    /** Byte offset → text index, undefined for ASCII text (the same numbers). */
    private readonly idx: ((byte: number) => number) | undefined
  ) {
    super(text)
  }

  script(file: GoNode): ShellScript {
    this.stmts(file.Stmts)
    return this.collected()
  }

  private at(pos: GoPos): number {
    return this.idx ? this.idx(pos.offs) : pos.offs
  }

  private stmts(list: unknown): void {
    const s = slice(list)
    if (!s) return
    for (let i = 0; i < s.$length; i++) this.stmt(s.$array[s.$offset + i])
  }

  private conditionStmts(list: unknown): void {
    this.conditional++
    this.stmts(list)
    this.conditional--
  }

  private stmt(stmt: GoNode): void {
    if (!typeOf(stmt)) return
    const cmd = stmt.Cmd as GoNode
    const type = typeOf(cmd)
    if (type === '*syntax.CallExpr') this.call(cmd, stmt)
    else if (type === '*syntax.DeclClause') this.decl(cmd, stmt)
    else if (type === '*syntax.LetClause') this.let(cmd, stmt)
    else if (type === '') this.call(undefined, stmt)
    else this.compound(cmd, type)
    const redirs = slice(stmt.Redirs)
    if (redirs) {
      for (let i = 0; i < redirs.$length; i++) this.word(redirs.$array[redirs.$offset + i].Word)
    }
  }

  private compound(cmd: GoNode, type: string): void {
    switch (type) {
      case '*syntax.BinaryCmd': {
        // BinCmdOperator: 12 = `|`, 13 = `|&`
        const pipe = cmd.Op === 12 || cmd.Op === 13
        if (pipe) {
          this.hasPipe = true
          this.piped++
        }
        this.stmt(cmd.X as GoNode)
        this.stmt(cmd.Y as GoNode)
        if (pipe) this.piped--
        break
      }
      case '*syntax.Subshell':
        this.subshell++
        this.stmts(cmd.Stmts)
        this.subshell--
        break
      case '*syntax.Block':
        this.stmts(cmd.Stmts)
        break
      case '*syntax.IfClause':
        for (let c = cmd; typeOf(c); c = c.Else as GoNode) {
          this.conditionStmts(c.Cond)
          this.stmts(c.Then)
        }
        break
      case '*syntax.WhileClause':
        this.conditionStmts(cmd.Cond)
        this.stmts(cmd.Do)
        break
      case '*syntax.ForClause': {
        const loop = cmd.Loop as GoNode
        if (typeOf(loop) === '*syntax.WordIter') this.words(loop.Items)
        else if (typeOf(loop) === '*syntax.CStyleLoop') {
          this.arithm(loop.Init)
          this.arithm(loop.Cond)
          this.arithm(loop.Post)
        }
        this.stmts(cmd.Do)
        break
      }
      case '*syntax.CaseClause': {
        this.word(cmd.Word)
        const items = slice(cmd.Items)
        if (items) {
          for (let i = 0; i < items.$length; i++) {
            const item = items.$array[items.$offset + i]
            this.words(item.Patterns)
            this.stmts(item.Stmts)
          }
        }
        break
      }
      case '*syntax.FuncDecl':
        this.stmt(cmd.Body as GoNode)
        break
      case '*syntax.TimeClause':
      case '*syntax.CoprocClause':
        this.stmt(cmd.Stmt as GoNode)
        break
      case '*syntax.TestClause':
        this.test(cmd.X)
        break
      case '*syntax.ArithmCmd':
        this.arithm(cmd.X)
        break
    }
  }

  /** A simple command (or a statement of redirections only, `call` undefined). */
  private call(call: GoNode | undefined, stmt: GoNode): void {
    const words: ShellWord[] = []
    const assigns: string[] = []
    let start = Infinity
    let end = -1
    const args = call && slice(call.Args)
    if (args) {
      for (let i = 0; i < args.$length; i++)
        words.push(this.shellWord(args.$array[args.$offset + i]))
      start = words[0].start
      end = words[words.length - 1].end
    }
    const assignList = call && slice(call.Assigns)
    if (assignList) {
      for (let i = 0; i < assignList.$length; i++) {
        const a = assignList.$array[assignList.$offset + i]
        const s = this.at(a.Pos())
        const e = this.assignEnd(a)
        assigns.push(this.text.slice(s, e))
        if (s < start) start = s
        if (e > end) end = e
      }
    }
    ;[start, end] = this.redirected(stmt, start, end)
    if (end === -1) return
    this.push(words, assigns, start, end)
    if (assignList) {
      for (let i = 0; i < assignList.$length; i++)
        this.assign(assignList.$array[assignList.$offset + i])
    }
    if (args) this.words(call.Args)
  }

  /** `export`/`local`/`declare`/`readonly`/`typeset`/`nameref`: a command named by the keyword. */
  private decl(decl: GoNode, stmt: GoNode): void {
    const variant = decl.Variant as GoNode
    const vs = this.at(variant.Pos())
    const ve = this.at(variant.End())
    const words: ShellWord[] = [this.literal(vs, ve)]
    const list = slice(decl.Args)
    if (list) {
      for (let i = 0; i < list.$length; i++)
        words.push(this.assignWord(list.$array[list.$offset + i]))
    }
    const [start, end] = this.redirected(stmt, vs, words[words.length - 1].end)
    this.push(words, [], start, end)
    if (list) for (let i = 0; i < list.$length; i++) this.assign(list.$array[list.$offset + i])
  }

  /** `let expr…`: a command named `let` with one word per expression. */
  private let(clause: GoNode, stmt: GoNode): void {
    const s = this.at(clause.Let as GoPos)
    const words: ShellWord[] = [this.literal(s, s + 3)]
    const list = slice(clause.Exprs)
    if (list) {
      for (let i = 0; i < list.$length; i++) {
        const x = list.$array[list.$offset + i]
        words.push(
          typeOf(x) === '*syntax.Word'
            ? this.shellWord(x)
            : this.expression(this.at(x.Pos()), this.at(x.End()))
        )
      }
    }
    const [start, end] = this.redirected(stmt, s, words[words.length - 1].end)
    this.push(words, [], start, end)
    if (list) for (let i = 0; i < list.$length; i++) this.arithm(list.$array[list.$offset + i])
  }

  /** The span widened by the statement's redirections (a heredoc's body is not part of it). */
  private redirected(stmt: GoNode, start: number, end: number): [number, number] {
    const redirs = slice(stmt.Redirs)
    if (!redirs) return [start, end]
    for (let i = 0; i < redirs.$length; i++) {
      const r = redirs.$array[redirs.$offset + i]
      const s = this.at(r.Pos())
      const e = this.at((r.Word as GoNode).End())
      if (s < start) start = s
      if (e > end) end = e
    }
    return [start, end]
  }

  /** An arithmetic expression of `let` as a word: literal unless it expands or quotes something. */
  private expression(start: number, end: number): ShellWord {
    const raw = this.text.slice(start, end)
    return { value: raw, raw, literal: !EXPANDS.test(raw), start, end }
  }

  private literal(start: number, end: number): ShellWord {
    const raw = this.text.slice(start, end)
    return { value: raw, raw, literal: true, start, end }
  }

  private shellWord(word: GoNode): ShellWord {
    const parts = slice(word.Parts)!
    const first = parts.$array[parts.$offset]
    const last = parts.$array[parts.$offset + parts.$length - 1]
    const start = this.partStart(first)
    const end = this.partEnd(last)
    const raw = this.text.slice(start, end)
    const value = this.literalValue(parts)
    return value === undefined
      ? { value: raw, raw, literal: false, start, end }
      : { value, raw, literal: true, start, end }
  }

  /** An assignment argument of a declaration as one word (`A="b c"` → `A=b c`). */
  private assignWord(a: GoNode): ShellWord {
    const start = this.at(a.Pos())
    const end = this.assignEnd(a)
    const raw = this.text.slice(start, end)
    const value = typeOf(a.Value) ? (slice((a.Value as GoNode).Parts) ?? undefined) : undefined
    let literal: string | undefined = raw
    if (value && !typeOf(a.Array)) {
      const rest = this.literalValue(value)
      const vs = this.partStart(value.$array[value.$offset])
      literal = rest === undefined ? undefined : this.text.slice(start, vs) + rest
    }
    return literal === undefined
      ? { value: raw, raw, literal: false, start, end }
      : { value: literal, raw, literal: true, start, end }
  }

  /** mvdan/sh's `Assign.End()` misses the `+` of an empty append (`b+=`). */
  private assignEnd(a: GoNode): number {
    const end = this.at(a.End())
    return a.Append && !typeOf(a.Value) && !typeOf(a.Array) ? end + 1 : end
  }

  private partStart(part: GoNode): number {
    switch (typeOf(part)) {
      case '*syntax.Lit':
        return this.at(part.ValuePos as GoPos)
      case '*syntax.SglQuoted':
      case '*syntax.DblQuoted':
        return this.at(part.Left as GoPos)
      default:
        return this.at(part.Pos())
    }
  }

  private partEnd(part: GoNode): number {
    switch (typeOf(part)) {
      case '*syntax.Lit':
        return this.at(part.ValueEnd as GoPos)
      case '*syntax.SglQuoted':
      case '*syntax.DblQuoted':
        return this.at(part.Right as GoPos) + 1
      default:
        return this.at(part.End())
    }
  }

  /**
   * Quote removal of a word without expansions; undefined when it has one. `$'…'` keeps its
   * escapes as written, `$"…"` reads as `"…"`, extended globs are literal text.
   */
  private literalValue(parts: GoSlice, quoted = false): string | undefined {
    const text = this.text
    let out = ''
    for (let i = 0; i < parts.$length; i++) {
      const part = parts.$array[parts.$offset + i]
      switch (typeOf(part)) {
        case '*syntax.Lit': {
          const raw = text.slice(this.at(part.ValuePos as GoPos), this.at(part.ValueEnd as GoPos))
          out += raw.includes('\\') ? unescape(raw, quoted) : raw
          break
        }
        case '*syntax.SglQuoted': {
          const s = this.at(part.Left as GoPos) + (part.Dollar ? 2 : 1)
          out += text.slice(s, this.at(part.Right as GoPos))
          break
        }
        case '*syntax.DblQuoted': {
          const inner = slice(part.Parts)
          if (inner) {
            const value = this.literalValue(inner, true)
            if (value === undefined) return undefined
            out += value
          }
          break
        }
        case '*syntax.ExtGlob':
          out += text.slice(this.at(part.Pos()), this.at(part.End()))
          break
        default:
          return undefined
      }
    }
    return out
  }

  private words(list: unknown): void {
    const s = slice(list)
    if (!s) return
    for (let i = 0; i < s.$length; i++) this.word(s.$array[s.$offset + i])
  }

  /** Commands inside a word's substitutions. */
  private word(word: unknown): void {
    if (!typeOf(word)) return
    const parts = slice((word as GoNode).Parts)
    if (parts) for (let i = 0; i < parts.$length; i++) this.part(parts.$array[parts.$offset + i])
  }

  private part(part: GoNode): void {
    switch (typeOf(part)) {
      case '*syntax.CmdSubst':
      case '*syntax.ProcSubst': {
        // A substitution runs on its own: subshell and condition context do not reach inside.
        const { subshell, conditional } = this
        this.subshell = this.conditional = 0
        this.substituted++
        this.stmts(part.Stmts)
        this.substituted--
        this.subshell = subshell
        this.conditional = conditional
        break
      }
      case '*syntax.DblQuoted': {
        const parts = slice(part.Parts)
        if (parts)
          for (let i = 0; i < parts.$length; i++) this.part(parts.$array[parts.$offset + i])
        break
      }
      case '*syntax.ParamExp': {
        this.arithm(part.Index)
        const sl = part.Slice as GoNode
        if (typeOf(sl)) {
          this.arithm(sl.Offset)
          this.arithm(sl.Length)
        }
        const repl = part.Repl as GoNode
        if (typeOf(repl)) {
          this.word(repl.Orig)
          this.word(repl.With)
        }
        const exp = part.Exp as GoNode
        if (typeOf(exp)) this.word(exp.Word)
        break
      }
      case '*syntax.ArithmExp':
        this.arithm(part.X)
        break
    }
  }

  private assign(a: GoNode): void {
    this.arithm(a.Index)
    this.word(a.Value)
    const array = a.Array as GoNode
    const elems = typeOf(array) ? slice(array.Elems) : undefined
    if (elems) {
      for (let i = 0; i < elems.$length; i++) {
        const e = elems.$array[elems.$offset + i]
        this.arithm(e.Index)
        this.word(e.Value)
      }
    }
  }

  private arithm(x: unknown): void {
    const node = x as GoNode
    switch (typeOf(node)) {
      case '*syntax.Word':
        this.word(node)
        break
      case '*syntax.BinaryArithm':
        this.arithm(node.X)
        this.arithm(node.Y)
        break
      case '*syntax.UnaryArithm':
      case '*syntax.ParenArithm':
        this.arithm(node.X)
        break
    }
  }

  private test(x: unknown): void {
    const node = x as GoNode
    switch (typeOf(node)) {
      case '*syntax.Word':
        this.word(node)
        break
      case '*syntax.BinaryTest':
        this.test(node.X)
        this.test(node.Y)
        break
      case '*syntax.UnaryTest':
      case '*syntax.ParenTest':
        this.test(node.X)
        break
    }
  }
}

/** Load mvdan/sh now (it is loaded on first use otherwise). */
export function loadShellParser(): void {
  shSyntax()
}
