import type { Finding } from '../core/types.js'

/**
 * Central disable comments for compose files (rules never see them):
 *
 * - `# docker-review disable-line [RULE, …]` and DCLint's `# dclint disable-line [rule …]`: the
 *   comment's own line when it trails code, the next line when it stands alone.
 * - `# docker-review disable-next-line [RULE, …]`: the next line.
 * - `# docker-review disable-file` / `# dclint disable-file`: the whole file.
 * - `# docker-review disable [RULE, …]` / `# dclint disable [rule …]` on the first non-empty line:
 *   the whole file (all rules when none are named), as DCLint does.
 *
 * Rule names may be ids or aliases (DCLint's rule names); separators are commas and/or spaces.
 */

export interface LineDisable {
  /** Canonical ids; empty = every rule. */
  rules: Set<string>
  fromLine: number
  toLine: number
}

const COMMENT =
  /(^|\s)#\s*(dclint|docker-review)\s+(disable-next-line|disable-line|disable-file|disable)(?=\s|$)(.*)$/i

export function composeDisables(
  text: string,
  resolve: (name: string) => string | undefined
): LineDisable[] {
  const out: LineDisable[] = []
  const lines = text.split('\n')
  const total = lines.length
  const firstContent = lines.findIndex((l) => l.trim() !== '')
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '')
    const m = COMMENT.exec(line)
    if (!m) return
    const kind = m[3].toLowerCase()
    const names = m[4]
      .replace(/\s+--.*$/, '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean)
    const rules = new Set(names.map((n) => resolve(n) ?? n))
    const standalone = line.slice(0, m.index + m[1].length).trim() === ''
    const lineNo = i + 1
    if (kind === 'disable-file') out.push({ rules: new Set(), fromLine: 1, toLine: total })
    else if (kind === 'disable') {
      if (i === firstContent) out.push({ rules, fromLine: 1, toLine: total })
    } else if (kind === 'disable-next-line' || standalone) {
      const target = nextContentLine(lines, i)
      if (target) out.push({ rules, fromLine: target, toLine: target })
    } else out.push({ rules, fromLine: lineNo, toLine: lineNo })
  })
  return out
}

function nextContentLine(lines: string[], index: number): number | undefined {
  for (let j = index + 1; j < lines.length; j++) {
    const t = lines[j].trim()
    if (t !== '' && !t.startsWith('#')) return j + 1
  }
  return undefined
}

export function isDisabled(finding: Finding, disables: LineDisable[]): boolean {
  const line = finding.range.start.line
  return disables.some(
    (d) =>
      line >= d.fromLine && line <= d.toLine && (d.rules.size === 0 || d.rules.has(finding.rule))
  )
}
