import type { Dockerfile } from 'dockerfile-ast'
import type { LineIndex } from '../core/text.js'
import type { Directive } from './dockerfile.js'

/**
 * Where dockerfile-ast reads a Dockerfile differently from BuildKit: its positions, its parser
 * directives, and the same-length copy of the text (`structuralText`) that makes its structure
 * BuildKit's. Character classes shared with the syntax reader.
 */

const DIRECTIVE = /^#[ \t]*([a-zA-Z][a-zA-Z0-9]*)[ \t]*=[ \t]*(.+?)[ \t]*$/
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check'])

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** Go's `unicode.IsSpace`, which BuildKit trims lines with to find the empty ones. */
export function isSpace(c: number): boolean {
  return (
    isBlank(c) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

export function isBlank(c: number): boolean {
  // space, tab, \v, \f, \r
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13
}

export interface LspPosition {
  line: number
  character: number
}

/**
 * dockerfile-ast's positions (0-based line and UTF-16 character; lines end at `\r\n`, `\n` and a
 * lone `\r`, as in vscode-languageserver-textdocument) → file offsets.
 */
export function lspOffsets(text: string, lines: LineIndex): (p: LspPosition) => number {
  let starts = lines.starts
  if (LONE_CR.test(text)) {
    starts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++
      if (c === 10 || c === 13) starts.push(i + 1)
    }
  }
  return (p) => Math.min((starts[p.line] ?? text.length) + p.character, text.length)
}
const LONE_CR = /\r(?!\n)/

/**
 * BuildKit's parser directives among the ones dockerfile-ast reads: a run of `#name=value` lines at
 * the top with known names, each once, `#` first on its line. dockerfile-ast also takes unknown
 * names, repeats and indented ones, and keeps reading after them; `mask` is then the offset just
 * after the `#` of the first line BuildKit does not take (-1 when they agree).
 */
export function readDirectives(
  ast: Dockerfile,
  text: string,
  lines: LineIndex,
  off: (p: LspPosition) => number
): { directives: Directive[]; escape: string; mask: number } {
  const directives: Directive[] = []
  const seen = new Set<string>()
  let escape = '\\'
  for (const d of ast.getDirectives()) {
    const r = d.getRange()
    let start = off({ line: r.start.line, character: 0 })
    if (start === 0 && text.charCodeAt(0) === 0xfeff) start = 1
    const end = off(r.end)
    const m = DIRECTIVE.exec(text.slice(start, end))
    const name = m?.[1].toLowerCase()
    if (!m || !name || !KNOWN_DIRECTIVES.has(name) || seen.has(name)) {
      return { directives, escape, mask: off(r.start) + 1 }
    }
    seen.add(name)
    directives.push({
      start,
      end,
      range: lines.range(start, end),
      name,
      value: m[2]
    })
    if (name === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2]
  }
  return { directives, escape, mask: -1 }
}

/**
 * The text dockerfile-ast should parse for BuildKit's structure, same length as `text`, and the
 * offsets of the lines holding only the escape character:
 * - the directive line BuildKit stops at gets `=` right after its `#` (`mask`): dockerfile-ast
 *   reads `#=…` as a comment and stops reading directives there;
 * - an escape character that ends a line after another one (`C:\\`) is no continuation for
 *   BuildKit (`([^\\])\\[ \t]*$`), but is for dockerfile-ast: the last one becomes `_`;
 * - a line holding only the escape character continues into the next line for BuildKit, while
 *   dockerfile-ast reads it as an instruction named `\`: it becomes blank (the instruction then
 *   starts at the escape, see `parseDockerfile`);
 * - `\<<EOF` is no heredoc for BuildKit (it keeps escapes when it looks for them) but is for
 *   dockerfile-ast, which unescapes first: the escape becomes `_`;
 * - `cat 2<<EOF` is a heredoc for BuildKit (file descriptor prefix), not for dockerfile-ast: the
 *   digits become blanks (the marker keeps them, see `readHeredocs`);
 * - a `\r` without `\n` ends a line for dockerfile-ast, not for BuildKit: it becomes a blank;
 * - a line of blanks with a Unicode space (U+00A0, U+2028, …) is empty for BuildKit, text for
 *   dockerfile-ast: they become plain blanks;
 * - an escaped blank before the continuation (`a\\ \\`) hides the continuation from dockerfile-ast:
 *   the first escape becomes `_`;
 * - `\\#` or `\\ x` first on a line is text for BuildKit; after a continuation dockerfile-ast
 *   reads the first as a comment and keeps continuing after both: the escape becomes `_`;
 * - comment lines after a keyword continued with no blank before the escape (`RUN\\`) are dropped
 *   by BuildKit, but dockerfile-ast reads them into the keyword and ends the instruction there: they
 *   become blank (the model still lists them as comments, see `logicalLine`).
 */
export function structuralText(
  text: string,
  escape: string,
  mask: number,
  directives: Directive[]
): { structural: string; bare: number[] } {
  const bare: number[] = []
  const from = directives.length > 0 ? directives[directives.length - 1].end : 0
  const backtick = escape === '`'
  /** [pattern, what to replace (the match's `last` character, all of it, or see below), by what] */
  const masks: Array<[RegExp, 'last' | 'all' | 'none', string]> = [
    [backtick ? ESCAPED_BACKTICK_EOL : ESCAPED_BACKSLASH_EOL, 'last', '_'],
    [backtick ? BARE_BACKTICK_LINE : BARE_BACKSLASH_LINE, 'all', ' '],
    [backtick ? BACKTICK_HEREDOC : BACKSLASH_HEREDOC, 'all', '_'],
    [FD_HEREDOC, 'all', ' '],
    [LONE_CR_GLOBAL, 'all', ' '],
    [UNICODE_BLANK_LINE, 'all', ' '],
    [backtick ? SPACED_BACKTICK_EOL : SPACED_BACKSLASH_EOL, 'all', '_'],
    [backtick ? BACKTICK_HASH : BACKSLASH_HASH, 'all', '_'],
    [backtick ? KEYWORD_BACKTICK_CONTINUATION : KEYWORD_BACKSLASH_CONTINUATION, 'none', ' ']
  ]
  let chars: string[] | undefined
  const memo = { line: -1, inside: false }
  const heredocs = text.includes('<<')
  for (const [re, what, by] of masks) {
    if (!heredocs && (re === FD_HEREDOC || re === BACKSLASH_HEREDOC || re === BACKTICK_HEREDOC))
      continue
    if (re === LONE_CR_GLOBAL && !text.includes('\r')) continue
    re.lastIndex = from
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length
      if (re === BARE_BACKSLASH_LINE || re === BARE_BACKTICK_LINE) {
        // Inside a continuation dockerfile-ast reads it right.
        const line = text.lastIndexOf('\n', m.index) + 1
        if (insideContinuation(text, line, escape.charCodeAt(0), memo)) continue
        bare.push(m.index)
      }
      chars ??= text.split('')
      if (what === 'none') {
        blankKeywordComments(text, chars, end, escape.charCodeAt(0))
        continue
      }
      for (let c = what === 'last' ? end - 1 : m.index; c < end; c++) {
        if (chars[c] !== '\n' && (chars[c] !== '\r' || re === LONE_CR_GLOBAL)) chars[c] = by
      }
    }
  }
  if (mask !== -1) {
    chars ??= text.split('')
    chars[mask] = '='
  }
  return { structural: chars ? chars.join('') : text, bare }
}
/**
 * Whether the line starting at `lineStart` continues an instruction: the nearest line before it
 * that is not blank, a comment or only the escape character ends with a continuation.
 */
