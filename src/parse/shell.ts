/**
 * RUN bodies through a shell parser with every word and command located in the *file*: the caller
 * passes the script text and, for each script character, the file offset it came from (line
 * continuations removed, heredoc bodies mapped).
 *
 * The parser is our own recursive descent over bash syntax (lists, pipelines, `if`/`for`/`while`/
 * `until`/`case`/`select`, `{ }`, `( )`, functions, `[[ ]]`, `(( ))`, redirections, here-documents,
 * quoting, `$(…)`, backticks, `${…}`, `$((…))`, process substitution). It extracts what hadolint's
 * rules need — every simple command, including those inside substitutions and compound commands —
 * and reports the first syntax error while still returning every command it could read. It replaced
 * mvdan/sh (GopherJS), whose parse + walk cost ~10 ms per long RUN; this one reads a megabyte of
 * shell in a few milliseconds.
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
  /** Set when the script does not parse as bash; `commands` then hold what could be read. */
  error?: ShellError
  /** Any `|` or `|&` pipeline anywhere in the script. */
  hasPipe: boolean
}

// Character codes used by the scanner.
const TAB = 9
const NL = 10
const CR = 13
const SPACE = 32
const BANG = 33
const DQUOTE = 34
const HASH = 35
const DOLLAR = 36
const AMP = 38
const SQUOTE = 39
const LPAREN = 40
const RPAREN = 41
const STAR = 42
const PLUS = 43
const SEMI = 59
const LT = 60
const EQ = 61
const GT = 62
const QUEST = 63
const AT = 64
const LBRACKET = 91
const BACKSLASH = 92
const BACKTICK = 96
const LBRACE = 123
const PIPE = 124
const RBRACE = 125

/** Characters that end an unquoted word. */
function isMeta(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === NL ||
    c === CR ||
    c === SEMI ||
    c === AMP ||
    c === PIPE ||
    c === LPAREN ||
    c === RPAREN ||
    c === LT ||
    c === GT
  )
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57)
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/

