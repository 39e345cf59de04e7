/**
 * Compose variable interpolation (`$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?err}`, `${VAR?err}`, `${VAR:+alt}`, `${VAR+alt}`, nesting; `$$` is a literal `$`).
 * A value holding a variable is "unknown but present": rules never report it as missing,
 * untagged or invalid.
 */

const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/

/** Does the text hold a variable reference (outside `$$` escapes)? */
export function hasVariable(text: string): boolean {
  let i = text.indexOf('$')
  while (i !== -1 && i < text.length - 1) {
    const next = text[i + 1]
    if (next === '$') i = text.indexOf('$', i + 2)
    else if (next === '{' || NAME_START.test(next)) return true
    else i = text.indexOf('$', i + 1)
  }
  return false
}

export interface VariableRef {
  /** Offsets within the text: `[start, end)` of the whole `$…` / `${…}` reference. */
  start: number
  end: number
  name: string
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or '' for a plain reference. */
  operator: string
  /** Text after the operator (default, error message or alternative), unexpanded. */
  argument: string
}

export interface ScanResult {
  refs: VariableRef[]
  /** The first syntax error Compose would reject the value with. */
  error?: { start: number; end: number; message: string }
}

/** Scan every variable reference of a value, with Compose's syntax rules. */
export function scanVariables(text: string): ScanResult {
  const refs: VariableRef[] = []
  let i = 0
  while (i < text.length) {
    const at = text.indexOf('$', i)
    if (at === -1 || at === text.length - 1) break
    const next = text[at + 1]
    if (next === '$') {
      i = at + 2
      continue
    }
    if (NAME_START.test(next)) {
      let j = at + 2
      while (j < text.length && NAME_CHAR.test(text[j])) j++
      refs.push({ start: at, end: j, name: text.slice(at + 1, j), operator: '', argument: '' })
      i = j
      continue
    }
    if (next !== '{') {
      i = at + 1
      continue
    }
    const close = matchingBrace(text, at + 1)
    if (close === -1) {
      return {
        refs,
        error: { start: at, end: text.length, message: `unterminated '\${' in '${text}'` }
      }
    }
    const inner = text.slice(at + 2, close)
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(inner)
    if (!m) {
      return {
        refs,
        error: {
          start: at,
          end: close + 1,
          message: `invalid interpolation format '\${${inner}}' (expected \${NAME}, \${NAME:-default}, \${NAME:?error}, …; write $$ for a literal $)`
        }
      }
    }
    refs.push({
      start: at,
      end: close + 1,
      name: m[1],
      operator: m[2] ?? '',
      argument: m[3] ?? ''
    })
    // Defaults may hold nested references; check them too.
    if (m[3] && m[3].includes('$')) {
      const nested = scanVariables(m[3])
      if (nested.error) {
        const offset = at + 2 + m[1].length + m[2].length
        return {
          refs,
          error: {
            start: nested.error.start + offset,
            end: nested.error.end + offset,
            message: nested.error.message
          }
        }
      }
    }
    i = close + 1
  }
  return { refs }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let j = open; j < text.length; j++) {
    const c = text[j]
    if (c === '{') depth++
    else if (c === '}') {
      depth--
      if (depth === 0) return j
    }
  }
  return -1
}

/**
 * The value with each variable replaced by its default where one is given (`${X:-8080}` → 8080)
 * and by `undefined` otherwise: `undefined` result = not statically known.
 */
export function withDefaults(text: string): string | undefined {
  if (!text.includes('$')) return text
  const { refs, error } = scanVariables(text)
  if (error) return undefined
  let out = ''
  let pos = 0
  for (const r of refs) {
    if (r.operator !== ':-' && r.operator !== '-') return undefined
    const arg = withDefaults(r.argument)
    if (arg === undefined) return undefined
    out += text.slice(pos, r.start) + arg
    pos = r.end
  }
  return (out + text.slice(pos)).replace(/\$\$/g, '$')
}

/** Replace every variable reference with `placeholder` (to split values around them safely). */
export function maskVariables(text: string, placeholder = '\u0000'): string {
  if (!text.includes('$')) return text
  const { refs } = scanVariables(text)
  let out = ''
  let pos = 0
  for (const r of refs) {
    out += text.slice(pos, r.start) + placeholder
    pos = r.end
  }
  return out + text.slice(pos)
}

/**
 * Split a value at `separator` where it is not inside a variable reference: `${DATA:-/srv/db}:/data`
 * is two parts, not three (a volume's `:` inside a default is part of the source).
 */
export function splitOutsideVariables(text: string, separator: string): string[] {
  if (!text.includes('$')) return text.split(separator)
  const { refs } = scanVariables(text)
  const parts: string[] = []
  let from = 0
  let ref = 0
  for (let i = 0; i < text.length; i++) {
    while (ref < refs.length && refs[ref].end <= i) ref++
    if (ref < refs.length && refs[ref].start <= i) {
      i = refs[ref].end - 1
      continue
    }
    if (text.startsWith(separator, i)) {
      parts.push(text.slice(from, i))
      from = i + separator.length
      i = from - 1
    }
  }
  parts.push(text.slice(from))
  return parts
}
