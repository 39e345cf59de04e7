import type { ShellCommand, ShellScript, ShellWord } from './shell.js'

/**
 * What every reader of a script shares (the fast path, each parser, the fallback): the command
 * record, the operator after a command, backslash removal, and the rough reading of a script that
 * does not parse.
 */

/** A command in script coordinates (`args` is filled by `locate`). */
export function command(
  words: ShellWord[],
  assigns: string[],
  start: number,
  end: number,
  next: string,
  nextEnd: number
): ShellCommand {
  return {
    name: words.length > 0 ? words[0].value : '',
    words,
    args: [],
    assigns,
    start,
    end,
    index: -1,
    piped: false,
    substituted: false,
    subshell: false,
    conditional: false,
    next,
    nextEnd
  }
}

export const EXPANDS = /[$`"'\\]/
const OPERATORS = ['&&', '||', '|&', ';;&', ';;', ';&', ';', '&', '|', '\n']
const LIST_END = new Set([';;&', ';;', ';&'])

/**
 * The operator after a command that ends at `from` (blanks, comments and escaped newlines skipped):
 * [operator, index just past it], or ['', from]. Case-item terminators count as none.
 */
export function operatorAfter(text: string, from: number): [string, number] {
  let i = from
  for (;;) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 9 || c === 13) i++
    else if (c === 92 && text.charCodeAt(i + 1) === 10) i += 2
    else if (c === 92 && text.charCodeAt(i + 1) === 13 && text.charCodeAt(i + 2) === 10) i += 3
    else if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i)
      i = nl === -1 ? text.length : nl
    } else break
  }
  for (const op of OPERATORS) {
    if (text.startsWith(op, i)) return LIST_END.has(op) ? ['', from] : [op, i + op.length]
  }
  return ['', from]
}

/**
 * Backslash removal as the shell does it: outside double quotes `\x` → `x`; inside, only before
 * `$`, backtick, `"`, `\`; an escaped newline disappears.
 */
export function unescape(raw: string, quoted: boolean): string {
  let out = ''
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c !== '\\' || i + 1 >= raw.length) {
      out += c
      continue
    }
    const d = raw[i + 1]
    if (d === '\n') i++
    else if (d === '\r' && raw[i + 2] === '\n') i += 2
    else if (!quoted || d === '$' || d === '`' || d === '"' || d === '\\') {
      out += d
      i++
    } else out += c
  }
  return out
}

// Fallback for scripts that do not parse.

const BLANK = /\s/
const WORD_END = /[\s;&|]/

export function fallback(text: string): ShellCommand[] {
  const commands: ShellCommand[] = []
  let words: ShellWord[] = []
  let piped = false
  const flush = (nextPiped: boolean, next: string, nextEnd: number): void => {
    if (words.length > 0) {
      const end = words[words.length - 1].end
      const c = command(words, [], words[0].start, end, next, next === '' ? end : nextEnd)
      c.piped = piped || nextPiped
      commands.push(c)
    }
    words = []
    piped = nextPiped
  }
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '\n' || c === ';') {
      flush(false, c, i + 1)
      i++
    } else if (BLANK.test(c)) {
      i++
    } else if (c === '&') {
      const double = text[i + 1] === '&'
      flush(false, double ? '&&' : '&', i + (double ? 2 : 1))
      i += double ? 2 : 1
    } else if (c === '|') {
      const double = text[i + 1] === '|'
      flush(!double, double ? '||' : '|', i + (double ? 2 : 1))
      i += double ? 2 : 1
    } else {
      const s = i
      let value = ''
      let literal = true
      while (i < text.length && !WORD_END.test(text[i])) {
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
      words.push({ value: literal ? value : raw, raw, literal, start: s, end: e })
    }
  }
  flush(false, '', text.length)
  return commands
}

export function failed(text: string, message: string, offset: number): ShellScript {
  const commands = fallback(text)
  return {
    text,
    commands,
    error: { message, offset: Math.min(offset, text.length) },
    hasPipe: commands.some((c) => c.next === '|')
  }
}

/**
 * What a parser's walker collects: every simple command with its context (the counters are raised
 * and lowered by the walker as it enters and leaves pipelines, substitutions, subshells and
 * conditions), in source order.
 */
export class CommandCollector {
  readonly commands: ShellCommand[] = []
  hasPipe = false
  protected piped = 0
  protected substituted = 0
  protected subshell = 0
  protected conditional = 0

  constructor(protected readonly text: string) {}

  protected push(words: ShellWord[], assigns: string[], start: number, end: number): void {
    const [next, nextEnd] = operatorAfter(this.text, end)
    const c = command(words, assigns, start, end, next, next === '' ? end : nextEnd)
    c.piped = this.piped > 0
    c.substituted = this.substituted > 0
    c.subshell = this.subshell > 0
    c.conditional = this.conditional > 0
    this.commands.push(c)
  }

  /** The script read so far, commands sorted by where they start. */
  protected collected(): ShellScript {
    const commands = this.commands.sort((a, b) => a.start - b.start)
    return { text: this.text, commands, hasPipe: this.hasPipe }
  }
}
