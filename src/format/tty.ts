import type { FileResult, Registry } from '../lint/engine.js'
import { fixToLines } from '../core/fixes.js'
import { LineIndex } from '../core/text.js'
import type { Finding, Severity } from '../core/types.js'
import { docsUrlOf } from './json.js'

/**
 * The human format: findings grouped by file, each with a code frame pointing at the exact range
 * and its fix shown as a diff. Colour is the caller's decision (NO_COLOR, TTY).
 */

export interface TtyOptions {
  color: boolean
  /** File contents by path, for code frames and fix previews. */
  sources: ReadonlyMap<string, string>
  /** Show fixes as diffs (default true). */
  showFixes?: boolean
  /** Extra problems not attached to a lint result (unreadable files). */
  extraErrors?: Array<{ file: string; message: string }>
  /**
   * `--review`: what a pull request would get: each finding marked `inline` or `summary` by the
   * review policy, and a count of both (`legend` says the policy's bars).
   */
  review?: { placement(finding: Finding): 'inline' | 'summary'; legend: string }
}

type Paint = (s: string) => string

function palette(
  color: boolean
): Record<'red' | 'yellow' | 'blue' | 'gray' | 'green' | 'bold' | 'dim' | 'underline', Paint> {
  const wrap = (open: number, close: number): Paint =>
    color ? (s) => `\u001b[${open}m${s}\u001b[${close}m` : (s) => s
  return {
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    blue: wrap(34, 39),
    gray: wrap(90, 39),
    green: wrap(32, 39),
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24)
  }
}

/** Control characters from file contents never reach the terminal raw (escape sequences). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = new RegExp('[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\u009b]', 'g')

function safe(s: string): string {
  return s.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

export function formatTty(results: FileResult[], registry: Registry, options: TtyOptions): string {
  return joinTtyPieces([ttyPiece(results, registry, options)], options).join('')
}

/** What the closing lines of the report count. */
export interface TtyTally {
  files: number
  counts: Record<Severity, number>
  fixable: number
  placed: { inline: number; summary: number }
  /** Files with problems of their own (a rule that crashed…). */
  withErrors: number
}

/**
 * The report of some consecutive files: their lines, each ending in `\n`, and what they add to
 * the closing lines. joinTtyPieces puts the pieces of a run together into the report of all its
 * files at once (src/cli/pool.ts makes a piece where the files are linted).
 */
export interface TtyPiece {
  text: string
  tally: TtyTally
}

export function ttyPiece(
  results: FileResult[],
  registry: Registry,
  options: Omit<TtyOptions, 'extraErrors'>
): TtyPiece {
  const c = palette(options.color)
  const sev: Record<Severity, Paint> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
    style: c.gray
  }
  const out: string[] = []
  const tally: TtyTally = {
    files: results.length,
    counts: { error: 0, warning: 0, info: 0, style: 0 },
    fixable: 0,
    placed: { inline: 0, summary: 0 },
    withErrors: 0
  }
  for (const r of results) {
    if (r.errors.length > 0) tally.withErrors++
    if (r.findings.length === 0 && r.errors.length === 0) continue
    out.push(c.underline(safe(r.path)))
    const text = options.sources.get(r.path)
    const lines = text !== undefined ? new LineIndex(text) : undefined
    for (const e of r.errors) out.push(`  ${c.red('error')}  ${safe(e)}`)
    for (const f of r.findings) {
      tally.counts[f.severity]++
      if (f.fix?.safe) tally.fixable++
      const pos = `${f.range.start.line}:${f.range.start.column}`
      const where = options.review?.placement(f)
      if (where) tally.placed[where]++
      const mark =
        where === 'inline' ? `  ${c.bold('[inline]')}` : where ? `  ${c.dim('[summary]')}` : ''
      out.push(
        `  ${c.dim(pos.padEnd(7))} ${sev[f.severity](f.severity.padEnd(7))} ${safe(f.message)}  ${c.gray(f.rule)}${mark}`
      )
      if (lines) out.push(...codeFrame(lines, f, c))
      if (f.fix && lines && options.showFixes !== false) out.push(...fixPreview(lines, f, c))
      const url = docsUrlOf(f.rule, registry)
      if (url) out.push(`          ${c.dim(url)}`)
    }
    out.push('')
  }
  return { text: out.map((line) => `${line}\n`).join(''), tally }
}

