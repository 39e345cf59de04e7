import {
  DockerfileParser,
  type Dockerfile,
  type Instruction as AstInstruction
} from 'dockerfile-ast'
import { LineIndex } from '../core/text.js'
import type { Range } from '../core/types.js'
import { parseShell, type ShellScript } from './shell.js'

/**
 * The Dockerfile model every rule reads: instructions with file offsets, stages with their parents,
 * variables in scope, and RUN bodies parsed by a shell parser on demand.
 *
 * The lexer follows BuildKit's parser (`frontend/dockerfile/parser`): parser directives only at the
 * top, an escape character (`\` or `` ` ``) that joins a line with the next when it ends the line
 * (trailing blanks allowed), comment lines and blank lines inside a continuation dropped, heredoc
 * bodies (`<<EOF`, `<<-EOF`, quoted names) after RUN/COPY/ADD, BuildKit's quote-aware flag split.
 * One pass over the text, no backtracking. dockerfile-ast's tree stays reachable (`ast`, `node`),
 * built only when something asks for it.
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
  /** The `<<EOF` word in the instruction line. */
  marker: Span
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
  /** dockerfile-ast's node for this instruction (parsed on first access). */
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
  /** dockerfile-ast's tree (parsed on first access). */
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
const HEREDOC_WORD = /^(\d*)<<(-?)\s*([^<]*)$/
const SHELLS = /^(?:.*\/)?(sh|bash|ash|dash|ksh|mksh|zsh)$/

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
 * An instruction whose per-word data (`args`, `textOffsets`, `properties`, dockerfile-ast's `node`)
 * is computed on first use: most RUN words are never read as Dockerfile tokens (rules read the
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
    private readonly resolveNode: (inst: Instruction) => AstInstruction,
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
    return this.resolveNode(this)
  }
}

