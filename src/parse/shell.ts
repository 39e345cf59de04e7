import sh from 'mvdan-sh'

/**
 * RUN bodies through a real shell parser (mvdan/sh, the parser behind shfmt), with every word and
 * command located in the *file*: the caller passes the script text and, for each script character,
 * the file offset it came from (line continuations removed, heredoc bodies mapped).
 */

export interface ShellWord {
  /** Value after quote removal when the word is fully literal; otherwise the raw text. */
  value: string
  raw: string
  /** True when the word has no expansions (`$x`, `$(…)`, globs are literal text here). */
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
}

export interface ShellError {
  message: string
  /** File offset. */
  offset: number
}

export interface ShellScript {
  text: string
  commands: ShellCommand[]
  /** Set when the script does not parse as bash; `commands` then come from a quote-aware fallback. */
  error?: ShellError
  /** Any `|` or `|&` pipeline anywhere in the script. */
  hasPipe: boolean
}

type Node = {
  Pos(): { Offset(): number }
  End(): { Offset(): number }
  [key: string]: unknown
}

const syntax = (sh as unknown as { syntax: ShSyntax }).syntax

interface ShSyntax {
  NewParser(...opts: unknown[]): { Parse(src: string, name: string): Node }
  Walk(node: Node, fn: (node: Node | null) => boolean): void
  NodeType(node: Node): string
  KeepComments(keep: boolean): unknown
  Variant(lang: unknown): unknown
  LangBash: unknown
}

let parser: { Parse(src: string, name: string): Node } | undefined

/** Map from UTF-8 byte offsets (what mvdan/sh reports) to UTF-16 indices, or undefined for ASCII. */
function byteToUtf16(text: string): ((byte: number) => number) | undefined {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return undefined
  const map: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    for (let b = 0; b < bytes; b++) map.push(i)
    if (code >= 0x10000) i++
  }
  map.push(text.length)
  return (byte) => map[Math.min(byte, map.length - 1)]
}

/**
 * Parse `text`; `offsets[i]` is the file offset of `text[i]` (`offsets.length === text.length + 1`,
 * the last entry being the file offset just past the script).
 */
export function parseShell(text: string, offsets: number[]): ShellScript {
  parser ??= syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash))
  const toUtf16 = byteToUtf16(text)
  const at = (byte: number): number => offsets[toUtf16 ? toUtf16(byte) : byte]
  let file: Node
  try {
    file = parser.Parse(text, '')
  } catch (err) {
    const e = err as { Text?: string; Pos?: { Offset(): number }; Error?: () => string }
    const offset = e.Pos ? at(e.Pos.Offset()) : (offsets[0] ?? 0)
    const message = typeof e.Text === 'string' ? e.Text : String(e.Error ? e.Error() : err)
    return {
      text,
      commands: fallbackCommands(text, offsets),
      error: { message, offset },
      hasPipe: /\|/.test(text)
    }
  }
  const commands: ShellCommand[] = []
  let hasPipe = false
  const pipedSpans: Array<[number, number]> = []
  syntax.Walk(file, (node) => {
    if (!node) return true
    const type = syntax.NodeType(node)
    if (type === 'BinaryCmd') {
      const op = String(node.Op)
      // mvdan/sh BinCmdOperator: 10 = '&&', 11 = '||', 12 = '|', 13 = '|&'
      if (op === '12' || op === '13') {
        hasPipe = true
        pipedSpans.push([node.Pos().Offset(), node.End().Offset()])
      }
    } else if (type === 'CallExpr') {
      const args = (node.Args as Node[]) ?? []
      const words = args.map((w) => toWord(w, text, at, toUtf16))
      const assigns = ((node.Assigns as Node[]) ?? []).map((a) =>
        text.slice(index(a.Pos().Offset(), toUtf16), index(a.End().Offset(), toUtf16))
      )
      const startByte = node.Pos().Offset()
      commands.push({
        name: words[0]?.value ?? '',
        words,
        args: words.slice(1),
        assigns,
        start: at(startByte),
        end: at(node.End().Offset()),
        index: commands.length,
        piped: pipedSpans.some(([s, e]) => startByte >= s && startByte < e)
      })
    }
    return true
  })
  return { text, commands, hasPipe }
}

function index(byte: number, toUtf16: ((b: number) => number) | undefined): number {
  return toUtf16 ? toUtf16(byte) : byte
}

function toWord(
  word: Node,
  text: string,
  at: (byte: number) => number,
  toUtf16: ((b: number) => number) | undefined
): ShellWord {
  const s = index(word.Pos().Offset(), toUtf16)
  const e = index(word.End().Offset(), toUtf16)
  const raw = text.slice(s, e)
  const value = literalValue(word.Parts as Node[])
  return {
    value: value ?? raw,
    raw,
    literal: value !== undefined,
    start: at(word.Pos().Offset()),
    end: at(word.End().Offset())
  }
}

/** Concatenate literal parts with quotes removed; undefined when any part expands. */
function literalValue(parts: Node[]): string | undefined {
  let out = ''
  for (const part of parts) {
    const type = syntax.NodeType(part)
    if (type === 'Lit') out += unescapeLit(String(part.Value))
    else if (type === 'SglQuoted') out += String(part.Value)
    else if (type === 'DblQuoted') {
      const inner = literalValue(part.Parts as Node[])
      if (inner === undefined) return undefined
      out += inner
    } else return undefined
  }
  return out
}

/** Unquoted literal text keeps backslash escapes in mvdan/sh; remove them as the shell would. */
function unescapeLit(value: string): string {
  return value.includes('\\') ? value.replace(/\\(.)/gs, '$1') : value
}

/**
 * Best-effort commands for scripts the parser rejects (PowerShell left in a RUN, half-written
 * heredocs): quote-aware words, cut at `&&`, `||`, `;`, `|` and newlines.
 */
export function fallbackCommands(text: string, offsets: number[]): ShellCommand[] {
  const commands: ShellCommand[] = []
  let words: ShellWord[] = []
  let piped = false
  const flush = (nextPiped: boolean): void => {
    if (words.length > 0) {
      commands.push({
        name: words[0].value,
        words,
        args: words.slice(1),
        assigns: [],
        start: words[0].start,
        end: words[words.length - 1].end,
        index: commands.length,
        piped: piped || nextPiped
      })
    }
    words = []
    piped = nextPiped
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
    } else if (c === '\n' || c === ';') {
      flush(false)
      i++
    } else if (c === '&' && text[i + 1] === '&') {
      flush(false)
      i += 2
    } else if (c === '|') {
      const double = text[i + 1] === '|'
      flush(!double)
      i += double ? 2 : 1
    } else {
      const s = i
      let value = ''
      let literal = true
      while (i < text.length && !/[\s;&|]/.test(text[i])) {
        const ch = text[i]
        if (ch === "'" || ch === '"') {
          const close = text.indexOf(ch, i + 1)
          const e = close === -1 ? text.length : close
          value += text.slice(i + 1, e)
          if (ch === '"' && text.slice(i + 1, e).includes('$')) literal = false
          i = e + 1
        } else if (ch === '\\' && i + 1 < text.length) {
          value += text[i + 1]
          i += 2
        } else {
          if (ch === '$' || ch === '`') literal = false
          value += ch
          i++
        }
      }
      const e = Math.min(i, text.length)
      const raw = text.slice(s, e)
      words.push({ value: literal ? value : raw, raw, literal, start: offsets[s], end: offsets[e] })
    }
  }
  flush(false)
  return commands
}
