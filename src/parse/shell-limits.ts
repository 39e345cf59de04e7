/**
 * The shape of a shell script, measured without a parser in one linear pass and without recursion:
 * how many bytes, how deeply its constructs nest, how many commands it holds and how long its
 * longest `&&`/`||`/`|` chain is. Shell parsers (mvdan/sh, ShellCheck's) recurse on nesting and
 * on and-or chains, and ShellCheck's analysis grows faster than linearly with commands and
 * chains: these numbers decide, the same way on every machine, whether a script is handed to
 * them at all (see SHELL_PARSE_LIMITS and the ShellCheck limits in the rule library).
 *
 * The measure reads the shell's structure closely enough that real scripts are measured right and
 * hostile ones cannot hide their nesting: quotes (`'…'`, `"…"`, `$'…'`), escapes, comments and
 * here-document bodies are skipped; a frame opens at `$(`, `` ` ``, `(`, `${`, a `{` group and the
 * `if`/`case`/`do` keywords in command position, and closes only at its own closer (`)`, `` ` ``,
 * `}`, `fi`, `esac`, `done`). A `)` ending a case pattern closes nothing.
 */

export interface ShellShape {
  /** UTF-8 bytes. */
  bytes: number
  /** Deepest nesting of substitutions, subshells, groups, parameter expansions and compound commands. */
  depth: number
  /**
   * Command substitutions (`$(…)`, backticks, `<(…)`, `>(…)`) weighted by their nesting: each adds
   * 2^d, d its depth among substitutions (1 outermost). ShellCheck's work doubles with every level
   * (0.11 ms per unit with ShellCheck 0.9: one 12-deep nest, 8,190 units, takes 0.9 s).
   */
  substitutions: number
  /** Simple commands (words in command position, reserved words aside). */
  commands: number
  /** Elements of the longest and-or list or pipeline (`a && b || c | d` → 4). */
  chain: number
  /** Distinct variable names read (`$x`, `${x…}`) or assigned (`x=…` at the start of a word). */
  names: number
}

/** What a script may be for our own shell parsing (src/parse/shell.ts). */
export type ShellLimits = ShellShape

/** The first limit a shape is over, in words, or undefined when it is within all of them. */
export function overLimit(shape: ShellShape, limits: ShellLimits): string | undefined {
  if (shape.bytes > limits.bytes) return `it is ${shape.bytes} bytes long (limit ${limits.bytes})`
  if (shape.depth > limits.depth)
    return `it nests ${shape.depth} levels deep (limit ${limits.depth})`
  if (shape.substitutions > limits.substitutions)
    return `its nested command substitutions weigh ${shape.substitutions} (limit ${limits.substitutions})`
  if (shape.chain > limits.chain)
    return `it chains ${shape.chain} commands with &&, || or | (limit ${limits.chain})`
  if (shape.commands > limits.commands)
    return `it holds ${shape.commands} commands (limit ${limits.commands})`
  if (shape.names > limits.names)
    return `it uses ${shape.names} variable names (limit ${limits.names})`
  return undefined
}

/** Frame kinds. QUOTE (a double-quoted string) and HEREDOC (an unquoted here-document body) add no depth. */
const enum F {
  SUB,
  BACKTICK,
  PAREN,
  ARITH,
  PARAM,
  GROUP,
  IF,
  CASE,
  DO,
  QUOTE,
  HEREDOC
}

const OPENERS: Record<string, F> = { if: F.IF, case: F.CASE, do: F.DO }
const CLOSERS: Record<string, F> = { fi: F.IF, esac: F.CASE, done: F.DO }
/** Reserved words after which the next word is in command position again. */
const LEADING = new Set(['then', 'elif', 'else', 'while', 'until', '!', 'time'])
/** Reserved words followed by a name or words, not a command. */
const NAMING = new Set(['for', 'select', 'in', 'function'])

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57)
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13
}

