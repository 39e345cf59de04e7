import type { Finding, RuleNames } from '../core/types.js'
import type { DockerfileDoc } from '../dockerfile/model.js'

/**
 * Central ignore pragmas for Dockerfiles; rules never see them (hadolint's Pragma, ESLint's
 * apply-disable-directives).
 *
 * - `# hadolint ignore=DL3008,SC2086` / `# docker-review ignore=…`: the next instruction (its whole
 *   line span). Consecutive pragma comments stack; blank lines and other comments between the
 *   pragma and the instruction are allowed.
 * - `# hadolint global ignore=…` / `# docker-review global ignore=…`: the whole file.
 * - `# hadolint stage ignore=…` / `# docker-review stage ignore=…`: from the pragma to the next FROM
 *   after the stage it opens.
 * - BuildKit's `# check=skip=A,B` (or `skip=all`) parser directive: the whole file.
 *
 * Names may be rule ids or aliases; `resolve` maps them to canonical ids. For `# hadolint` pragmas
 * hadolint's grammar applies: a list holding a name that is not a DL/SC code is ignored entirely.
 */

export interface Pragma {
  scope: 'next' | 'global' | 'stage'
  /** Canonical ids. */
  rules: Set<string>
  /** Line span it covers (1-based, inclusive). */
  fromLine: number
  toLine: number
}

const PRAGMA =
  /^(hadolint|docker-review)\s+(?:(global|stage)\s+)?ignore\s*=\s*([^#]*?)\s*(?:#.*)?$/i

export function dockerfilePragmas(doc: DockerfileDoc, names: RuleNames): Pragma[] {
  const resolve = (n: string): string | undefined => names.resolve(n)
  const pragmas: Pragma[] = []
  const lastLine = doc.lines.lineCount
  // dockerfile-ast reads a pragma on the first lines (`# hadolint global ignore=…`) as a parser
  // directive, so look at both.
  const lines = [
    ...doc.comments.map((c) => ({ line: c.range.start.line, content: c.content })),
    ...doc.directives.map((d) => ({
      line: d.range.start.line,
      content: doc.lines.lineText(d.range.start.line).replace(/^\s*#\s*/, '')
    }))
  ]
  for (const comment of lines) {
    const m = PRAGMA.exec(comment.content)
    if (!m) continue
    const tool = m[1].toLowerCase()
    const list = m[3]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (list.length === 0) continue
    if (tool === 'hadolint' && !list.every((n) => /^[DLSC0-9]+$/.test(n))) continue
    const rules = new Set(list.map((n) => resolve(n) ?? n.toUpperCase()))
    const line = comment.line
    const scope = (m[2]?.toLowerCase() as 'global' | 'stage' | undefined) ?? 'next'
    if (scope === 'global') {
      pragmas.push({ scope, rules, fromLine: 1, toLine: lastLine })
    } else if (scope === 'stage') {
      const nextFrom = doc.stages.find((s) => s.from.range.start.line > line)
      const after = nextFrom
        ? doc.stages.find((s) => s.from.range.start.line > nextFrom.from.range.start.line)
        : undefined
      pragmas.push({
        scope,
        rules,
        fromLine: line,
        toLine: after ? after.from.range.start.line - 1 : lastLine
      })
    } else {
      const next = doc.instructions.find((i) => i.range.start.line > line)
      if (!next) continue
      // Only comments and blank lines may stand between the pragma and the instruction.
      const between = doc.instructions.some(
        (i) => i.range.start.line > line && i.range.start.line < next.range.start.line
      )
      if (between) continue
      pragmas.push({ scope, rules, fromLine: next.range.start.line, toLine: next.range.end.line })
    }
  }
  for (const d of doc.directives) {
    if (d.name !== 'check') continue
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(d.value)
    if (!skip) continue
    const list = skip[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const rules = new Set(
      list.flatMap((n) => (n.toLowerCase() === 'all' ? [...names.buildkit] : [resolve(n) ?? n]))
    )
    pragmas.push({ scope: 'global', rules, fromLine: 1, toLine: lastLine })
  }
  return pragmas
}

export function isSuppressed(finding: Finding, pragmas: Pragma[]): boolean {
  const line = finding.range.start.line
  return pragmas.some((p) => line >= p.fromLine && line <= p.toLine && p.rules.has(finding.rule))
}