/** Reserved words that end a list (the caller decides which one it expects). */
const TERMINATORS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}'])
const THEN = new Set(['then'])
const ELSE = new Set(['elif', 'else', 'fi'])
const FI = new Set(['fi'])
const DO = new Set(['do'])
const DONE = new Set(['done'])
const BRACE = new Set(['}'])
const ESAC = new Set(['esac'])
const RESERVED_START = /^[!{}[cdefistuw]$/
const REDIRECTIONS = new Set([
  '<',
  '>',
  '>>',
  '<<',
  '<<-',
  '<<<',
  '<&',
  '>&',
  '<>',
  '>|',
  '&>',
  '&>>'
])

/**
 * Words and commands are built in their final shape with script indices, and moved to file
 * offsets in place at the end (one object each, not two).
 */
type Word = ShellWord
type RawCommand = ShellCommand

interface Heredoc {
  delimiter: string
  stripTabs: boolean
}

class SyntaxError_ {
  constructor(
    readonly message: string,
    readonly index: number
  ) {}
}

/** Shell parser state over one script. */
class Parser {
  i = 0
  readonly commands: RawCommand[] = []
  error: SyntaxError_ | undefined
  hasPipe = false
  private heredocs: Heredoc[] = []
  /** Nesting context for new commands. */
  private substDepth = 0
  private subshellDepth = 0
  private conditionDepth = 0

  constructor(
    readonly s: string,
    public end: number
  ) {}

  fail(message: string, index = this.i): void {
    if (!this.error) this.error = new SyntaxError_(message, Math.min(index, this.s.length))
  }

  private code(k = this.i): number {
    return k < this.end ? this.s.charCodeAt(k) : -1
  }

  /** Skip blanks, comments and backslash-newlines (not newlines). */
  private skipBlanks(): void {
    const s = this.s
    for (;;) {
      const c = this.code()
      if (c === SPACE || c === TAB || c === CR) this.i++
      else if (c === BACKSLASH && (s.charCodeAt(this.i + 1) === NL || this.i + 1 >= this.end)) {
        this.i += 2
      } else if (
        c === BACKSLASH &&
        s.charCodeAt(this.i + 1) === CR &&
        s.charCodeAt(this.i + 2) === NL
      ) {
        this.i += 3
      } else if (c === HASH) {
        while (this.i < this.end && s.charCodeAt(this.i) !== NL) this.i++
      } else return
    }
  }

  /** Skip blanks, comments and newlines (consuming pending here-document bodies). */
  private skipNewlines(): void {
    for (;;) {
      this.skipBlanks()
      if (this.code() === NL) {
        this.i++
        this.readHeredocBodies()
      } else return
    }
  }

  private readHeredocBodies(): void {
    if (this.heredocs.length === 0) return
    const pending = this.heredocs
    this.heredocs = []
    const s = this.s
    for (const h of pending) {
      let found = false
      while (this.i < this.end) {
        let nl = s.indexOf('\n', this.i)
        if (nl === -1 || nl > this.end) nl = this.end
        let line = s.slice(this.i, nl)
        if (line.endsWith('\r')) line = line.slice(0, -1)
        if (h.stripTabs) line = line.replace(/^\t+/, '')
        this.i = Math.min(nl + 1, this.end)
        if (line === h.delimiter) {
          found = true
          break
        }
      }
      if (!found) return // bash: "here-document delimited by end-of-file" (a warning only)
    }
  }

  /** Peek an operator at the current position (after blanks). */
  private peekOp(): string {
    const s = this.s
    const c = this.code()
    const d = this.code(this.i + 1)
    switch (c) {
      case AMP:
        if (d === AMP) return '&&'
        if (d === GT) return s.charCodeAt(this.i + 2) === GT ? '&>>' : '&>'
        return '&'
      case PIPE:
        if (d === PIPE) return '||'
        if (d === AMP) return '|&'
        return '|'
      case SEMI:
        if (d === SEMI) return s.charCodeAt(this.i + 2) === AMP ? ';;&' : ';;'
        if (d === AMP) return ';&'
        return ';'
      case LPAREN:
        return '('
      case RPAREN:
        return ')'
      case NL:
        return '\n'
      case LT:
        if (d === LT) {
          const e = this.code(this.i + 2)
          if (e === LT) return '<<<'
          if (e === 45) return '<<-'
          return '<<'
        }
        if (d === AMP) return '<&'
        if (d === GT) return '<>'
        if (d === LPAREN) return ''
        return '<'
      case GT:
        if (d === GT) return '>>'
        if (d === AMP) return '>&'
        if (d === PIPE) return '>|'
        if (d === LPAREN) return ''
        return '>'
      default:
        return ''
    }
  }

  /**
   * Parse a list of pipelines until EOF or a terminator: a reserved word in `words` (in command
   * position), `)` when `paren`, or a `;;`-style case terminator when `inCase`.
   */
  parseList(words: ReadonlySet<string> | undefined, paren: boolean, inCase = false): string {
    for (;;) {
      this.skipNewlines()
      if (this.i >= this.end) return ''
      const op = this.peekOp()
      if (op === ')') {
        if (paren) return ')'
        this.fail('unexpected `)`')
        this.i++
        continue
      }
      if (op === ';;' || op === ';&' || op === ';;&') {
        if (inCase) return op
        this.fail(`unexpected \`${op}\``)
        this.i += op.length
        continue
      }
      if (op === '&&' || op === '||' || op === '|' || op === '|&' || op === ';' || op === '&') {
        this.fail(`unexpected \`${op}\``)
        this.i += op.length
        continue
      }
      const w = this.peekReserved()
      if (w !== undefined && words?.has(w)) return w
      if (w !== undefined && TERMINATORS.has(w)) {
        this.fail(`unexpected \`${w}\``)
        this.i += w.length
        continue
      }
      const before = this.i
      const last = this.parseAndOr()
      if (this.i === before) {
        // Nothing consumed: skip a character so the parser always advances.
        this.fail(`unexpected \`${this.s[this.i]}\``)
        this.i++
      }
      this.skipBlanks()
      const sep = this.peekOp()
      if (sep === ';' || sep === '&' || sep === '\n') {
        if (last) {
          last.next = sep
          last.nextEnd = this.i + 1
        }
        if (sep !== '\n') this.i++
      }
    }
  }

  /** A reserved word at the current position, if the next word is one. */
  private peekReserved(): string | undefined {
    const s = this.s
    // Reserved words start with one of `!{}[cdefistuw`.
    if (!RESERVED_START.test(s[this.i] ?? '')) return undefined
    let k = this.i
    while (k < this.end && !isMeta(s.charCodeAt(k))) k++
    if (k === this.i) return undefined
    const w = s.slice(this.i, k)
    switch (w) {
      case 'if':
      case 'then':
      case 'elif':
      case 'else':
      case 'fi':
      case 'do':
      case 'done':
      case 'case':
      case 'esac':
      case 'while':
      case 'until':
      case 'for':
      case 'select':
      case 'function':
      case '{':
      case '}':
      case '!':
      case '[[':
      case 'time':
      case 'coproc':
        return w
      default:
        return undefined
    }
  }

  /** pipeline ((&& | ||) pipeline)*; returns the last simple command at its top level. */
  private parseAndOr(): RawCommand | undefined {
    for (;;) {
      const last = this.parsePipeline()
      this.skipBlanks()
      const op = this.peekOp()
      if (op !== '&&' && op !== '||') return last
      if (last) {
        last.next = op
        last.nextEnd = this.i + 2
      }
      this.i += 2
      this.skipNewlines()
      if (this.i >= this.end) {
        this.fail(`\`${op}\` must be followed by a command`)
        return undefined
      }
    }
  }

  /** [!] [time] command (| command)*; returns the last element when it is a simple command. */
  private parsePipeline(): RawCommand | undefined {
    this.skipBlanks()
    for (;;) {
      const w = this.peekReserved()
      if (w !== '!' && w !== 'time') break
      this.i += w.length
      this.skipBlanks()
      if (w === 'time' && this.peekWordIs('-p')) {
        this.i += 2
        this.skipBlanks()
      }
    }
    const first = this.commands.length
    let count = 0
    let last: RawCommand | undefined
    for (;;) {
      last = this.parseCommand()
      count++
      this.skipBlanks()
      const op = this.peekOp()
      if (op !== '|' && op !== '|&') break
      this.hasPipe = true
      if (last) {
        last.next = op
        last.nextEnd = this.i + op.length
      }
      this.i += op.length
      this.skipNewlines()
      if (this.i >= this.end) {
        this.fail(`\`${op}\` must be followed by a command`)
        break
      }
    }
    if (count > 1) for (let k = first; k < this.commands.length; k++) this.commands[k].piped = true
    return last
  }

  /** A simple or compound command with its redirections; returns it when it is a simple command. */
  private parseCommand(): RawCommand | undefined {
    this.skipBlanks()
    const start = this.i
    const w = this.peekReserved()
    switch (w) {
      case 'if':
        this.i += 2
        this.parseIf(start)
        break
      case 'while':
      case 'until':
        this.i += w.length
        this.conditionDepth++
        this.expect(this.parseList(DO, false), 'do', start)
        this.conditionDepth--
        this.expect(this.parseList(DONE, false), 'done', start)
        break
      case 'for':
      case 'select':
        this.i += w.length
        this.parseFor(start)
        break
      case 'case':
        this.i += 4
        this.parseCase(start)
        break
      case '{':
        this.i += 1
        this.expect(this.parseList(BRACE, false), '}', start)
        break
      case '[[':
        this.i += 2
        this.parseTest(start)
        break
      case 'function':
        this.i += 8
        this.parseFunction(start)
        return undefined
      case 'coproc':
        this.i += 6
        this.skipBlanks()
        return this.parseCommand()
      default:
        if (this.code() === LPAREN) {
          if (this.code(this.i + 1) === LPAREN) {
            this.i += 2
            this.skipParens(2, start, 'arithmetic expression')
          } else {
            this.i++
            this.subshellDepth++
            const t = this.parseList(undefined, true)
            this.subshellDepth--
            if (t === ')') this.i++
            else this.fail('`(` is never closed', start)
          }
          break
        }
        return this.parseSimple()
    }
    this.parseRedirections()
    return undefined
  }

  private expect(got: string, want: string, start: number): void {
    if (got === want) {
      this.i += want.length
      return
    }
    this.fail(`\`${want}\` expected`, got === '' ? start : this.i)
  }

  private parseIf(start: number): void {
    for (;;) {
      this.conditionDepth++
      const t = this.parseList(THEN, false)
      this.conditionDepth--
      if (t !== 'then') {
        this.fail('`then` expected', start)
        return
      }
      this.i += 4
      const u = this.parseList(ELSE, false)
      if (u === 'elif') {
        this.i += 4
        continue
      }
      if (u === 'else') {
        this.i += 4
        this.expect(this.parseList(FI, false), 'fi', start)
        return
      }
      this.expect(u, 'fi', start)
      return
    }
  }

  private parseFor(start: number): void {
    this.skipBlanks()
    if (this.s.startsWith('((', this.i)) {
      const a = this.i
      this.i += 2
      this.skipParens(2, a, 'arithmetic expression')
    } else {
      this.readWord()
      this.skipNewlines()
      if (this.peekWordIs('in')) {
        this.i += 2
        for (;;) {
          this.skipBlanks()
          const op = this.peekOp()
          if (op !== '' || this.i >= this.end) break
          if (!this.readWord()) break
        }
      }
    }
    this.skipBlanks()
    const op = this.peekOp()
    if (op === ';' || op === '\n') this.i++
    this.skipNewlines()
    if (this.peekWordIs('do')) {
      this.i += 2
      this.expect(this.parseList(DONE, false), 'done', start)
    } else if (this.peekWordIs('{')) {
      this.i += 1
      this.expect(this.parseList(BRACE, false), '}', start)
    } else this.fail('`do` expected', start)
  }

  private peekWordIs(word: string): boolean {
    if (!this.s.startsWith(word, this.i)) return false
    const c = this.code(this.i + word.length)
    return c === -1 || isMeta(c)
  }

  private parseCase(start: number): void {
    this.skipBlanks()
    this.readWord()
    this.skipNewlines()
    if (!this.peekWordIs('in')) {
      this.fail('`in` expected', start)
      return
    }
    this.i += 2
    for (;;) {
      this.skipNewlines()
      if (this.i >= this.end) {
        this.fail('`esac` expected', start)
        return
      }
      if (this.peekWordIs('esac')) {
        this.i += 4
        return
      }
      // Pattern list: [(] word (| word)* )
      if (this.code() === LPAREN) this.i++
      for (;;) {
        this.skipBlanks()
        if (!this.readWord()) break
        this.skipBlanks()
        if (this.code() === PIPE) {
          this.i++
          continue
        }
        break
      }
      this.skipBlanks()
      if (this.code() !== RPAREN) {
        this.fail('`)` expected after a case pattern')
        return
      }
      this.i++
      const t = this.parseList(ESAC, false, true)
      if (t === ';;' || t === ';&' || t === ';;&') {
        this.i += t.length
        continue
      }
      if (t === 'esac') {
        this.i += 4
        return
      }
      this.fail('`esac` expected', start)
      return
    }
  }

  private parseTest(start: number): void {
    const s = this.s
    for (;;) {
      this.skipNewlines()
      if (this.i >= this.end) {
        this.fail('`]]` expected', start)
        return
      }
      if (s.startsWith(']]', this.i)) {
        const c = this.code(this.i + 2)
        if (c === -1 || isMeta(c)) {
          this.i += 2
          return
        }
      }
      const c = this.code()
      if (c === AMP || c === PIPE || c === LT || c === GT || c === LPAREN || c === RPAREN) {
        this.i++
        continue
      }
      if (!this.readWord(true)) this.i++
    }
  }

  private parseFunction(start: number): void {
    this.skipBlanks()
    this.readWord()
    this.skipBlanks()
    if (this.code() === LPAREN) {
      this.i++
      this.skipBlanks()
      if (this.code() === RPAREN) this.i++
      else this.fail('`)` expected', start)
    }
    this.skipNewlines()
    this.parseCommand()
  }

  /**
   * Skip to the parenthesis that closes `depth` open ones: `(( … ))` / `$(( … ))` arithmetic from
   * just after the opening parens, or an extglob / array value `( … )` from its `(`. Quotes,
   * escapes and expansions are read as words; commands in `$(…)` are parsed.
   */
  private skipParens(depth: number, start: number, what: string): void {
    const s = this.s
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i)
      if (c === LPAREN) depth++
      else if (c === RPAREN) {
        depth--
        if (depth === 0) {
          this.i++
          return
        }
      } else if (c === SQUOTE || c === DQUOTE || c === BACKTICK || c === DOLLAR) {
        const save = this.i
        const w = this.readWord(true)
        if (w && this.i > save) continue
        this.i = save + 1
        continue
      } else if (c === BACKSLASH) this.i++
      this.i++
    }
    this.fail(`${what} is never closed`, start)
  }

  private parseRedirections(): void {
    for (;;) {
      this.skipBlanks()
      if (!this.tryRedirection()) return
    }
  }

  /** A redirection at the current position (with an optional fd number); false if none. */
  private tryRedirection(): boolean {
    const s = this.s
    const first = this.code()
    // Fast exit: a redirection starts with a digit, `<`, `>`, `&` or `{`.
    if (
      first !== LT &&
      first !== GT &&
      first !== AMP &&
      first !== LBRACE &&
      !(first >= 48 && first <= 57)
    ) {
      return false
    }
    const save = this.i
    let k = this.i
    while (k < this.end && s.charCodeAt(k) >= 48 && s.charCodeAt(k) <= 57) k++
    if (k > this.i && k < this.end) {
      const c = s.charCodeAt(k)
      if (c !== LT && c !== GT) return false
      this.i = k
    } else if (s.charCodeAt(this.i) === LBRACE) {
      // {var}>file
      const close = s.indexOf('}', this.i)
      if (close === -1 || close + 1 >= this.end) return false
      const c = s.charCodeAt(close + 1)
      if (
        (c !== LT && c !== GT) ||
        !/^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(s.slice(this.i, close + 1))
      )
        return false
      this.i = close + 1
    }
    const op = this.peekOp()
    if (!REDIRECTIONS.has(op)) {
      this.i = save
      return false
    }
    this.i += op.length
    this.skipBlanks()
    const target = this.readWord()
    if (!target) {
      this.fail(`\`${op}\` needs a target`)
      return true
    }
    if (op === '<<' || op === '<<-') {
      this.heredocs.push({ delimiter: target.value, stripTabs: op === '<<-' })
    }
    return true
  }

  /** Assignments, words and redirections of one simple command (or a function definition). */
  private parseSimple(): RawCommand | undefined {
    const words: Word[] = []
    const assigns: string[] = []
    let start = -1
    let end = -1
    const substituted = this.substDepth > 0
    const subshell = this.subshellDepth > 0
    const conditional = this.conditionDepth > 0
    for (;;) {
      this.skipBlanks()
      if (this.i >= this.end) break
      const at = this.i
      if (this.tryRedirection()) {
        if (start === -1) start = at
        end = this.i
        continue
      }
      const c = this.code()
      if (isMeta(c) && !((c === LT || c === GT) && this.code(this.i + 1) === LPAREN)) {
        if (c === LPAREN && words.length === 1 && assigns.length === 0) {
          // name() compound-command
          this.i++
          this.skipBlanks()
          if (this.code() === RPAREN) this.i++
          else this.fail('`)` expected')
          this.skipNewlines()
          this.parseCommand()
          return undefined
        }
        if (c === LPAREN) {
          this.fail('unexpected `(`')
          this.i++
          continue
        }
        break
      }
      const w = this.readWord()
      if (!w) break
      if (start === -1) start = w.start
      end = w.end
      if (words.length === 0 && ASSIGNMENT.test(w.raw)) assigns.push(w.raw)
      else words.push(w)
    }
    if (start === -1) return undefined
    const cmd: RawCommand = {
      name: words.length > 0 ? words[0].value : '',
      words,
      args: [],
      assigns,
      start,
      end,
      index: -1,
      piped: false,
      substituted,
      subshell,
      conditional,
      next: '',
      nextEnd: -1
    }
    this.commands.push(cmd)
    return cmd
  }

  /**
   * Read one word at the current position. Returns undefined when there is none. With `inTest`,
   * `<`, `>`, `(`, `)` end the word like blanks (inside `[[ ]]` they are operators).
   */
  readWord(inTest = false): Word | undefined {
    const s = this.s
    const start = this.i
    let value = ''
    let chunk = start
    let literal = true
    for (;;) {
      if (this.i >= this.end) break
      const c = s.charCodeAt(this.i)
      if (isMeta(c)) {
        // Process substitution <(…) / >(…) at the start of a word, or extglob and array values.
        if ((c === LT || c === GT) && this.i === start && s.charCodeAt(this.i + 1) === LPAREN) {
          value += s.slice(chunk, this.i)
          this.i += 2
          this.parseSubstitution(this.i - 2)
          literal = false
          chunk = this.i
          continue
        }
        if (c === LPAREN && this.i > start) {
          const p = s.charCodeAt(this.i - 1)
          if (
            p === QUEST ||
            p === STAR ||
            p === PLUS ||
            p === AT ||
            p === BANG ||
            (p === EQ && ASSIGNMENT.test(s.slice(start, this.i)))
          ) {
            this.skipParens(0, this.i, '`(`')
            continue
          }
        }
        break
      }
      if (c === HASH && this.i === start) break
      if (c === BACKSLASH) {
        value += s.slice(chunk, this.i)
        const n = s.charCodeAt(this.i + 1)
        if (n === NL) {
          this.i += 2
        } else if (n === CR && s.charCodeAt(this.i + 2) === NL) {
          this.i += 3
        } else if (this.i + 1 < this.end) {
          value += s[this.i + 1]
          this.i += 2
        } else {
          this.i++
        }
        chunk = this.i
        continue
      }
      if (c === SQUOTE) {
        value += s.slice(chunk, this.i)
        const close = s.indexOf("'", this.i + 1)
        if (close === -1 || close >= this.end) {
          this.fail('unterminated single quote', this.i)
          value += s.slice(this.i + 1, this.end)
          this.i = this.end
        } else {
          value += s.slice(this.i + 1, close)
          this.i = close + 1
        }
        chunk = this.i
        continue
      }
      if (c === DQUOTE) {
        value += s.slice(chunk, this.i)
        const r = this.readDouble()
        value += r.value
        if (!r.literal) literal = false
        chunk = this.i
        continue
      }
      if (c === BACKTICK) {
        value += s.slice(chunk, this.i)
        this.readBacktick()
        literal = false
        chunk = this.i
        continue
      }
      if (c === DOLLAR) {
        const n = s.charCodeAt(this.i + 1)
        if (n === SQUOTE) {
          // $'…' ANSI-C quoting: a literal (escapes kept as written)
          value += s.slice(chunk, this.i)
          let k = this.i + 2
          while (k < this.end && s.charCodeAt(k) !== SQUOTE)
            k += s.charCodeAt(k) === BACKSLASH ? 2 : 1
          if (k >= this.end) {
            this.fail("unterminated $' quote", this.i)
            k = this.end
          }
          value += s.slice(this.i + 2, k)
          this.i = Math.min(k + 1, this.end)
          chunk = this.i
          continue
        }
        if (n === DQUOTE) {
          value += s.slice(chunk, this.i)
          this.i++
          chunk = this.i
          continue
        }
        if (this.readExpansion()) {
          literal = false
          continue
        }
        this.i++
        continue
      }
      if (inTest && (c === LT || c === GT)) break
      this.i++
    }
    if (this.i === start) return undefined
    const raw = s.slice(start, this.i)
    // Nothing quoted or escaped: the value is the raw text (one string, not two).
    if (chunk === start) value = raw
    else value += s.slice(chunk, this.i)
    return { value: literal ? value : raw, raw, literal, start, end: this.i }
  }

  /** After `"`: read to the closing quote. */
  private readDouble(): { value: string; literal: boolean } {
    const s = this.s
    const open = this.i
    this.i++
    let value = ''
    let chunk = this.i
    let literal = true
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i)
      if (c === DQUOTE) {
        value += s.slice(chunk, this.i)
        this.i++
        return { value, literal }
      }
      if (c === BACKSLASH) {
        const n = s.charCodeAt(this.i + 1)
        if (n === DOLLAR || n === BACKTICK || n === DQUOTE || n === BACKSLASH) {
          value += s.slice(chunk, this.i) + s[this.i + 1]
          this.i += 2
          chunk = this.i
        } else if (n === NL) {
          value += s.slice(chunk, this.i)
          this.i += 2
          chunk = this.i
        } else this.i += 2
        continue
      }
      if (c === BACKTICK) {
        this.readBacktick()
        literal = false
        continue
      }
      if (c === DOLLAR) {
        if (this.readExpansion()) {
          literal = false
          continue
        }
      }
      this.i++
    }
    this.fail('unterminated double quote', open)
    value += s.slice(chunk, this.end)
    this.i = this.end
    return { value, literal }
  }

  /** At `$`: read `$name`, `${…}`, `$(…)`, `$((…))`, `$1`, `$@`…; false when `$` is literal. */
  private readExpansion(): boolean {
    const s = this.s
    const start = this.i
    const n = s.charCodeAt(this.i + 1)
    if (n === LPAREN) {
      if (s.charCodeAt(this.i + 2) === LPAREN) {
        this.i += 3
        this.skipParens(2, start, 'arithmetic expression')
        return true
      }
      this.i += 2
      this.parseSubstitution(start)
      return true
    }
    if (n === LBRACE) {
      this.i += 2
      this.skipParameter(start)
      return true
    }
    if (n === LBRACKET) {
      // $[ … ] legacy arithmetic
      const close = s.indexOf(']', this.i)
      this.i = close === -1 || close >= this.end ? this.end : close + 1
      return true
    }
    if (isNameStart(n)) {
      this.i += 2
      while (this.i < this.end && isNameChar(s.charCodeAt(this.i))) this.i++
      return true
    }
    if (
      (n >= 48 && n <= 57) ||
      n === AT ||
      n === STAR ||
      n === HASH ||
      n === QUEST ||
      n === 45 ||
      n === DOLLAR ||
      n === BANG
    ) {
      this.i += 2
      return true
    }
    return false
  }

  /** After `${`: to the matching `}` (nested expansions and quotes respected). */
  private skipParameter(start: number): void {
    const s = this.s
    while (this.i < this.end) {
      const c = s.charCodeAt(this.i)
      if (c === RBRACE) {
        this.i++
        return
      }
      if (c === BACKSLASH) {
        this.i += 2
        continue
      }
      if (c === SQUOTE) {
        const close = s.indexOf("'", this.i + 1)
        this.i = close === -1 || close >= this.end ? this.end : close + 1
        continue
      }
      if (c === DQUOTE) {
        this.readDouble()
        continue
      }
      if (c === BACKTICK) {
        this.readBacktick()
        continue
      }
      if (c === DOLLAR && this.readExpansion()) continue
      this.i++
    }
    this.fail('`${` is never closed', start)
  }

  /** After `$(` (or `<(`): parse the commands inside up to the matching `)`. */
  private parseSubstitution(start: number): void {
    const saved = this.saveContext()
    this.substDepth++
    const t = this.parseList(undefined, true)
    this.restoreContext(saved)
    if (t === ')') this.i++
    else this.fail('`$(` is never closed', start)
  }

  /** At a backtick: parse the commands up to the closing backtick. */
  private readBacktick(): void {
    const s = this.s
    const open = this.i
    let k = this.i + 1
    while (k < this.end) {
      const c = s.charCodeAt(k)
      if (c === BACKSLASH) k += 2
      else if (c === BACKTICK) break
      else k++
    }
    if (k >= this.end) {
      this.fail('unterminated backtick', open)
      k = this.end
    }
    const savedEnd = this.end
    const saved = this.saveContext()
    this.end = k
    this.i = open + 1
    this.substDepth++
    this.parseList(undefined, false)
    this.restoreContext(saved)
    this.end = savedEnd
    this.i = Math.min(k + 1, this.end)
  }

  private saveContext(): [number, number, Heredoc[]] {
    const saved: [number, number, Heredoc[]] = [
      this.subshellDepth,
      this.conditionDepth,
      this.heredocs
    ]
    this.subshellDepth = 0
    this.conditionDepth = 0
    this.heredocs = []
    return saved
  }

  private restoreContext(saved: [number, number, Heredoc[]]): void {
    ;[this.subshellDepth, this.conditionDepth, this.heredocs] = saved
    this.substDepth--
  }
}