function insideContinuation(
  text: string,
  lineStart: number,
  escapeCode: number,
  /** The last line asked about: a run of escape-only lines is walked once. */
  memo: { line: number; inside: boolean }
): boolean {
  memo.inside = walkBack(text, lineStart, escapeCode, memo)
  memo.line = lineStart
  return memo.inside
}

function walkBack(
  text: string,
  lineStart: number,
  escapeCode: number,
  memo: { line: number; inside: boolean }
): boolean {
  let next = lineStart
  while (next > 0) {
    if (next === memo.line) return memo.inside
    const start = next >= 2 ? text.lastIndexOf('\n', next - 2) + 1 : 0
    let end = next - 1
    if (end > start && text.charCodeAt(end - 1) === 13) end--
    next = start
    let first = start
    while (first < end && isBlank(text.charCodeAt(first))) first++
    let last = end - 1
    while (last > first && isBlank(text.charCodeAt(last))) last--
    if (first === end || text.charCodeAt(first) === 35 /* # */) continue
    if (last === first && text.charCodeAt(first) === escapeCode) continue
    return text.charCodeAt(last) === escapeCode && text.charCodeAt(last - 1) !== escapeCode
  }
  return false
}

/**
 * After a keyword continued with no blank before the escape (`from`: just past the escape), blank
 * the comment lines among the blank, comment and escape-only lines that follow.
 */