/** The report from its pieces, in order, as texts to write one after the other. */
export function joinTtyPieces<T extends string | Uint8Array>(
  pieces: ReadonlyArray<{ text: T; tally: TtyTally }>,
  options: Pick<TtyOptions, 'color' | 'extraErrors' | 'review'>
): Array<string | T> {
  const c = palette(options.color)
  const out: Array<string | T> = pieces.map((p) => p.text).filter((text) => text.length > 0)
  const sum = (of: (t: TtyTally) => number): number =>
    pieces.reduce((n, piece) => n + of(piece.tally), 0)
  const counts = {
    error: sum((t) => t.counts.error),
    warning: sum((t) => t.counts.warning),
    info: sum((t) => t.counts.info),
    style: sum((t) => t.counts.style)
  }
  const fixable = sum((t) => t.fixable)
  const files = sum((t) => t.files)
  const lines: string[] = []
  for (const e of options.extraErrors ?? [])
    lines.push(`${c.underline(safe(e.file))}\n  ${c.red('error')}  ${safe(e.message)}\n`)
  const total = counts.error + counts.warning + counts.info + counts.style
  if (total === 0 && (options.extraErrors ?? []).length === 0 && sum((t) => t.withErrors) === 0) {
    lines.push(c.green(`✔ No problems in ${files} file${files === 1 ? '' : 's'}.`))
  } else if (total > 0) {
    const parts = (['error', 'warning', 'info', 'style'] as const)
      .filter((s) => counts[s] > 0)
      .map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' || s === 'style' ? '' : 's'}`)
    lines.push(c.bold(`✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`))
    if (fixable > 0) lines.push(c.dim(`  ${fixable} fixable with --fix`))
    if (options.review) {
      const inline = sum((t) => t.placed.inline)
      const summary = sum((t) => t.placed.summary)
      lines.push(
        c.dim(
          `  review preview: ${inline} inline, ${summary} summary only (${options.review.legend})`
        )
      )
    }
  }
  out.push(...lines.map((line) => `${line}\n`))
  // A report of no lines at all is one empty line, as it always was.
  return out.length > 0 ? out : ['\n']
}

function codeFrame(lines: LineIndex, f: Finding, c: ReturnType<typeof palette>): string[] {
  const out: string[] = []
  const first = f.range.start.line
  const last = Math.min(f.range.end.line, first + 4)
  const width = String(last).length
  for (let line = first; line <= last && line <= lines.lineCount; line++) {
    const text = lines.lineText(line)
    out.push(`    ${c.dim(`${String(line).padStart(width)} |`)} ${safe(text)}`)
    const from = line === first ? f.range.start.column : 1
    const to = line === f.range.end.line ? f.range.end.column : text.length + 1
    if (to > from || line === first) {
      const caret = ' '.repeat(Math.max(0, from - 1)) + '^'.repeat(Math.max(1, to - from))
      out.push(`    ${' '.repeat(width)} ${c.dim('|')} ${c.red(caret)}`)
    }
  }
  if (f.range.end.line > last) out.push(`    ${c.dim(`${' '.repeat(width)} | …`)}`)
  return out
}

function fixPreview(lines: LineIndex, f: Finding, c: ReturnType<typeof palette>): string[] {
  const change = fixToLines(lines, f.fix!)
  if (!change) return []
  const label = f.fix!.safe ? 'fix' : 'fix (changes behaviour)'
  return [
    `    ${c.green(label)}: ${safe(f.fix!.description)}`,
    ...change.before.map((l) => `    ${c.red(`- ${safe(l)}`)}`),
    ...change.after.map((l) => `    ${c.green(`+ ${safe(l)}`)}`)
  ]
}
