import type { ShellCommand, ShellScript, ShellWord } from './shell.js'
import { command } from './shell-common.js'

/**
 * The shell parser's fast path: plain command lists split by a tokenizer, which is exactly what bash
 * does with them (everything else goes to the parser in shell.ts).
 */

/**
 * Characters of a plain word outside quotes: letters, digits and `_./:=@+,%~^-*?!` `[]` — none
 * starts an expansion, a redirection, a comment, a group or a glob group (no `(` follows them).
 */
const PLAIN = new Uint8Array(128)
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@+,%~^-*?![]')
  PLAIN[c.charCodeAt(0)] = 1
/** Words that are not plain commands in command position (reserved words, bash builtins that mvdan/sh parses as clauses). */
const NOT_PLAIN_COMMAND = new Set([
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'select',
  'in',
  'function',
  'time',
  'coproc',
  '[[',
  ']]',
  'export',
  'local',
  'declare',
  'typeset',
  'readonly',
  'nameref',
  'let'
])
const PLAIN_ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*\+?=/
const INDEXED = /^[A-Za-z_][A-Za-z0-9_]*\[/

const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/
/** `$0`…`$9`, `$@`, `$*`, `$?`, `$$`, `$!`: special parameters that end where they start. */
const SPECIAL = /[0-9@*?$!]/
/** What `>&` may duplicate to here: a descriptor or `-` (closed). */
const DESCRIPTOR = /^([0-9]+|-)$/

/**
 * Simple commands of plain words cut by `&&`, `||`, `;`, `|` and newlines, or undefined when the
 * text holds anything else: those go to mvdan/sh, which also reports their errors. A word may
 * quote (`'…'` without `\`; `"…"` without `\` or a backtick) and expand `$NAME`, `${NAME}`, a
 * special parameter or a command substitution `$(…)` whose body is itself such a list (its
 * commands are `substituted`; in a pipeline, with the command that holds them, `piped`), and a
 * command may redirect (`>f`, `2>&1`, `&>>f`, `<f`). Anything else — another character, an operator without a command on both sides, a reserved word or
 * declaration in command position, `$((`, `${…}` with an operator — is not plain.
 */
export function plain(text: string): ShellScript | undefined {
  const reader = new Reader(text)
  const end = reader.list(0, false)
  if (end !== text.length) return undefined
  const commands = reader.commands
  // Substitutions' commands were finished before the command that holds them.
  commands.sort((a, b) => a.start - b.start)
  return { text, commands, hasPipe: reader.hasPipe }
}

class Reader {
  readonly commands: ShellCommand[] = []
  hasPipe = false
  private readonly n: number

  constructor(private readonly text: string) {
    this.n = text.length
  }

  /**
   * A list from `from` to the end of the text, or (`inner`) to the `)` that closes a command
   * substitution: the index where it stopped, undefined when it is not plain.
   */
  list(from: number, inner: boolean): number | undefined {
    const text = this.text
    const n = this.n
    const commands = this.commands
    const first = commands.length
    let words: ShellWord[] = []
    let assigns: string[] = []
    let start = -1
    let end = -1
    /**
     * Commands of the current pipeline (from `pipeline` on, with their substitutions' commands,
     * which are finished first), and how many of them stand at this level.
     */
    let pipeline = commands.length
    let top = 0
    /** After `&&`, `||` or `|`: a command must follow. */
    let pending = false
    const finish = (next: string, nextEnd: number): boolean => {
      if (start === -1) return false
      if (words.length > 0 && NOT_PLAIN_COMMAND.has(words[0].value)) return false
      if (words.length > 0 && words[0].raw.charCodeAt(0) === 33 /* ! */) return false
      commands.push(command(words, assigns, start, end, next, next === '' ? end : nextEnd))
      top++
      words = []
      assigns = []
      start = -1
      return true
    }
    const endPipeline = (): void => {
      // A pipeline's commands, and the commands of their substitutions, run piped.
      if (top > 1) for (let k = pipeline; k < commands.length; k++) commands[k].piped = true
      pipeline = commands.length
      top = 0
    }
    let i = from
    for (;;) {
      if (i >= n || (inner && text.charCodeAt(i) === 41) /* ) */) {
        if (i >= n && inner) return undefined
        if (pending || (start !== -1 && !finish('', i))) return undefined
        endPipeline()
        if (inner) {
          if (commands.length === first) return undefined
          for (let k = first; k < commands.length; k++) commands[k].substituted = true
        }
        return i
      }
      const c = text.charCodeAt(i)
      if (c === 32 || c === 9) {
        i++
      } else if (c === 10) {
        if (start !== -1) {
          if (!finish('\n', i + 1)) return undefined
          endPipeline()
        }
        i++
      } else if (c === 59 /* ; */) {
        // `;;`, `;&`: case-item terminators.
        const d = text.charCodeAt(i + 1)
        if (d === 59 || d === 38 || !finish(';', i + 1)) return undefined
        endPipeline()
        i++
      } else if (this.redirection(i)) {
        // A redirection widens the command (it may even be all of it); its target is no word.
        const after = this.redirect(i, inner)
        if (after === undefined) return undefined
        if (start === -1) start = i
        end = after
        pending = false
        i = after
      } else if (c === 38 /* & */ || c === 124 /* | */) {
        const d = text.charCodeAt(i + 1)
        const double = d === c
        if (!double && (c === 38 || d === 38)) return undefined
        const op = double ? (c === 38 ? '&&' : '||') : '|'
        if (text.charCodeAt(i + op.length) === 38 || !finish(op, i + op.length)) return undefined
        if (double) endPipeline()
        else this.hasPipe = true
        pending = true
        i += op.length
      } else {
        const word = this.word(i, inner)
        if (!word) return undefined
        const raw = text.slice(i, word.end)
        if (start === -1) start = i
        end = word.end
        if (words.length === 0 && PLAIN_ASSIGN.test(raw)) assigns.push(raw)
        // mvdan/sh reads `x[…` in command position as an indexed assignment (`x[1]=2`; bash runs
        // `x[` as a command) and also `,=x` as an assignment (bash does not).
        else if (words.length === 0 && (INDEXED.test(raw) || raw.includes('='))) return undefined
        else
          words.push({
            value: word.value ?? raw,
            raw,
            literal: word.value !== undefined,
            start: i,
            end: word.end
          })
        pending = false
        i = word.end
      }
    }
  }

  /** One word from `s`: where it ends and its value after quote removal (undefined: it expands). */
  private word(s: number, inner: boolean): { end: number; value: string | undefined } | undefined {
    const text = this.text
    const n = this.n
    let value: string | undefined = ''
    let i = s
    let chunk = s
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d === 39 /* ' */) {
        const close = text.indexOf("'", i + 1)
        if (close === -1) return undefined
        for (let k = i + 1; k < close; k++) if (text.charCodeAt(k) === 92) return undefined
        if (value !== undefined) value += text.slice(chunk, i) + text.slice(i + 1, close)
        i = close + 1
        chunk = i
      } else if (d === 34 /* " */) {
        const before = text.slice(chunk, i)
        let k = i + 1
        let expands = false
        for (;;) {
          if (k >= n) return undefined
          const q = text.charCodeAt(k)
          if (q === 34) break
          if (q === 92 || q === 96) return undefined
          if (q === 36 /* $ */) {
            const after = this.expansion(k)
            if (after === undefined) return undefined
            expands = true
            k = after
          } else k++
        }
        if (expands) value = undefined
        else if (value !== undefined) value += before + text.slice(i + 1, k)
        i = k + 1
        chunk = i
      } else if (d === 36 /* $ */) {
        const after = this.expansion(i)
        if (after === undefined) return undefined
        value = undefined
        i = after
      } else if (d < 128 && PLAIN[d] === 1) i++
      else if (d === 32 || d === 9 || d === 10 || d === 59 || d === 38 || d === 124) break
      else if (d === 62 /* > */ || d === 60 /* < */) {
        // A digit right before `>`/`<` may be read as a file descriptor (mvdan/sh reads `$12>f`
        // as `$1` and `2>f`): only a lone digit at the start of a token is (`redirection`).
        const before = text.charCodeAt(i - 1)
        if (i > s && before >= 48 && before <= 57) return undefined
        break
      } else if (d === 41 /* ) */ && inner) break
      else return undefined
    }
    if (value !== undefined) value = chunk === s ? text.slice(s, i) : value + text.slice(chunk, i)
    return { end: i, value }
  }

  /** Does a redirection start at `i` (`[n]>`, `[n]<`, `&>`)? */
  private redirection(i: number): boolean {
    const text = this.text
    const c = text.charCodeAt(i)
    if (c === 62 || c === 60) return true
    const d = text.charCodeAt(i + 1)
    if (c === 38) return d === 62
    return c >= 48 && c <= 57 && (d === 62 || d === 60)
  }

  /**
   * The end of the redirection at `i`, undefined when it is not one we read: `[n]>`, `[n]>>`,
   * `[n]<`, `&>`, `&>>` and `[n]>&` to a descriptor or `-`, each with a target word (which may
   * expand). Here-documents, here-strings, `>|`, `<>`, `<&` and process substitutions are not.
   */
  private redirect(i: number, inner: boolean): number | undefined {
    const text = this.text
    let k = i
    const c = text.charCodeAt(k)
    if (c >= 48 && c <= 57) k++
    let dup = false
    if (text[k] === '&') {
      if (k !== i || text[k + 1] !== '>') return undefined
      k += text[k + 2] === '>' ? 3 : 2
    } else if (text[k] === '>') {
      k++
      if (text[k] === '>') k++
      else if (text[k] === '&') {
        k++
        dup = true
      } else if (text[k] === '|') return undefined
    } else if (text[k] === '<') {
      k++
      if (text[k] === '<' || text[k] === '&' || text[k] === '>') return undefined
    } else return undefined
    while (text[k] === ' ' || text[k] === '\t') k++
    const target = this.word(k, inner)
    if (!target || target.end === k) return undefined
    if (dup && !DESCRIPTOR.test(text.slice(k, target.end))) return undefined
    return target.end
  }

  /** The end of the expansion at `$` (`i`), undefined when it is not one we read. */
  private expansion(i: number): number | undefined {
    const text = this.text
    const c = text[i + 1] ?? ''
    if (NAME_START.test(c)) {
      let k = i + 2
      while (k < this.n && NAME_CHAR.test(text[k])) k++
      return k
    }
    if (SPECIAL.test(c)) return i + 2
    if (c === '{') {
      if (!NAME_START.test(text[i + 2] ?? '')) return undefined
      let k = i + 3
      while (k < this.n && NAME_CHAR.test(text[k])) k++
      return text.charCodeAt(k) === 125 /* } */ ? k + 1 : undefined
    }
    if (c === '(' && text.charCodeAt(i + 2) !== 40 /* ( */) {
      const close = this.list(i + 2, true)
      return close === undefined ? undefined : close + 1
    }
    return undefined
  }
}
