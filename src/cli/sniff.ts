import { isMap, parseDocument } from 'yaml'
import type { FileKind } from '../core/types.js'

/**
 * The kind of a file named on the command line whose name says nothing (`lint build/recipe`), told
 * from its content: a Dockerfile's first instruction is FROM or ARG (after comments and parser
 * directives); a compose file is a YAML mapping with `services` or `include`. Undefined when
 * neither — the caller asks for --kind. Pure.
 */

const FIRST_INSTRUCTION = /^(FROM|ARG)\s/i
const ANY_FROM = /^[ \t]*FROM[ \t]+\S/im
const COMPOSE_KEYS = ['services', 'include']

export function sniffKind(text: string): FileKind | undefined {
  const body = text.replace(/^\uFEFF/, '')
  for (const raw of body.split('\n', 200)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    if (FIRST_INSTRUCTION.test(line)) return 'dockerfile'
    break
  }
  const doc = parseDocument(body, { uniqueKeys: false })
  if (doc.errors.length === 0 && isMap(doc.contents)) {
    return COMPOSE_KEYS.some((key) => doc.has(key)) ? 'compose' : undefined
  }
  return ANY_FROM.test(body) ? 'dockerfile' : undefined
}