/** Characters that end an unquoted word. */
function endsWord(c: number): boolean {
  return (
    isBlank(c) ||
    c === 10 ||
    c === 59 /* ; */ ||
    c === 38 /* & */ ||
    c === 124 /* | */ ||
    c === 40 /* ( */ ||
    c === 41 /* ) */ ||
    c === 60 /* < */ ||
    c === 62 /* > */ ||
    Number.isNaN(c)
  )
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

interface Heredoc {
  delimiter: string
  /** `<<-`: leading tabs of the closing line are ignored. */
  strip: boolean
  /** Unquoted delimiter: the body is expanded (`$(…)` inside it is code). */
  expands: boolean
}

/** The shape of `text` (see the module comment). Linear in the length of the text. */
export function shellShape(text: string): ShellShape {
  const n = text.length
  const frames: F[] = []
  /** Per open frame (and the top level at index 0): elements of the current and-or chain. */
  const chains: number[] = [1]
  /** Delimiters of the open HEREDOC frames, innermost last. */
  const bodies: Heredoc[] = []
  let depth = 0
  let maxDepth = 0
  let substitutionDepth = 0
  /** Open arithmetic frames: inside them `((` is two parentheses, not a new arithmetic command. */
  let arithmetic = 0
  let substitutions = 0
  const names = new Set<string>()
  let commands = 0
  let maxChain = 1
  /** The next word is in command position. */
  let commandStart = true
  /** Just after `&&`, `||` or `|`: a newline continues the chain. */
  let afterOp = false
  /** Here-documents whose bodies start at the next newline. */
  const pending: Heredoc[] = []

  const top = (): F | undefined => frames[frames.length - 1]
  const open = (f: F): void => {
    frames.push(f)
    chains.push(1)
    if (f !== F.QUOTE && f !== F.HEREDOC && ++depth > maxDepth) maxDepth = depth
    if (f === F.SUB || f === F.BACKTICK) substitutions += 2 ** Math.min(++substitutionDepth, 60)
    if (f === F.ARITH) arithmetic++
    commandStart = f !== F.PARAM && f !== F.QUOTE && f !== F.HEREDOC && f !== F.ARITH
    afterOp = false
  }
  const close = (): void => {
    const f = frames.pop()!
    chains.pop()
    if (f === F.HEREDOC) bodies.pop()
    else if (f !== F.QUOTE) depth--
    if (f === F.SUB || f === F.BACKTICK) substitutionDepth--
    if (f === F.ARITH) arithmetic--
    commandStart = f === F.PAREN
    afterOp = false
  }
  const endList = (): void => {
    chains[chains.length - 1] = 1
    commandStart = true
    afterOp = false
  }
  const chainOn = (): void => {
    const k = chains.length - 1
    if (++chains[k] > maxChain) maxChain = chains[k]
    commandStart = true
    afterOp = true
  }
  /** The line starting at `i` closes here-document `h`: the index past it, else -1. */
  const closingLine = (i: number, h: Heredoc): number => {
    const nl = text.indexOf('\n', i)
    const end = nl === -1 ? n : nl
    let s = i
    if (h.strip) while (s < end && text.charCodeAt(s) === 9) s++
    let e = end
    if (e > s && text.charCodeAt(e - 1) === 13) e--
    return e - s === h.delimiter.length && text.startsWith(h.delimiter, s) ? end + 1 : -1
  }
  /**
   * At the start of a line (`i`) where here-document bodies begin: a literal body is skipped, an
   * expanding one opens a HEREDOC frame (read like a double-quoted string up to its closing line).
   */
  const startBodies = (from: number): number => {
    let i = from
    while (pending.length > 0) {
      const h = pending.shift()!
      if (h.expands) {
        const past = closingLine(i, h)
        if (past !== -1) {
          i = past
          continue
        }
        bodies.push(h)
        open(F.HEREDOC)
        return i
      }
      while (i < n) {
        const past = closingLine(i, h)
        if (past !== -1) {
          i = past
          break
        }
        const nl = text.indexOf('\n', i)
        i = nl === -1 ? n : nl + 1
      }
    }
    return Math.min(i, n)
  }

  /** The name starting at `from` (letters, digits, `_`), added to `names`; the index past it. */
  const name = (from: number): number => {
    let j = from
    if (j < n && isNameStart(text.charCodeAt(j))) {
      j++
      while (j < n && isNameChar(text.charCodeAt(j))) j++
      names.add(text.slice(from, j))
    }
    return j
  }
  /** An expansion at `i` (a `$`): opens its frame or reads its name; the index to go on from. */
  const dollar = (i: number, quoted: boolean): number => {
    const d = text.charCodeAt(i + 1)
    if (d === 40 && text.charCodeAt(i + 2) === 40) {
      open(F.ARITH)
      return i + 3
    }
    if (d === 40) {
      open(F.SUB)
      return i + 2
    }
    if (d === 123) {
      open(F.PARAM)
      const at = text.charCodeAt(i + 2)
      return name(i + 2 + (at === 35 /* # */ || at === 33 /* ! */ ? 1 : 0))
    }
    if (!quoted) {
      if (commandStart) commands++
      commandStart = false
    }
    if (d === 39 && !quoted) {
      // $'…': backslash escapes inside.
      let j = i + 2
      while (j < n && text.charCodeAt(j) !== 39) j += text.charCodeAt(j) === 92 ? 2 : 1
      return j + 1
    }
    return Math.max(name(i + 1), i + 1)
  }

  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    const t = top()
    if (c !== 10 && c !== 35 && !isBlank(c)) afterOp = false
    if (c === 92 /* \ */) {
      i += 2
      continue
    }
    if (t === F.QUOTE || t === F.HEREDOC) {
      if (c === 36 /* $ */) {
        i = dollar(i, true)
        continue
      }
      if (c === 34 /* " */ && t === F.QUOTE) close()
      else if (c === 96 /* ` */) open(F.BACKTICK)
      else if (c === 10 && t === F.HEREDOC) {
        const past = closingLine(i + 1, bodies[bodies.length - 1])
        if (past !== -1) {
          close()
          i = startBodies(past)
          if (pending.length === 0 && top() !== F.HEREDOC) endList()
          continue
        }
      }
      i++
      continue
    }
    if (c === 10) {
      if (pending.length > 0) {
        i = startBodies(i + 1)
        if (top() !== F.HEREDOC && !afterOp) endList()
        continue
      }
      if (!afterOp && t !== F.PARAM && t !== F.ARITH) endList()
      i++
      continue
    }
    if (isBlank(c)) {
      i++
      continue
    }
    if (c === 39 /* ' */) {
      const end = text.indexOf("'", i + 1)
      i = end === -1 ? n : end + 1
      if (commandStart) commands++
      commandStart = false
      continue
    }
    if (c === 34) {
      if (commandStart) commands++
      open(F.QUOTE)
      i++
      continue
    }
    if (c === 96) {
      if (t === F.BACKTICK) close()
      else open(F.BACKTICK)
      i++
      continue
    }
    if (c === 36 /* $ */) {
      i = dollar(i, false)
      continue
    }
    if (c === 40 /* ( */) {
      if (commandStart && arithmetic === 0 && text.charCodeAt(i + 1) === 40) {
        open(F.ARITH)
        i += 2
      } else {
        open(F.PAREN)
        i++
      }
      continue
    }
    if (c === 41 /* ) */) {
      if (t === F.ARITH && text.charCodeAt(i + 1) === 41) {
        close()
        i += 2
        continue
      }
      if (t === F.SUB || t === F.PAREN) close()
      // Otherwise a case pattern's `)` (or a stray one): the next word starts a command.
      else commandStart = true
      i++
      continue
    }
    if (t === F.ARITH) {
      // Arithmetic: `<<` is a shift and `&&`/`||` are operators, not lists; only parens nest.
      i++
      continue
    }
    if (c === 125 /* } */ && t === F.PARAM) {
      close()
      i++
      continue
    }
    if (c === 38 /* & */ || c === 124 /* | */) {
      const d = text.charCodeAt(i + 1)
      if (d === c) {
        chainOn()
        i += 2
      } else if (c === 124) {
        chainOn()
        i += d === 38 ? 2 : 1
      } else if (d === 62 /* &> */) {
        i += 2
      } else {
        endList()
        i++
      }
      continue
    }
    if (c === 59 /* ; */) {
      // `;;`, `;&`, `;;&` end a case item: the next word is a pattern, then a command.
      endList()
      i++
      while (i < n && (text.charCodeAt(i) === 59 || text.charCodeAt(i) === 38)) i++
      continue
    }
    if (c === 60 /* < */ && text.startsWith('<<<', i)) {
      i += 3
      continue
    }
    if (c === 60 && text.charCodeAt(i + 1) === 60) {
      // A here-document: its delimiter word now, its body after the next newline.
      let j = i + 2
      const strip = text.charCodeAt(j) === 45 /* - */
      if (strip) j++
      while (j < n && isBlank(text.charCodeAt(j))) j++
      let delimiter = ''
      let quoted = false
      while (j < n && !endsWord(text.charCodeAt(j))) {
        const d = text.charCodeAt(j)
        if (d === 39 || d === 34) {
          const end = text.indexOf(text[j], j + 1)
          const e = end === -1 ? n : end
          delimiter += text.slice(j + 1, e)
          quoted = true
          j = e + 1
        } else if (d === 92) {
          delimiter += text[j + 1] ?? ''
          quoted = true
          j += 2
        } else {
          delimiter += text[j]
          j++
        }
      }
      if (delimiter !== '') pending.push({ delimiter, strip, expands: !quoted })
      i = j
      continue
    }
    if ((c === 60 || c === 62) && text.charCodeAt(i + 1) === 40) {
      // Process substitution.
      if (commandStart) commands++
      open(F.SUB)
      i += 2
      continue
    }
    if (c === 60 || c === 62) {
      i++
      continue
    }
    if (c === 35 /* # */) {
      // A comment (a `#` inside a word was read with the word).
      const nl = text.indexOf('\n', i)
      i = nl === -1 ? n : nl
      continue
    }
    // A word, up to its end or to a quote or expansion inside it (read by the branches above).
    let j = i
    while (j < n) {
      const d = text.charCodeAt(j)
      if (endsWord(d) || d === 39 || d === 34 || d === 96 || d === 36 || d === 92) break
      if (d === 125 && t === F.PARAM) break
      j++
    }
    if (j === i) {
      i++
      continue
    }
    if (i === 0 || endsWord(text.charCodeAt(i - 1))) {
      // `NAME=…` / `NAME+=…` at the start of a word: an assignment (or a make-style argument).
      let e = i
      while (e < j && (e === i ? isNameStart : isNameChar)(text.charCodeAt(e))) e++
      if (e > i && (text[e] === '=' || text.startsWith('+=', e))) names.add(text.slice(i, e))
    }
    if (commandStart && endsWord(text.charCodeAt(j))) {
      const word = text.slice(i, j)
      const opens = OPENERS[word]
      const closes = CLOSERS[word]
      if (opens !== undefined) {
        open(opens)
        if (opens === F.CASE) commandStart = false
      } else if (closes !== undefined && t === closes) close()
      else if (word === '{') open(F.GROUP)
      else if (word === '}' && t === F.GROUP) close()
      else if (LEADING.has(word)) commandStart = true
      else if (NAMING.has(word)) commandStart = false
      else {
        commands++
        commandStart = false
      }
    } else {
      if (commandStart) commands++
      commandStart = false
    }
    i = j
  }
  return {
    bytes: utf8Length(text),
    depth: maxDepth,
    substitutions,
    commands,
    chain: maxChain,
    names: names.size
  }
}
