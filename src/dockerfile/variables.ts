import type { Stage } from './model.js'
import { lineage } from './stages.js'

/**
 * Dockerfile variable substitution as BuildKit sees it outside RUN: references in instruction
 * text, the names ARG/ENV define in a stage's scope, and the build arguments BuildKit predefines.
 */

export interface VariableRef {
  name: string
  /** File offsets of the whole reference (`$NAME` / `${NAME…}`), end exclusive. */
  start: number
  end: number
  /** File offsets of the name alone. */
  nameStart: number
  nameEnd: number
  /** `${NAME:-default}`-style reference with a fallback (or `:+`) modifier. */
  modified: boolean
}

/** Platform build arguments, defined in the global scope and inside a stage once declared. */
export const PLATFORM_ARGS = new Set([
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE'
])

/** Proxy build arguments: predefined, usable in RUN without an ARG. */
export const PROXY_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy'
]

/** Build arguments usable without an ARG (proxies) and BuildKit's own knobs. */
export const IMPLICIT_ARGS = new Set([...PROXY_ARGS, 'SOURCE_DATE_EPOCH'])

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const WHOLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A name a `$NAME` reference can spell: declarations can hold others (`ARG A😀B`, `ENV $X=1` read
 * out of a broken ENV), and suggesting one would write a reference to something else.
 */
export function isVariableName(name: string): boolean {
  return WHOLE_NAME.test(name)
}

/**
 * Variable references in a Dockerfile word list (`text` with its file `offsets`): `$NAME` and
 * `${NAME}`, `${NAME:-x}` and friends; escaped `\$` and single-quoted text are skipped.
 */
export function variableRefs(
  text: string,
  offsets: number[],
  escape: string,
  singleQuotes = true
): VariableRef[] {
  const out: VariableRef[] = []
  let quote: string | undefined
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === escape) {
      i++
      continue
    }
    if (singleQuotes && c === "'" && quote !== '"') {
      quote = quote ? undefined : "'"
      continue
    }
    if (c === '"' && quote !== "'") {
      quote = quote ? undefined : '"'
      continue
    }
    if (c !== '$' || quote === "'") continue
    const braced = text[i + 1] === '{'
    NAME.lastIndex = i + (braced ? 2 : 1)
    const m = NAME.exec(text)
    if (!m) continue
    let end = NAME.lastIndex
    let modified = false
    if (braced) {
      const close = text.indexOf('}', end)
      if (close === -1) continue
      modified = /^:?[-+]/.test(text.slice(end, close))
      end = close + 1
    }
    const nameStart = NAME.lastIndex - m[0].length
    out.push({
      name: m[0],
      start: offsets[i],
      end: offsets[end - 1] + 1,
      nameStart: offsets[nameStart],
      nameEnd: offsets[NAME.lastIndex - 1] + 1,
      modified
    })
    i = end - 1
  }
  return out
}

/** The first stage of a `FROM <alias>` chain (where the base image comes from). */
export function rootStage(stage: Stage): Stage {
  const chain = lineage(stage)
  return chain[chain.length - 1]
}

/** Substitute `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` from `vars`; unknown stay. */
export function expandVariables(
  value: string,
  vars: Map<string, string | null>
): { value: string; unresolved: boolean } {
  if (!value.includes('$')) return { value, unresolved: false }
  let unresolved = false
  const out = value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      match,
      braced: string | undefined,
      op: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const name = braced ?? bare!
      const known = vars.has(name)
      const v = vars.get(name)
      const set = known && v !== null && v !== undefined
      const nonEmpty = set && v !== ''
      if (op === ':-' || op === '-') {
        if (op === ':-' ? nonEmpty : set) return v!
        return word ?? ''
      }
      if (op === ':+' || op === '+') return (op === ':+' ? nonEmpty : set) ? (word ?? '') : ''
      if (set) return v!
      unresolved = true
      return match
    }
  )
  return { value: out, unresolved }
}
