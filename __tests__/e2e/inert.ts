import { expect } from 'vitest'

/**
 * An independent reading of the markdown we post, after CommonMark/GFM's rules for what matters
 * here: fenced code blocks (backtick and tilde fences, closed by a fence of the same character at
 * least as long), code spans (closed by a backtick run of exactly the same length), backslash
 * escapes, raw HTML (comments included), links and `@mentions`. `expectInert` says whether file
 * contents or names could have escaped into live markup.
 */

export type Block =
  | { kind: 'fence'; fence: string; info: string; lines: string[]; closed: boolean }
  | { kind: 'text'; line: string }

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/

/** The text's lines as fenced blocks and other lines. */
export function markdownBlocks(text: string): Block[] {
  const lines = text.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i])
    // A backtick fence's info string cannot contain a backtick.
    if (!open || (open[1][0] === '`' && open[2].includes('`'))) {
      blocks.push({ kind: 'text', line: lines[i] })
      continue
    }
    const char = open[1][0] === '`' ? '`' : '~'
    const close = new RegExp(`^ {0,3}\\${char}{${open[1].length},}[ \\t]*$`)
    const block: Block = {
      kind: 'fence',
      fence: open[1],
      info: open[2].trim(),
      lines: [],
      closed: false
    }
    for (i++; i < lines.length; i++) {
      if (close.test(lines[i])) {
        block.closed = true
        break
      }
      block.lines.push(lines[i])
    }
    blocks.push(block)
  }
  return blocks
}

/** `line` with its code spans removed (CommonMark: a run of n backticks closes at the next run of n). */
export function outsideCodeSpans(line: string): string {
  let out = ''
  let i = 0
  while (i < line.length) {
    const open = line.indexOf('`', i)
    if (open === -1 || isEscaped(line, open)) {
      if (open === -1) {
        out += line.slice(i)
        break
      }
      out += line.slice(i, open + 1)
      i = open + 1
      continue
    }
    out += line.slice(i, open)
    let n = open
    while (line[n] === '`') n++
    const run = n - open
    let close = -1
    for (let j = line.indexOf('`', n); j !== -1;) {
      let k = j
      while (line[k] === '`') k++
      if (k - j === run) {
        close = j
        break
      }
      j = line.indexOf('`', k)
    }
    if (close === -1) {
      // No closing run: the backticks are literal text.
      out += line.slice(open, n)
      i = n
    } else i = close + run
  }
  return out
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j--) slashes++
  return slashes % 2 === 1
}

export interface InertOptions {
  /** Raw HTML we write ourselves (exact strings), e.g. the trailing hidden marker. */
  html?: string[]
  /** Link targets we write ourselves (prefixes). */
  links?: string[]
}

export const OUR_LINKS = [
  'https://github.com/docker-review/docker-review/blob/main/docs/',
  'https://github.com/octo-org/hello-docker/blob/'
]

/**
 * What live markup `text` holds outside code: unescaped raw HTML (`<…`), links, and mentions.
 * Returns one line per problem (empty when everything outside code is inert text).
 */
export function liveMarkup(text: string, options: InertOptions = {}): string[] {
  const problems: string[] = []
  const allowedHtml = options.html ?? []
  const allowedLinks = options.links ?? OUR_LINKS
  for (const block of markdownBlocks(text)) {
    if (block.kind === 'fence') {
      if (!block.closed) problems.push(`unclosed fence ${block.fence}${block.info}`)
      continue
    }
    let rest = outsideCodeSpans(block.line)
    for (const html of allowedHtml) rest = rest.split(html).join('')
    for (let i = rest.indexOf('<'); i !== -1; i = rest.indexOf('<', i + 1)) {
      if (!isEscaped(rest, i)) problems.push(`raw HTML: ${rest.slice(i, i + 40)}`)
    }
    for (const m of rest.matchAll(/@(?=[A-Za-z0-9])/g)) {
      if (!isEscaped(rest, m.index)) problems.push(`mention: ${rest.slice(m.index, m.index + 30)}`)
    }
    for (const m of rest.matchAll(/\]\(([^)\s]*)/g)) {
      if (!isEscaped(rest, m.index) && !allowedLinks.some((p) => m[1].startsWith(p)))
        problems.push(`link to ${m[1]}`)
    }
  }
  return problems
}

/** `text` holds no live markup but what we write ourselves. */
export function expectInert(text: string, options: InertOptions = {}): void {
  expect(liveMarkup(text, options), text.slice(0, 2000)).toEqual([])
}

/** The fenced blocks of a body with the given info string (`suggestion`, `diff`). */
export function fencedBlocks(text: string, info: string): string[][] {
  return markdownBlocks(text)
    .filter((b): b is Extract<Block, { kind: 'fence' }> => b.kind === 'fence' && b.info === info)
    .map((b) => b.lines)
}
