import type { DockerfileDoc, Instruction, Stage } from '../../../parse/dockerfile.js'
import { lineage } from './commands.js'
import { pairs } from './properties.js'

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

/**
 * Names ARG/ENV define before `inst` in its stage (ENVs also from the stages it is built FROM;
 * ARGs are stage-scoped, as in BuildKit).
 */
export function definedBefore(doc: DockerfileDoc, inst: Instruction): Set<string> {
  const top = inst.onbuild ?? inst
  const names = new Set<string>()
  const stage = top.stage
  if (!stage) {
    for (const i of doc.instructions) {
      if (i.index >= top.index) break
      if (i.keyword === 'ARG' || i.keyword === 'ENV')
        for (const p of pairs(doc, i)) names.add(p.name)
    }
    return names
  }
  for (const s of lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= top.index) break
      if (i.keyword === 'ENV' || (i.keyword === 'ARG' && s === stage)) {
        for (const p of pairs(doc, i)) names.add(p.name)
      }
    }
  }
  return names
}

/** The first stage of a `FROM <alias>` chain (where the base image comes from). */
export function rootStage(stage: Stage): Stage {
  const chain = lineage(stage)
  return chain[chain.length - 1]
}
