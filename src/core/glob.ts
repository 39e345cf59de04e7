/**
 * Wildcard matching without regular expressions: a pattern written in a pull request (a `COPY`
 * source, say) must never be able to make matching slow. A regular expression built from
 * `*a*a*a*a*a*a*a*a*a*b` backtracks for seconds to hours on a long name (picomatch's included:
 * 17 s at nine stars); this matcher remembers only the last `*` it passed, so it takes at most
 * pattern length × text length steps, whatever the pattern.
 *
 * Syntax: `*` any run of characters (separators included: the callers match names and paths
 * alike), `?` any one character, `[abc]`, `[a-z]` and `[!…]`/`[^…]` one character of (or not of)
 * a set, `\x` the character x. An unclosed `[` is a literal `[`. Pure.
 */

type Token =
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'char'; char: string }
  | { kind: 'set'; negated: boolean; ranges: Array<[string, string]> }

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' })
    } else if (c === '?') tokens.push({ kind: 'any' })
    else if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++i] })
    else if (c === '[') {
      const set = readSet(pattern, i)
      if (set) {
        tokens.push(set.token)
        i = set.end
      } else tokens.push({ kind: 'char', char: c })
    } else tokens.push({ kind: 'char', char: c })
  }
  return tokens
}

/** The set starting at `start` (a `[`) and the index of its closing `]`, or undefined if unclosed. */
function readSet(pattern: string, start: number): { token: Token; end: number } | undefined {
  let i = start + 1
  const negated = pattern[i] === '!' || pattern[i] === '^'
  if (negated) i++
  const ranges: Array<[string, string]> = []
  let first = true
  while (i < pattern.length) {
    let c = pattern[i]
    if (c === ']' && !first) return { token: { kind: 'set', negated, ranges }, end: i }
    if (c === '\\' && i + 1 < pattern.length) c = pattern[++i]
    if (pattern[i + 1] === '-' && i + 2 < pattern.length && pattern[i + 2] !== ']') {
      let hi = pattern[i + 2]
      i += 2
      if (hi === '\\' && i + 1 < pattern.length) hi = pattern[++i]
      ranges.push([c, hi])
    } else ranges.push([c, c])
    first = false
    i++
  }
  return undefined
}

function matchesOne(token: Token, c: string): boolean {
  switch (token.kind) {
    case 'any':
      return true
    case 'char':
      return token.char === c
    case 'set': {
      const inside = token.ranges.some(([lo, hi]) => c >= lo && c <= hi)
      return inside !== token.negated
    }
    default:
      return false
  }
}

/** Does `pattern` match the whole of `text`? */
export function wildcardMatch(pattern: string, text: string): boolean {
  const tokens = tokenize(pattern)
  let t = 0
  let p = 0
  let starP = -1
  let starT = 0
  while (t < text.length) {
    const token = tokens[p]
    if (token && token.kind !== 'star' && matchesOne(token, text[t])) {
      p++
      t++
    } else if (token?.kind === 'star') {
      starP = p++
      starT = t
    } else if (starP !== -1) {
      p = starP + 1
      t = ++starT
    } else return false
  }
  while (tokens[p]?.kind === 'star') p++
  return p === tokens.length
}

/** Does `pattern` hold a wildcard (`*`, `?` or `[`)? */
export function hasWildcard(pattern: string): boolean {
  return /[*?[]/.test(pattern)
}