export function parseDockerfile(path: string, text: string): DockerfileDoc {
  const lines = new LineIndex(text)
  const span = (start: number, end: number): Span => ({
    start,
    end,
    range: lines.range(start, end)
  })

  const directives: Directive[] = []
  const comments: Comment[] = []
  const instructions: Instruction[] = []
  const stages: Stage[] = []
  const globalArgs = new Map<string, string | null>()
  let escape = '\\'
  let stage: Stage | undefined

  // Physical lines: [start, contentEnd (before \r\n / \n), next line start].
  const n = text.length
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0

  const lineEnd = (from: number): number => {
    const nl = text.indexOf('\n', from)
    return nl === -1 ? n : nl
  }
  const contentEnd = (from: number, nl: number): number =>
    nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl

  // Parser directives: consecutive `# name=value` lines at the very top, known names only.
  {
    const seen = new Set<string>()
    while (pos < n) {
      const nl = lineEnd(pos)
      const end = contentEnd(pos, nl)
      const m = DIRECTIVE.exec(text.slice(pos, end))
      if (!m) break
      const name = m[1].toLowerCase()
      if (!KNOWN_DIRECTIVES.has(name) || seen.has(name)) break
      seen.add(name)
      directives.push({ start: pos, end, range: lines.range(pos, end), name, value: m[2] })
      if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2]
      pos = nl + 1
    }
  }
  const escapeCode = escape.charCodeAt(0)

  /** Offset of the escape character that continues this line, or -1. */
  const continuationAt = (start: number, end: number): number => {
    let k = end - 1
    while (k >= start && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--
    if (k < start || text.charCodeAt(k) !== escapeCode) return -1
    // An escaped escape character (`\\` at the end) is a literal, not a continuation.
    return k > start && text.charCodeAt(k - 1) === escapeCode ? -1 : k
  }

  const firstNonBlank = (from: number, end: number): number => {
    let k = from
    while (k < end && isBlank(text.charCodeAt(k))) k++
    return k
  }

  const comment = (hash: number, end: number, inInstruction: boolean): void => {
    comments.push({
      start: hash,
      end,
      range: lines.range(hash, end),
      content: text.slice(hash + 1, end).trim(),
      inInstruction
    })
  }

  let index = 0
  /**
   * The physical line at `at`: [line break, content end, first non-blank], or undefined after a
   * blank or comment line (recorded as a comment), which BuildKit skips inside and between
   * instructions alike.
   */
  const physical = (at: number, inInstruction: boolean): [number, number, number] | undefined => {
    const nl = lineEnd(at)
    const end = contentEnd(at, nl)
    const first = firstNonBlank(at, end)
    if (first === end) return undefined
    if (text.charCodeAt(first) === 35 /* # */) {
      comment(first, end, inInstruction)
      return undefined
    }
    return [nl, end, first]
  }

  while (pos < n) {
    const line = physical(pos, false)
    if (!line) {
      pos = lineEnd(pos) + 1
      continue
    }
    const [nl, end, first] = line
    // An instruction: join continuation lines.
    const logical: Logical = { text: '', segs: [], end }
    const parts: string[] = []
    let joined = 0
    const append = (from: number, to: number): void => {
      parts.push(text.slice(from, to))
      logical.segs.push(joined, from)
      joined += to - from
    }
    let cont = continuationAt(first, end)
    append(first, cont === -1 ? end : cont)
    let next = nl + 1
    while (cont !== -1 && next < n) {
      const cline = physical(next, true)
      if (!cline) {
        next = lineEnd(next) + 1
        continue
      }
      const [lnl, lend] = cline
      cont = continuationAt(next, lend)
      append(next, cont === -1 ? lend : cont)
      logical.end = lend
      next = lnl + 1
    }
    logical.text = parts.join('')
    pos = next
    if (logical.text.trim() === '') continue

    const inst = buildInstruction(logical, index, undefined)
    // Heredoc bodies follow the instruction line.
    if (HEREDOC_KEYWORDS.has(inst.keyword) && logical.text.includes('<<')) {
      const markers = heredocMarkers(inst)
      for (const marker of markers) {
        const contentStart = pos
        let terminated = false
        let contentEndAt = n
        while (pos < n) {
          const hnl = lineEnd(pos)
          const hend = contentEnd(pos, hnl)
          let line = text.slice(pos, hend)
          if (marker.stripTabs) line = line.replace(/^\t+/, '')
          if (line === marker.name) {
            terminated = true
            contentEndAt = pos
            inst.end = hend
            pos = hnl + 1
            break
          }
          pos = hnl + 1
        }
        if (!terminated) {
          contentEndAt = n
          inst.end = n
          pos = n
        }
        const start = Math.min(contentStart, n)
        inst.heredocs.push({
          name: marker.name,
          content: text.slice(start, Math.max(start, contentEndAt)),
          contentStart: start,
          contentEnd: Math.max(start, contentEndAt),
          stripTabs: marker.stripTabs,
          quoted: marker.quoted,
          terminated,
          marker: marker.span
        })
      }
      if (inst.heredocs.length > 0) {
        inst.range = lines.range(inst.start, inst.end)
        inst.json = undefined
      }
    }
    addInstruction(inst)
    index++
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

    const flags: Flag[] = []
    if (FLAG_KEYWORDS.has(keyword)) k = readFlags(L, k, flags, at, after)

    let e = L.length
    while (e > k && isBlank(L.charCodeAt(e - 1))) e--
    const start = onbuild ? at(kwStart) : mapOffset(segs, 0)
    const inst = new InstructionNode(
      lines,
      escape,
      (i) => astNodeOf(i),
      L,
      segs,
      k,
      e,
      logical.end,
      {
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
      }
    )
    if (JSON_KEYWORDS.has(keyword)) inst.json = readJson(inst, span)
    if (keyword === 'ONBUILD' && !onbuild && e > k) {
      inst.trigger = buildInstruction(logical, idx, inst, k)
    }
    return inst
  }

  /** BuildKit's extractBuilderFlags: leading `--name[=value]` words, quote-aware. */
  function readFlags(
    L: string,
    k: number,
    out: Flag[],
    at: (i: number) => number,
    after: (i: number) => number
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
      const raw = L.slice(s, k)
      const wordEq = word.indexOf('=')
      const fs = at(s)
      const fe = after(k)
      out.push({
        start: fs,
        end: fe,
        range: lines.range(fs, fe),
        name: (wordEq === -1 ? word.slice(2) : word.slice(2, wordEq)).toLowerCase(),
        value: wordEq === -1 ? null : word.slice(wordEq + 1),
        raw,
        valueSpan: eq === -1 ? undefined : span(at(eq + 1), after(k))
      })
    }
  }

  linkStages(stages)

  // dockerfile-ast, on demand only.
  let astCache: Dockerfile | undefined
  const getAst = (): Dockerfile => (astCache ??= DockerfileParser.parse(text))
  const astNodeOf = (inst: Instruction): AstInstruction => {
    const ast = getAst()
    const line = (inst.onbuild ?? inst).keywordSpan.range.start.line - 1
    const node = ast.getInstructions().find((i) => i.getRange().start.line === line)
    if (!node) throw new Error(`dockerfile-ast has no instruction on line ${line + 1}`)
    if (!inst.onbuild) return node
    const trigger = (
      node as unknown as { getTriggerInstruction(): AstInstruction | null }
    ).getTriggerInstruction()
    if (!trigger) throw new Error(`dockerfile-ast has no ONBUILD trigger on line ${line + 1}`)
    return trigger
  }

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
    get ast(): Dockerfile {
      return getAst()
    },
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

interface Marker {
  name: string
  stripTabs: boolean
  quoted: boolean
  span: Span
}

/** BuildKit's heredocsFromLine: words of the instruction line that are `<<NAME` / `<<-NAME`. */
function heredocMarkers(inst: Instruction): Marker[] {
  const out: Marker[] = []
  for (const word of inst.args) {
    if (!word.value.includes('<<')) continue
    const m = HEREDOC_WORD.exec(word.value)
    if (!m) continue
    let name = m[3]
    const quoted = /["']/.test(name)
    name = name.replace(/["']/g, '')
    if (name === '') continue
    out.push({ name, stripTabs: m[2] === '-', quoted, span: word })
  }
  return out
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
