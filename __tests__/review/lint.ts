import { DEFAULT_CONFIG } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import type { FileKind, Finding } from '../../src/core/types.js'
import { registry } from '../../src/rules/index.js'

/** Lint one text with the real registry and default configuration (review tests' helper). */
export function lint(text: string, path = 'Dockerfile', kind: FileKind = 'dockerfile'): Finding[] {
  return lintText({ path, text, kind }, { registry, config: DEFAULT_CONFIG }).findings
}

/** Apply a suggestion the way GitHub does: replace lines start..end, keeping the file's EOL. */
export function applySuggestion(text: string, start: number, end: number, after: string[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  lines.splice(start - 1, end - start + 1, ...after)
  return lines.join(eol)
}

/** The content of the (single) ```suggestion block of a comment body, or undefined. */
export function suggestionOf(body: string): string[] | undefined {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body)
  if (!m) return undefined
  return m[2] === '' ? [] : m[2].replace(/\n$/, '').split('\n')
}
