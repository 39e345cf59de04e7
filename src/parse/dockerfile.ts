import {
  DockerfileParser,
  type Dockerfile,
  type Instruction as AstInstruction,
  type Flag as AstFlag
} from 'dockerfile-ast'
import { LineIndex, fromLsp } from '../core/text.js'
import type { Range } from '../core/types.js'
import { parseShell, type ShellScript } from './shell.js'

/**
 * The Dockerfile model every rule reads: dockerfile-ast's tree, flattened into instructions with
 * file offsets, stages with their parents, and RUN bodies parsed by a real shell parser on demand.
 *
 * Works around dockerfile-ast 0.7.1's known gaps (aesthetics note §6): JSON arguments are re-read
 * from the source (it drops interior spaces), heredoc bodies are removed from `args`, FROM images
 * are expanded with ARG defaults, and RUN text is shell-parsed with exact positions.
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
  /** Value after `=`, or null for a bare flag. */
  value: string | null
}

export interface HeredocBody {
  name: string
  /** The body (between the marker line and the delimiter), '' when empty. */
  content: string
  /** File offset of the first body character. */
  contentStart: number
  /** Offset of the delimiter line's start (or end of file when unterminated). */
  contentEnd: number
}

export interface JsonForm {
  values: string[]
  items: Token[]
  /** Span of `[ … ]`. */
  span: Span
}

export interface Instruction extends Span {
  /** Upper-case keyword (`RUN`). For ONBUILD triggers, the trigger's keyword. */
  keyword: string
  /** As written (`run`). */
  keywordText: string
  keywordSpan: Span
  node: AstInstruction
  /** Index among top-level instructions (triggers share their ONBUILD's index). */
  index: number
  /** The stage this instruction belongs to; undefined before the first FROM. */
  stage: Stage | undefined
  /** For a trigger inside `ONBUILD`, the ONBUILD instruction. */
  onbuild: Instruction | undefined
  /** For an `ONBUILD` instruction, its trigger. */
  trigger: Instruction | undefined
  flags: Flag[]
  /** Whitespace-split arguments after the flags, heredoc bodies removed (Docker's own split for COPY/ADD/…). */
  args: Token[]
  /** Span of the argument text after the flags, or undefined when there is none. */
  argsSpan: Span | undefined
  /**
   * Argument text after the flags with line continuations and interior comment lines removed, and
   * for each of its characters the file offset it came from (`textOffsets.length === text.length + 1`).
   */
  text: string
  textOffsets: number[]
  /** JSON (exec) form, when the arguments are a JSON string array. */
  json: JsonForm | undefined
  heredocs: HeredocBody[]
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
  span(start: number, end: number): Span
}

const DEFAULT_SHELL = ['/bin/sh', '-c']
const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i

