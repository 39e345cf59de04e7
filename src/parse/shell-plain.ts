import type { ShellCommand, ShellScript, ShellWord } from './shell.js'
import { command, unescape } from './shell-common.js'

/**
 * The shell parser's fast path: the forms RUN bodies are mostly written in, read by a small
 * recursive-descent parser into exactly what mvdan/sh's walker makes of them (shell.ts; everything
 * else goes to mvdan/sh). On the corpus it reads 3,209 of 3,254 distinct RUN bodies (96 % of their
 * text; 6 of the rest do not parse); before compound commands, escapes and comments it read 2,357
 * (34 % of the text).
 */

/**
 * Characters of a plain word outside quotes: letters, digits and `_./:=@+,%~^-*?!` `[]` — none
 * starts an expansion, a redirection, a comment, a group or a glob group (no `(` follows them).
 */
const PLAIN = new Uint8Array(128)
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=@+,%~^-*?![]')
  PLAIN[c.charCodeAt(0)] = 1
/**
 * Words that are not plain commands in command position: reserved words, and bash builtins that
 * mvdan/sh parses as clauses (declarations are read apart: DECLARATION).
 */
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
 * Scripts the fast path reads, or undefined when the text holds anything else: those go to
 * mvdan/sh, which also reports their errors.
 *
 * - Simple commands cut by `&&`, `||`, `;`, `|` and newlines, a pipeline maybe negated (`! a`). A
 *   word may quote (`'…'`; `"…"` without a backtick), escape a character with a backslash (not a
 *   newline), hold braces (`{}`; not the command word) and a `#` after plain characters (`curl
 *   -#`), and expand `$NAME`, `${NAME}`, `${#NAME}`, `${!NAME}`, `${NAME<op>word}` (`:-`, `-`,
 *   `:=`, `=`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/`, `//`, the word of plain
 *   characters, blanks and simple expansions), a special parameter or a
 *   command substitution `$(…)` whose body is itself such a script (its commands are
 *   `substituted`; in a pipeline, with the command that holds them, `piped`). A command may
 *   redirect (`>f`, `2>&1`, `&>>f`, `<f`).
 * - Declarations (`export`, `local`, `declare`, `typeset`, `readonly`, `nameref`): flags, then
 *   names and assignments, as commands named by the keyword.
 * - Compound commands: `if … then … [elif … then …] [else …] fi`, `while`/`until … do … done`,
 *   `for NAME [in words]; do … done`, `case word in pattern|pattern) … ;; … esac`, groups `{ …; }`
 *   and subshells `( … )`, each maybe redirected and in a pipeline or list (commands in a
 *   condition are `conditional`, in a subshell `subshell`; a substitution resets both), and
 *   function definitions `name() { …; }` outside pipelines.
 * - Comments from a `#` that starts a word to the end of the line (outside substitutions, without
 *   a backslash), and escaped newlines between words.
 *
 * Anything else — another character, an operator without a command on both sides, an empty list,
 * a reserved word out of place, `$((`, arrays, `[[`, here-documents, backticks, `&` — is not
 * plain.
 */
export function plain(text: string): ShellScript | undefined {
  const reader = new Reader(text)
  const end = reader.list(0, NO_STOP)
  if (end === undefined || end.at !== text.length) return undefined
  const commands = reader.commands
  // Substitutions' and compounds' commands were finished out of source order.
  commands.sort((a, b) => a.start - b.start)
  return { text, commands, hasPipe: reader.hasPipe }
}

/** What ends a list: the end of the text, a `)`, or one of some reserved words in command position. */
interface Stop {
  paren: boolean
  words: ReadonlySet<string>
  /** The list of a case item: `;;`, `;&` or `;;&` ends it too, and it may be empty. */
  item?: boolean
}
const NO_STOP: Stop = { paren: false, words: new Set() }
const PAREN: Stop = { paren: true, words: new Set() }
const stopAt = (...words: string[]): Stop => ({ paren: false, words: new Set(words) })
const CASE_ITEM: Stop = { paren: false, words: new Set(['esac']), item: true }
const THEN = stopAt('then')
const AFTER_THEN = stopAt('elif', 'else', 'fi')
const FI = stopAt('fi')
const DO = stopAt('do')
const DONE = stopAt('done')
const CLOSE_BRACE = stopAt('}')

