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

/**
 * Simple commands of plain words cut by `&&`, `||`, `;`, `|` and newlines, or undefined when the
 * text holds anything else (any other character, a quote with `$`, `\` or a backtick inside, an
 * operator without a command on both sides, a reserved word or declaration in command position):
 * those go to mvdan/sh, which also reports their errors.
 */
export function plain(text: string): ShellScript | undefined {
  const n = text.length
  const commands: ShellCommand[] = []
  let words: ShellWord[] = []
  let assigns: string[] = []
  let start = -1
  let end = -1
  let pipeline = 0
  let hasPipe = false
  /** After `&&`, `||` or `|`: a command must follow. */
  let pending = false
  const finish = (next: string, nextEnd: number): boolean => {
    if (start === -1) return false
    if (words.length > 0 && NOT_PLAIN_COMMAND.has(words[0].value)) return false
    if (words.length > 0 && words[0].raw.charCodeAt(0) === 33 /* ! */) return false
    commands.push(command(words, assigns, start, end, next, next === '' ? end : nextEnd))
    words = []
    assigns = []
    start = -1
    return true
  }
  const endPipeline = (): void => {
    if (commands.length - pipeline > 1) {
      for (let k = pipeline; k < commands.length; k++) commands[k].piped = true
    }
    pipeline = commands.length
  }
  let i = 0
  while (i < n) {
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
      if (text.charCodeAt(i + 1) === 59 || !finish(';', i + 1)) return undefined
      endPipeline()
      i++
    } else if (c === 38 /* & */ || c === 124 /* | */) {
      const d = text.charCodeAt(i + 1)
      const double = d === c
      if (!double && (c === 38 || d === 38)) return undefined
      const op = double ? (c === 38 ? '&&' : '||') : '|'
      if (text.charCodeAt(i + op.length) === 38 || !finish(op, i + op.length)) return undefined
      if (double) endPipeline()
      else hasPipe = true
      pending = true
      i += op.length
      continue
    } else {
      const s = i
      let value = ''
      let chunk = i
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === 39 /* ' */ || d === 34 /* " */) {
          const close = text.indexOf(d === 39 ? "'" : '"', i + 1)
          if (close === -1) return undefined
          for (let k = i + 1; k < close; k++) {
            const q = text.charCodeAt(k)
            if (q === 36 || q === 92 || q === 96) return undefined
          }
          value += text.slice(chunk, i) + text.slice(i + 1, close)
          i = close + 1
          chunk = i
        } else if (d < 128 && PLAIN[d] === 1) i++
        else if (d === 32 || d === 9 || d === 10 || d === 59 || d === 38 || d === 124) break
        else return undefined
      }
      const raw = text.slice(s, i)
      value = chunk === s ? raw : value + text.slice(chunk, i)
      if (start === -1) start = s
      end = i
      if (words.length === 0 && PLAIN_ASSIGN.test(raw)) assigns.push(raw)
      // mvdan/sh reads `x[…` in command position as an indexed assignment (`x[1]=2`; bash runs
      // `x[` as a command) and also `,=x` as an assignment (bash does not).
      else if (words.length === 0 && (INDEXED.test(raw) || raw.includes('='))) return undefined
      else words.push({ value, raw, literal: true, start: s, end: i })
      pending = false
    }
  }
  if (pending || (start !== -1 && !finish('', n))) return undefined
  endPipeline()
  return { text, commands, hasPipe }
}