/**
 * Parse `text`; `offsets[i]` (or `offsets(i)`) is the file offset of `text[i]` (`offsets.length ===
 * text.length + 1`, the last entry being the file offset just past the script).
 */
export function parseShell(
  text: string,
  offsets: number[] | ((index: number) => number)
): ShellScript {
  const p = new Parser(text, text.length)
  p.parseList(undefined, false)
  const at =
    typeof offsets === 'function'
      ? (k: number): number => offsets(Math.min(k, text.length))
      : (k: number): number => offsets[Math.min(k, offsets.length - 1)]
  const commands = p.commands.sort((a, b) => a.start - b.start)
  for (let index = 0; index < commands.length; index++) {
    const c = commands[index]
    for (const w of c.words) {
      w.start = at(w.start)
      w.end = at(w.end)
    }
    c.args = c.words.slice(1)
    c.index = index
    c.nextEnd = c.nextEnd === -1 ? at(c.end) : at(c.nextEnd)
    c.start = at(c.start)
    c.end = at(c.end)
  }
  const script: ShellScript = { text, commands, hasPipe: p.hasPipe }
  if (p.error) script.error = { message: p.error.message, offset: at(p.error.index) }
  return script
}

/**
 * Best-effort commands without a parser: quote-aware words, cut at `&&`, `||`, `;`, `|` and
 * newlines. Kept for callers that want a rough split of text that is not shell at all.
 */
export function fallbackCommands(text: string, offsets: number[]): ShellCommand[] {
  const commands: ShellCommand[] = []
  let words: ShellWord[] = []
  let piped = false
  const flush = (nextPiped: boolean, next: string, nextEnd: number): void => {
    if (words.length > 0) {
      const end = words[words.length - 1].end
      commands.push({
        name: words[0].value,
        words,
        args: words.slice(1),
        assigns: [],
        start: words[0].start,
        end,
        index: commands.length,
        piped: piped || nextPiped,
        substituted: false,
        subshell: false,
        conditional: false,
        next,
        nextEnd: next === '' ? end : offsets[nextEnd]
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
      flush(false, c, i + 1)
      i++
    } else if (c === '&' && text[i + 1] === '&') {
      flush(false, '&&', i + 2)
      i += 2
    } else if (c === '|') {
      const double = text[i + 1] === '|'
      flush(!double, double ? '||' : '|', i + (double ? 2 : 1))
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
  flush(false, '', text.length)
  return commands
}