function blankKeywordComments(
  text: string,
  chars: string[],
  from: number,
  escapeCode: number
): void {
  let at = text.indexOf('\n', from) + 1
  while (at > 0 && at < text.length) {
    const nl = text.indexOf('\n', at)
    const end = nl === -1 ? text.length : nl
    let first = at
    while (first < end && isBlank(text.charCodeAt(first))) first++
    let last = end - 1
    while (last > first && isBlank(text.charCodeAt(last))) last--
    if (first < end && text.charCodeAt(first) === 35 /* # */) {
      for (let c = first; c < end; c++) if (chars[c] !== '\r') chars[c] = ' '
    } else if (first < end && !(last === first && text.charCodeAt(first) === escapeCode)) return
    at = nl + 1
  }
}

const ESCAPED_BACKSLASH_EOL = /\\\\(?=[ \t]*\r?(?:\n|$))/g
const ESCAPED_BACKTICK_EOL = /``(?=[ \t]*\r?(?:\n|$))/g
const BARE_BACKSLASH_LINE = /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*\\)(?=[ \t]*\r?(?:\n|$))/g
const BARE_BACKTICK_LINE = /`(?<=(?:^\uFEFF?|\n)[ \t\r]*`)(?=[ \t]*\r?(?:\n|$))/g
const BACKSLASH_HEREDOC = /\\(?=<<)/g
const BACKTICK_HEREDOC = /`(?=<<)/g
const FD_HEREDOC = /(?<=[^ \t\r\n\uFEFF][ \t\r]+)\d+(?=<<)/g
const LONE_CR_GLOBAL = /\r(?!\n)/g
/**
 * A line of blanks holding one of the other characters Go's `unicode.IsSpace` accepts (U+00A0,
 * U+2028, U+3000, …): BuildKit skips it as an empty line (inside a continuation too), dockerfile-ast
 * reads text there.
 */
const UNICODE_BLANK_LINE =
  /(?<=^|\n)[ \t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*[\v\f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][ \t\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?=\n|$)/g
// A lone `\r` after the escape counts as the blank it becomes for dockerfile-ast.
const BACKSLASH_HASH = /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*\\)(?=#|[ \t\r]+[^ \t\r\n])/g
const BACKTICK_HASH = /`(?<=(?:^\uFEFF?|\n)[ \t\r]*`)(?=#|[ \t\r]+[^ \t\r\n])/g
const KEYWORD_BACKSLASH_CONTINUATION =
  /\\(?<=(?:^\uFEFF?|\n)[ \t\r]*(?!#)[^ \t\r\n]*[^ \t\r\n\\]\\)(?=[ \t]*\r?\n)/g
const KEYWORD_BACKTICK_CONTINUATION =
  /`(?<=(?:^\uFEFF?|\n)[ \t\r]*(?!#)[^ \t\r\n]*[^ \t\r\n`]`)(?=[ \t]*\r?\n)/g
const SPACED_BACKSLASH_EOL = /\\(?=[ \t]+\\[ \t]*\r?(?:\n|$))/g
const SPACED_BACKTICK_EOL = /`(?=[ \t]+`[ \t]*\r?(?:\n|$))/g
