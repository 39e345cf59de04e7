/**
 * Markdown that stays inert whatever the text holds: file contents and rule messages reach review
 * comments and summaries, so they must never open HTML, break a code fence, forge our markers or
 * mention people. Pure.
 */

const BACKTICK_RUNS = /`+/g
const ESCAPED = /[\\*_[\]<>&$~|#!]/g
const MENTION = /@(?=[A-Za-z0-9_-])/g
const NEWLINES = /\r\n|[\r\n\u2028\u2029]/g
/** Longest message shown; longer ones are cut (file contents can make lines arbitrarily long). */
const MAX_TEXT = 1000

/** Longest run of backticks in any of `texts`. */
export function longestBacktickRun(texts: Iterable<string>): number {
  let longest = 0
  for (const text of texts) {
    for (const m of text.matchAll(BACKTICK_RUNS)) longest = Math.max(longest, m[0].length)
  }
  return longest
}

/** A code fence no line of `lines` can close: at least 3 backticks, longer than any run inside. */
export function fenceFor(lines: Iterable<string>): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(lines) + 1))
}

/**
 * Characters that reorder or hide text (bidirectional overrides and isolates, marks, zero-width
 * joiners): a file name or value holding one could make a comment read differently from what it
 * says (CVE-2021-42574). Shown as `<U+202E>` instead.
 */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Does `text` hold a character that `visible` would replace? */
export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0
  return INVISIBLE.test(text)
}

/** `text` with every reordering or invisible character spelled out as `<U+XXXX>`. */
export function visible(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`
  )
}

/**
 * GFM turns `https://…`, `www.…` and `a@b.c` into links even without brackets: a zero-width space
 * after the scheme, inside `www.`, and after `@` (mentions too) keeps them text.
 */
const AUTOLINK = /\b([A-Za-z][A-Za-z0-9+.-]{1,31}):(?=\/\/)|\b(www)\./gi

function escapePlain(text: string): string {
  return text
    .replace(ESCAPED, (c) => `\\${c}`)
    .replace(MENTION, '@&#8203;')
    .replace(AUTOLINK, (_m, scheme?: string, www?: string) =>
      scheme ? `${scheme}&#8203;:` : `${www}&#8203;.`
    )
}

/**
 * Render a one-line message as inert markdown. Backtick code spans written by rules are kept
 * (a span opened by a run of n backticks and closed by the next run of exactly n); everything else
 * is escaped, so `<!-- … -->`, HTML, links, emphasis and `@mentions` render as text. In a table
 * cell (`table: true`) pipes are escaped everywhere, code spans included (GFM's rule).
 */
export function inert(text: string, options: { table?: boolean; max?: number } = {}): string {
  let source = visible(text.replace(NEWLINES, ' '))
  const max = options.max ?? MAX_TEXT
  if (source.length > max) source = `${source.slice(0, max)}…`
  let out = ''
  let i = 0
  while (i < source.length) {
    const open = source.indexOf('`', i)
    if (open === -1) {
      out += escapePlain(source.slice(i))
      break
    }
    out += escapePlain(source.slice(i, open))
    let n = open
    while (source[n] === '`') n++
    const run = n - open
    const close = findRun(source, n, run)
    if (close === -1) {
      out += '\\`'.repeat(run)
      i = n
      continue
    }
    const span = source.slice(open, close + run)
    out += options.table ? span.replace(/\|/g, '\\|') : span
    i = close + run
  }
  return out
}

/** Index of the next run of exactly `length` backticks at or after `from`, or -1. */
function findRun(text: string, from: number, length: number): number {
  let i = text.indexOf('`', from)
  while (i !== -1) {
    let j = i
    while (text[j] === '`') j++
    if (j - i === length) return i
    i = text.indexOf('`', j)
  }
  return -1
}

/** Any text (a path, an image reference) as one inline code span; safe in table cells. */
export function codeSpan(text: string, options: { table?: boolean } = {}): string {
  let body = visible(text.replace(NEWLINES, ' '))
  const ticks = '`'.repeat(longestBacktickRun([body]) + 1)
  if (body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body)) body = ` ${body} `
  if (options.table) body = body.replace(/\|/g, '\\|')
  return `${ticks}${body}${ticks}`
}

/** A fenced block with a fence its content cannot close. */
export function fenced(info: string, lines: string[]): string {
  const shown = lines.map(visible)
  const fence = fenceFor(shown)
  return [`${fence}${info}`, ...shown, fence].join('\n')
}

/**
 * Percent-encode each segment of a repository path for a URL, parentheses included: an unbalanced
 * `)` in a file name would otherwise end a markdown link's destination early.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))
    )
    .join('/')
}