/** Declaration keywords: mvdan/sh reads their arguments as assignments, one word each. */
const DECLARATION = new Set(['export', 'local', 'declare', 'typeset', 'readonly', 'nameref'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** The head of a function definition, `name()` or `name ()`. */
const FUNCTION = /^[A-Za-z_][A-Za-z0-9_]*[ \t]*\(\)/
/** A declaration's name or assignment (`A`, `A=…`, `A+=…`), and its flags (`-x`, `+r`). */
const DECLARATION_ARG = /^[A-Za-z_][A-Za-z0-9_]*(\+?=[^]*)?$/
const DECLARATION_FLAG = /^[-+][A-Za-z]+$/
/** Operators of `${NAME<op>word}` the fast path reads, longest first. */
const PARAM_OPS = [':-', ':=', ':+', ':?', '##', '%%', '//', '-', '=', '+', '?', '#', '%', '/']

class Reader {
  readonly commands: ShellCommand[] = []
  hasPipe = false
  private readonly n: number
  /** How deep the reader is in substitutions, subshells and conditions (as mvdan/sh's walker). */
  private substituted = 0
  private subshell = 0
  private conditional = 0
  /** Inside `(…)` of a substitution or subshell: a `)` ends a word. */
  private parens = 0

  constructor(private readonly text: string) {
    this.n = text.length
  }

  /**
   * A list from `from` to where `stop` says: the index of the stop (the `)`, the stop word's start
   * or the end of the text) and the stop word, undefined when it is not plain.
   */
  list(from: number, stop: Stop): { at: number; word: string } | undefined {
    const text = this.text
    const n = this.n
    const commands = this.commands
    let words: ShellWord[] = []
    let assigns: string[] = []
    let start = -1
    let end = -1
    /** The current command has a redirection. */
    let redirected = false
    /** The current element is a compound command, already read (only redirections may follow). */
    let compound = false
    /** … and it is a function definition. */
    let definition = false
    /** Elements (commands and compounds) read: a list is never empty. */
    let elements = 0
    /**
     * Commands of the current pipeline (from `pipeline` on, with the commands of its substitutions
     * and compounds, which are finished first), and how many elements of it stand at this level.
     */
    let pipeline = commands.length
    let top = 0
    /** After `&&`, `||` or `|`: a command must follow. */
    let pending = false
    /** After a `!` that negates the pipeline: a command must follow on the line. */
    let bang = false
    const finish = (next: string, nextEnd: number): boolean => {
      if (compound) {
        if (definition && next === '|') return false
        compound = definition = false
        top++
        elements++
        return true
      }
      if (start === -1) return false
      if (words.length > 0) {
        const first = words[0]
        if (first.raw.charCodeAt(0) === 33 /* ! */ || /[{}]/.test(first.raw)) return false
        if (DECLARATION.has(first.value)) {
          // `A=1 export B`, `\export`, `export A[1]=x`, `export A >f`: mvdan/sh reads them
          // otherwise, or not at all.
          if (assigns.length > 0 || first.raw !== first.value || redirected) return false
          // Flags first, then names and assignments: mvdan/sh rejects some other words after an
          // assignment (`export A=1 "$x"`).
          let named = false
          for (let k = 1; k < words.length; k++) {
            const raw = words[k].raw
            if (!named && DECLARATION_FLAG.test(raw)) continue
            if (raw.includes('[') || !DECLARATION_ARG.test(raw)) return false
            named = true
          }
        } else if (NOT_PLAIN_COMMAND.has(first.value)) return false
      }
      const c = command(words, assigns, start, end, next, next === '' ? end : nextEnd)
      c.substituted = this.substituted > 0
      c.subshell = this.subshell > 0
      c.conditional = this.conditional > 0
      commands.push(c)
      top++
      elements++
      words = []
      assigns = []
      start = -1
      redirected = false
      return true
    }
    const endPipeline = (): void => {
      // A pipeline's commands, and the commands of their substitutions, run piped.
      if (top > 1) for (let k = pipeline; k < commands.length; k++) commands[k].piped = true
      pipeline = commands.length
      top = 0
    }
    /** Where a stop is reached: the list so far must be complete and (but a case item's) not empty. */
    const close = (at: number, word: string): { at: number; word: string } | undefined => {
      if (pending || bang || ((start !== -1 || compound) && !finish('', at))) return undefined
      endPipeline()
      return elements === 0 && !stop.item ? undefined : { at, word }
    }
    let i = from
    for (;;) {
      if (i >= n) return stop.paren || stop.words.size > 0 ? undefined : close(i, '')
      const c = text.charCodeAt(i)
      const atCommand = start === -1 && !compound
      if (c === 41 /* ) */) {
        if (!stop.paren) return undefined
        return close(i, ')')
      } else if (c === 32 || c === 9) {
        i++
      } else if (c === 92 /* \ */ && text.charCodeAt(i + 1) === 10) {
        // An escaped newline between words: a blank.
        i += 2
      } else if (c === 10) {
        if (bang) return undefined
        if (start !== -1 || compound) {
          if (!finish('\n', i + 1)) return undefined
          endPipeline()
        }
        i++
      } else if (c === 35 /* # */ && this.substituted === 0) {
        // A comment (a word cannot start here, so this `#` starts one): up to the newline. mvdan/sh
        // continues one that ends in `\` on the next line (bash does not): one with a `\` is not plain.
        const nl = text.indexOf('\n', i)
        const lineEnd = nl === -1 ? n : nl
        for (let k = i; k < lineEnd; k++) if (text.charCodeAt(k) === 92) return undefined
        i = lineEnd
      } else if (c === 59 /* ; */) {
        // `;;`, `;&`, `;;&`: case-item terminators.
        const d = text.charCodeAt(i + 1)
        if (d === 59 || d === 38) return stop.item ? close(i, ';;') : undefined
        if (!finish(';', i + 1)) return undefined
        endPipeline()
        i++
      } else if (this.redirection(i)) {
        // A redirection widens the command (it may even be all of it); its target is no word.
        const after = this.redirect(i)
        if (after === undefined) return undefined
        if (!compound) {
          if (start === -1) start = i
          end = after
          redirected = true
        }
        pending = bang = false
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
      } else if (compound) {
        // Only redirections and operators may follow a compound command.
        return undefined
      } else if (c === 33 /* ! */ && atCommand && top === 0 && !bang && /[ \t]/.test(text[i + 1])) {
        // `! pipeline`: its status negated, its commands as they are.
        bang = true
        i++
      } else if (atCommand && top === 0 && !bang && FUNCTION.test(text.slice(i, i + 80))) {
        // `name() { …; }`: the body's commands, as they are (no command for the definition). Not
        // in a pipeline, where mvdan/sh reads it otherwise.
        const open = this.blanks(text.indexOf(')', i) + 1, true)
        if (text[open] !== '{') return undefined
        const after = this.compound(open, '{')
        if (after === undefined) return undefined
        compound = definition = true
        pending = false
        i = after
      } else if (atCommand && this.opens(i)) {
        const word = this.reservedAt(i)
        if (stop.words.has(word)) return close(i, word)
        const after = this.compound(i, word)
        if (after === undefined) return undefined
        compound = true
        pending = bang = false
        i = after
      } else {
        const word = this.word(i)
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
        pending = bang = false
        i = word.end
      }
    }
  }

  /** The word at `i` as a reserved word: `{`, `}`, `(` or a keyword ('' when none). */
  private reservedAt(i: number): string {
    const text = this.text
    const c = text[i]
    if (c === '(' || c === '{' || c === '}') return c
    let k = i
    while (k < this.n && /[a-z]/.test(text[k])) k++
    return text.slice(i, k)
  }

  /** Does a compound command or a stop word open at `i` (in command position)? */
  private opens(i: number): boolean {
    const text = this.text
    const c = text.charCodeAt(i)
    if (c === 40 /* ( */) return text.charCodeAt(i + 1) !== 40
    const word = this.reservedAt(i)
    if (word === '') return false
    const after = text.charCodeAt(i + word.length)
    // A reserved word is a whole word: a blank, newline, `;`, `&`, `|`, `<`, `>`, `)` or the end follows.
    const delimited =
      i + word.length >= this.n ||
      after === 32 ||
      after === 9 ||
      after === 10 ||
      after === 59 ||
      after === 38 ||
      after === 124 ||
      after === 60 ||
      after === 62 ||
      after === 41
    if (!delimited) return false
    return (
      word === '{' ||
      word === '}' ||
      word === 'if' ||
      word === 'while' ||
      word === 'until' ||
      word === 'for' ||
      word === 'then' ||
      word === 'elif' ||
      word === 'else' ||
      word === 'fi' ||
      word === 'do' ||
      word === 'done' ||
      word === 'case' ||
      word === 'esac'
    )
  }

  /** The compound command `word` opens at `i`: the index past its end, undefined when not plain. */
  private compound(i: number, word: string): number | undefined {
    const text = this.text
    switch (word) {
      case '(': {
        this.subshell++
        this.parens++
        const inner = this.list(i + 1, PAREN)
        this.parens--
        this.subshell--
        return inner && inner.at + 1
      }
      case '{': {
        if (!/[ \t\n]/.test(text[i + 1] ?? '')) return undefined
        const inner = this.list(i + 1, CLOSE_BRACE)
        return inner && inner.at + 1
      }
      case 'if': {
        let at = i + 2
        for (;;) {
          this.conditional++
          const cond = this.list(at, THEN)
          this.conditional--
          if (!cond) return undefined
          const body = this.list(cond.at + 4, AFTER_THEN)
          if (!body) return undefined
          if (body.word === 'fi') return body.at + 2
          if (body.word === 'else') {
            const last = this.list(body.at + 4, FI)
            return last && last.at + 2
          }
          at = body.at + 4 // elif
        }
      }
      case 'while':
      case 'until': {
        this.conditional++
        const cond = this.list(i + word.length, DO)
        this.conditional--
        if (!cond) return undefined
        const body = this.list(cond.at + 2, DONE)
        return body && body.at + 4
      }
      case 'for':
        return this.forLoop(i + 3)
      case 'case':
        return this.caseClause(i + 4)
      default:
        // A stop word out of its place (`fi` with no `if`), `}` without `{`.
        return undefined
    }
  }

  /** `for NAME in words; do list; done` from just past `for`: the index past `done`. */
  private forLoop(from: number): number | undefined {
    const text = this.text
    let k = this.blanks(from, false)
    const nameEnd = this.wordEnd(k)
    if (!NAME.test(text.slice(k, nameEnd))) return undefined
    k = this.blanks(nameEnd, false)
    if (text.startsWith('in', k) && /[ \t]/.test(text[k + 2] ?? '')) {
      k += 2
      let items = 0
      for (;;) {
        k = this.blanks(k, false)
        const c = text.charCodeAt(k)
        if (c === 59 || c === 10) break
        const word = this.word(k)
        if (!word || word.end === k) return undefined
        items++
        k = word.end
      }
      if (items === 0) return undefined
    } else if (text[k] !== ';' && text[k] !== '\n') return undefined // `for NAME; do`: "$@"
    if (text.startsWith(';;', k)) return undefined
    // Blanks and newlines, then `do`.
    k = this.blanks(k + 1, true)
    if (!this.opens(k) || this.reservedAt(k) !== 'do') return undefined
    const body = this.list(k + 2, DONE)
    return body && body.at + 4
  }

  /**
   * `case word in [(]pattern[|pattern]…) list ;; … esac` from just past `case`: the index past
   * `esac`. An item's list may be empty and end with `;;`, `;&`, `;;&` or (the last) `esac`.
   */
  private caseClause(from: number): number | undefined {
    const text = this.text
    let k = this.blanks(from, false)
    const subject = this.word(k)
    if (!subject || subject.end === k) return undefined
    k = this.blanks(subject.end, false)
    if (!text.startsWith('in', k) || !/[ \t\n]/.test(text[k + 2] ?? '')) return undefined
    k += 2
    for (;;) {
      k = this.blanks(k, true)
      if (this.opens(k) && this.reservedAt(k) === 'esac') return k + 4
      if (text[k] === '(') k++
      // Patterns: words up to `)`, cut by `|`.
      this.parens++
      for (;;) {
        k = this.blanks(k, false)
        const pattern = this.word(k)
        if (!pattern || pattern.end === k || this.reserved(k, pattern.end)) {
          this.parens--
          return undefined
        }
        k = pattern.end
        k = this.blanks(k, false)
        if (text[k] !== '|') break
        k++
      }
      this.parens--
      if (text[k] !== ')') return undefined
      const body = this.list(k + 1, CASE_ITEM)
      if (!body) return undefined
      if (body.word === 'esac') return body.at + 4
      k = body.at + (text.startsWith(';;&', body.at) ? 3 : 2)
    }
  }

  /** Is the word from `s` to `e` a reserved word (`esac` as a pattern is not read here)? */
  private reserved(s: number, e: number): boolean {
    return NOT_PLAIN_COMMAND.has(this.text.slice(s, e))
  }

  /** Past the blanks and escaped newlines (and with `newlines`, newlines) from `k`. */
  private blanks(k: number, newlines: boolean): number {
    const text = this.text
    while (k < this.n) {
      const c = text.charCodeAt(k)
      if (c === 32 || c === 9 || (newlines && c === 10)) k++
      else if (c === 92 && text.charCodeAt(k + 1) === 10) k += 2
      else break
    }
    return k
  }

  /** Where a run of word characters from `k` ends (for a loop's name). */
  private wordEnd(k: number): number {
    while (k < this.n && /[A-Za-z0-9_]/.test(this.text[k])) k++
    return k
  }

  /** One word from `s`: where it ends and its value after quote removal (undefined: it expands). */
  private word(s: number): { end: number; value: string | undefined } | undefined {
    const text = this.text
    const n = this.n
    let value: string | undefined = ''
    let i = s
    let chunk = s
    /** The unquoted text since `chunk` holds a backslash. */
    let escaped = false
    /** The last character read was a plain one (not a quote, an expansion or an escape). */
    let afterPlain = false
    const flush = (to: number): void => {
      if (value === undefined) return
      const part = text.slice(chunk, to)
      value += escaped ? unescape(part, false) : part
      escaped = false
    }
    while (i < n) {
      const d = text.charCodeAt(i)
      if (d === 39 /* ' */) {
        const close = text.indexOf("'", i + 1)
        if (close === -1) return undefined
        flush(i)
        if (value !== undefined) value += text.slice(i + 1, close)
        i = close + 1
        chunk = i
        afterPlain = false
      } else if (d === 34 /* " */) {
        flush(i)
        let k = i + 1
        let expands = false
        let slashes = false
        for (;;) {
          if (k >= n) return undefined
          const q = text.charCodeAt(k)
          if (q === 34) break
          if (q === 96) return undefined
          if (q === 92 /* \ */) {
            const e = text.charCodeAt(k + 1)
            if (k + 1 >= n || e === 10 || e === 13) return undefined
            slashes = true
            k += 2
          } else if (q === 36 /* $ */) {
            const after = this.expansion(k)
            if (after === undefined) return undefined
            expands = true
            k = after
          } else k++
        }
        if (expands) value = undefined
        else if (value !== undefined) {
          const inner = text.slice(i + 1, k)
          value += slashes ? unescape(inner, true) : inner
        }
        i = k + 1
        chunk = i
        afterPlain = false
      } else if (d === 36 /* $ */) {
        const after = this.expansion(i)
        if (after === undefined) return undefined
        value = undefined
        i = after
        afterPlain = false
      } else if (d === 92 /* \ */) {
        // `\x` is `x`; an escaped newline inside a word, a carriage return or a surrogate are left
        // to mvdan/sh.
        const e = text.charCodeAt(i + 1)
        if (i + 1 >= n || e === 10 || e === 13 || (e >= 0xd800 && e <= 0xdfff)) return undefined
        escaped = true
        i += 2
        afterPlain = false
      } else if ((d < 128 && PLAIN[d] === 1) || d === 123 /* { */ || d === 125 /* } */) {
        // Braces are literal inside words (`find -exec rm {} +`); a command word with one is left
        // to mvdan/sh (`finish`).
        i++
        afterPlain = true
      } else if (d === 35 /* # */ && afterPlain) {
        // Inside a word after plain characters (`curl -#`), not a comment. mvdan/sh starts one
        // after a quote or an expansion (`"a"#`, `$A#`): those are left to it.
        i++
      } else if (d === 32 || d === 9 || d === 10 || d === 59 || d === 38 || d === 124) break
      else if (d === 62 /* > */ || d === 60 /* < */) {
        // A digit right before `>`/`<` may be read as a file descriptor (mvdan/sh reads `$12>f`
        // as `$1` and `2>f`): only a lone digit at the start of a token is (`redirection`).
        const before = text.charCodeAt(i - 1)
        if (i > s && before >= 48 && before <= 57) return undefined
        break
      } else if (d === 41 /* ) */ && this.parens > 0) break
      else return undefined
    }
    if (value !== undefined) {
      if (chunk === s && !escaped) value = text.slice(s, i)
      else flush(i)
    }
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
  private redirect(i: number): number | undefined {
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
    const target = this.word(k)
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
    if (c === '{') return this.braced(i + 2)
    if (c === '(' && text.charCodeAt(i + 2) !== 40 /* ( */) {
      // A substitution runs on its own: subshell and condition context do not reach inside.
      const { subshell, conditional } = this
      this.subshell = this.conditional = 0
      this.substituted++
      this.parens++
      const close = this.list(i + 2, PAREN)
      this.parens--
      this.substituted--
      this.subshell = subshell
      this.conditional = conditional
      return close === undefined ? undefined : close.at + 1
    }
    return undefined
  }

  /**
   * The end of `${…}` whose name starts at `k`: `${NAME}`, `${#NAME}`, or `${NAME<op>word}` with a
   * word of plain characters and simple expansions (`$NAME`, `${NAME}`, special parameters).
   */
  private braced(k: number): number | undefined {
    const text = this.text
    // `${#NAME}` (length), `${!NAME}` (indirection): the name alone follows.
    const length = text[k] === '#' || text[k] === '!'
    if (length) k++
    if (!NAME_START.test(text[k] ?? '')) return undefined
    k++
    while (k < this.n && NAME_CHAR.test(text[k])) k++
    if (text.charCodeAt(k) === 125 /* } */) return k + 1
    if (length) return undefined
    const op = PARAM_OPS.find((o) => text.startsWith(o, k))
    if (op === undefined) return undefined
    k += op.length
    while (k < this.n) {
      const d = text.charCodeAt(k)
      if (d === 125) return k + 1
      if ((d < 128 && PLAIN[d] === 1) || d === 32 || d === 9) k++
      else if (d === 36 /* $ */) {
        const e = text[k + 1] ?? ''
        if (NAME_START.test(e)) {
          k += 2
          while (k < this.n && NAME_CHAR.test(text[k])) k++
        } else if (SPECIAL.test(e)) k += 2
        else if (e === '{') {
          let j = k + 2
          if (!NAME_START.test(text[j] ?? '')) return undefined
          j++
          while (j < this.n && NAME_CHAR.test(text[j])) j++
          if (text.charCodeAt(j) !== 125) return undefined
          k = j + 1
        } else return undefined
      } else return undefined
    }
    return undefined
  }
}