export function parseDockerfile(path: string, text: string): DockerfileDoc {
  const ast = DockerfileParser.parse(text)
  const lines = new LineIndex(text)
  const escape = ast.getEscapeCharacter()
  const span = (start: number, end: number): Span => ({
    start,
    end,
    range: lines.range(start, end)
  })
  const spanOf = (r: {
    start: { line: number; character: number }
    end: { line: number; character: number }
  }): Span => {
    const range = fromLsp(r)
    return { start: lines.offset(range.start), end: lines.offset(range.end), range }
  }

  const directives: Directive[] = ast.getDirectives().map((d) => ({
    ...spanOf(d.getRange()),
    name: d.getName().toLowerCase(),
    value: d.getValue()
  }))

  const instructions: Instruction[] = []
  const stages: Stage[] = []
  const globalArgs = new Map<string, string | null>()
  let stage: Stage | undefined

  const build = (
    node: AstInstruction,
    index: number,
    onbuild: Instruction | undefined
  ): Instruction => {
    const whole = spanOf(node.getRange())
    const keywordSpan = spanOf(node.getInstructionRange())
    const flags: Flag[] = (
      'getFlags' in node ? (node as unknown as { getFlags(): AstFlag[] }).getFlags() : []
    ).map((f) => ({
      ...spanOf(f.getRange()),
      name: f.getName().toLowerCase(),
      value: f.getValue()
    }))
    const argsRange = node.getArgumentsRange()
    const argsSpan = argsRange ? spanOf(argsRange) : undefined
    const heredocs = readHeredocs(node, spanOf, text)
    const inHeredoc = (offset: number): boolean =>
      heredocs.some(
        (h) => offset >= h.contentStart && offset < h.contentEnd + delimiterLength(text, h)
      )
    const args: Token[] = node
      .getArguments()
      .map((a) => ({ ...spanOf(a.getRange()), value: a.getValue() }))
      .filter((a) => !inHeredoc(a.start))
    const headerEnd =
      heredocs.length > 0 ? lineEndAt(text, argsSpan?.start ?? whole.end) : undefined
    const [argText, textOffsets] = argsSpan
      ? joinContinuations(text, argsSpan.start, headerEnd ?? argsSpan.end, escape)
      : ['', [whole.end]]
    const inst: Instruction = {
      ...whole,
      keyword: node.getKeyword().toUpperCase(),
      keywordText: node.getInstruction(),
      keywordSpan,
      node,
      index,
      stage,
      onbuild,
      trigger: undefined,
      flags,
      args,
      argsSpan,
      text: argText,
      textOffsets,
      json: undefined,
      heredocs
    }
    if (JSON_KEYWORDS.has(inst.keyword) && heredocs.length === 0) inst.json = readJson(inst, span)
    return inst
  }

  ast.getInstructions().forEach((node, index) => {
    const keyword = node.getKeyword().toUpperCase()
    if (keyword === 'FROM') {
      const from = build(node, index, undefined)
      stage = newStage(from, stages, globalArgs, span)
      from.stage = stage
      stages.push(stage)
      stage.instructions.push(from)
      instructions.push(from)
      return
    }
    const inst = build(node, index, undefined)
    if (keyword === 'ARG' && !stage) {
      for (const p of (node as unknown as { getProperties(): PropertyLike[] }).getProperties()) {
        globalArgs.set(p.getName(), p.getValue())
      }
    }
    if (keyword === 'ONBUILD') {
      const trigger = (
        node as unknown as { getTriggerInstruction(): AstInstruction | null }
      ).getTriggerInstruction()
      if (trigger) inst.trigger = build(trigger, index, inst)
    }
    stage?.instructions.push(inst)
    instructions.push(inst)
  })

  linkStages(stages)

  const comments: Comment[] = ast.getComments().map((c) => {
    const s = spanOf(c.getRange())
    return {
      ...s,
      content: c.getContent().trim(),
      inInstruction: instructions.some((i) => s.start > i.start && s.start < i.end)
    }
  })

  const shells = new Map<Instruction, ShellScript | undefined>()
  const shellOf = (inst: Instruction): string[] => {
    const target = inst.onbuild ?? inst
    const st = target.stage
    if (!st) return DEFAULT_SHELL
    for (let s: Stage | undefined = st; s; s = s.parent) {
      const candidates =
        s === st ? s.instructions.filter((i) => i.index < target.index) : s.instructions
      for (let k = candidates.length - 1; k >= 0; k--) {
        const i = candidates[k]
        if (i.keyword === 'SHELL' && i.json) return i.json.values
      }
    }
    return DEFAULT_SHELL
  }
  const hadolintShellPragma = readShellPragma(ast.getComments().map((c) => c.getContent()))

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

interface PropertyLike {
  getName(): string
  getValue(): string | null
}

const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'])

function readShellPragma(comments: string[]): string | undefined {
  for (const c of comments) {
    const m = /^\s*hadolint\s+shell\s*=\s*(\S+)/.exec(c)
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
    platform
  }
}

function linkStages(stages: Stage[]): void {
  stages.forEach((stage, i) => {
    const ref = stage.image.expanded.toLowerCase()
    stage.parent = stages.slice(0, i).find((s) => s.name !== undefined && s.name === ref)
    if (stage.parent) stage.parent.usedAsBase = true
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
  const { value: expanded, unresolved } = expandVariables(raw.replace(/^["']|["']$/g, ''), vars)
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

function readHeredocs(
  node: AstInstruction,
  spanOf: (r: {
    start: { line: number; character: number }
    end: { line: number; character: number }
  }) => Span,
  text: string
): HeredocBody[] {
  const get = (node as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs
  if (typeof get !== 'function') return []
  let heredocs: AstHeredoc[]
  try {
    heredocs = get.call(node)
  } catch {
    return []
  }
  return heredocs.map((h) => {
    const content = h.getContentRange()
    const delimiter = h.getDelimiterRange()
    const nameEnd = spanOf(h.getNameRange()).end
    const contentStart = content ? spanOf(content).start : lineEndAt(text, nameEnd) + 1
    const contentEnd = delimiter
      ? spanOf(delimiter).start
      : content
        ? spanOf(content).end
        : text.length
    return {
      name: h.getName(),
      content: text.slice(contentStart, Math.max(contentStart, contentEnd)),
      contentStart,
      contentEnd: Math.max(contentStart, contentEnd)
    }
  })
}

interface AstHeredoc {
  getName(): string
  getNameRange(): {
    start: { line: number; character: number }
    end: { line: number; character: number }
  }
  getContentRange(): {
    start: { line: number; character: number }
    end: { line: number; character: number }
  } | null
  getDelimiterRange(): {
    start: { line: number; character: number }
    end: { line: number; character: number }
  } | null
}

function delimiterLength(text: string, h: HeredocBody): number {
  return Math.max(1, lineEndAt(text, h.contentEnd) - h.contentEnd + 1)
}

/** Offset of the line terminator (or end of text) of the line containing `offset`. */
function lineEndAt(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset)
  return nl === -1 ? text.length : nl
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
  const t = inst.text.trimStart()
  if (!t.startsWith('[')) return undefined
  const trimmed = inst.text.trim()
  let values: unknown
  try {
    values = JSON.parse(trimmed)
  } catch {
    return undefined
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined
  const lead = inst.text.length - t.length
  const open = inst.textOffsets[lead]
  const close = inst.textOffsets[lead + trimmed.length - 1] + 1
  // Locate each string literal in the joined text to get exact ranges.
  const items: Token[] = []
  const re = /"(?:[^"\\]|\\.)*"/g
  let m: RegExpExecArray | null
  let k = 0
  while ((m = re.exec(trimmed)) && k < values.length) {
    const s = inst.textOffsets[lead + m.index]
    const e = inst.textOffsets[lead + m.index + m[0].length - 1] + 1
    items.push({ ...span(s, e), value: values[k] as string })
    k++
  }
  return { values: values as string[], items, span: span(open, close) }
}

/** Build the shell script of a RUN: shell-form text, or the heredoc body for `RUN <<EOF`. */
function shellScript(inst: Instruction, text: string): ShellScript | undefined {
  if (!inst.argsSpan) return undefined
  if (inst.heredocs.length === 0) return parseShell(inst.text, inst.textOffsets)
  const header = inst.text
  const onlyMarkers = /^\s*(<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*)+$/.test(header)
  if (onlyMarkers) {
    const h = inst.heredocs[0]
    if (
      /^#!/.test(h.content) &&
      !/^#!\S*\b(sh|bash|ash|dash|ksh|zsh)\b/.test(h.content.split('\n')[0])
    ) {
      return undefined
    }
    const offsets = Array.from({ length: h.content.length + 1 }, (_, i) => h.contentStart + i)
    return parseShell(h.content.replace(/\r\n/g, ' \n'), offsets)
  }
  // A command that reads heredocs: hand the header plus the raw bodies to the shell parser.
  const headerEnd = lineEndAt(text, inst.argsSpan.start)
  const rest = text.slice(headerEnd, inst.end)
  const script = inst.text + rest
  const offsets = [
    ...inst.textOffsets.slice(0, -1),
    ...Array.from({ length: rest.length + 1 }, (_, i) => headerEnd + i)
  ]
  return parseShell(script.replace(/\r\n/g, ' \n'), offsets)
}
