import { lintText, type FileResult } from '../../src/lint/engine.js'
import { applyFixes, fixToLines, fixUntilStable, MAX_FIX_PASSES } from '../../src/core/fixes.js'
import { LineIndex } from '../../src/core/text.js'
import { resolveConfig } from '../../src/config/config.js'
import type { FileKind, Finding, Fix, Position, Range, Workspace } from '../../src/core/types.js'
import { registry } from '../../src/rules/index.js'

/**
 * The fuzz properties, checked on one input through the real engine with the full registry (every
 * rule on, off-by-default ones included, rule settings that wake the settings-driven rules, no
 * ShellCheck):
 *
 * 1. Linting neither throws nor reports a file error (the engine turns a rule that throws into
 *    `internal error in rule …`); every finding names a known rule and has a valid range: both ends
 *    real positions of the text (a line that exists, a column at most one past the line's content,
 *    never between a CR and its LF or inside a surrogate pair), start not after end.
 * 2. Every fix is well formed: at least one edit, every edit range valid as above, edits pairwise
 *    disjoint under `applyFixes`' rule (two edits at one point collide), `applyFixes` takes it, and
 *    the text outside the union of its edit ranges is byte-identical after applying (checked
 *    against an independent splice; valid edit ends cannot split a surrogate pair). The fix
 *    changes the text, and the GitHub suggestion made of it (`fixToLines`) replaces exactly the
 *    lines it names with lines that give the same text (lines compared without terminators, and
 *    without the file's final line break, which a suggestion of whole lines cannot express: a
 *    fix emptying the last line of a file without one leaves a final line break behind).
 * 3. Each fix applied alone gives a text that lints without a file error, with no parse error
 *    (DL1000 / DC0001) the original did not have (an error after the fix is an old one when an
 *    original error sits at the same place after mapping, or has the same message; DL1000's "no
 *    instructions" is no breakage when the fix deleted the file's only instruction), and on which
 *    the fixed rule does not fire again at the fixed place: the finding's range joined with the
 *    fix's edited region, mapped through the edits, holds no more findings of that rule than it
 *    held besides the fixed one before. Where a fix deleted text the place is a point, and what
 *    now follows the point is not at it (deleting one of three overridden CMDs leaves the next one
 *    rightly reported). DC0002 and DL1000 gather many independent checks under one id, so for
 *    them only the same message again counts (see CATCH_ALL). Fixing everything until stable
 *    (`fixUntilStable`, safe and unsafe fixes) converges within its pass limit, and every
 *    intermediate text lints without a file error.
 */

export interface FuzzInput {
  path: string
  text: string
  kind: FileKind
  workspace: Workspace
}

/** The config the fuzz lints under: everything on, settings that give the settings-driven rules work. */
export const FUZZ_CONFIG = resolveConfig([
  {
    source: 'fuzz',
    all: true,
    settings: {
      trustedRegistries: ['docker.io', 'gcr.io', 'registry.example.com:5000'],
      labelSchema: {
        maintainer: 'email',
        version: 'semver',
        url: 'url',
        revision: 'hash',
        created: 'rfc3339',
        license: 'spdx',
        description: 'text'
      },
      strictLabels: true
    }
  }
])

/** Parse errors: a fix must never add one. */
const PARSE_RULES: Record<FileKind, string> = { dockerfile: 'DL1000', compose: 'DC0001' }

function lint(input: FuzzInput, text: string, only?: ReadonlySet<string>): FileResult {
  return lintText(
    { path: input.path, text, kind: input.kind },
    { registry, config: FUZZ_CONFIG, workspace: input.workspace, tools: {}, only }
  )
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** Why `pos` is not a real position of the text, or undefined when it is one. */
export function invalidPosition(lines: LineIndex, pos: Position): string | undefined {
  if (!Number.isInteger(pos.line) || !Number.isInteger(pos.column)) return 'not integers'
  if (pos.line < 1 || pos.line > lines.lineCount) return `line outside 1..${lines.lineCount}`
  const length = lines.lineEnd(pos.line) - lines.lineStart(pos.line)
  if (pos.column < 1 || pos.column > length + 1)
    return `column outside 1..${length + 1} of line ${pos.line}`
  const offset = lines.offset(pos)
  const text = lines.text
  if (isLow(text.charCodeAt(offset)) && isHigh(text.charCodeAt(offset - 1)))
    return 'inside a surrogate pair'
  return undefined
}

/** Why `range` is not a valid range of the text, or undefined. */
export function invalidRange(lines: LineIndex, range: Range): string | undefined {
  const start = invalidPosition(lines, range.start)
  if (start) return `start ${start}`
  const end = invalidPosition(lines, range.end)
  if (end) return `end ${end}`
  if (lines.offset(range.start) > lines.offset(range.end)) return 'start after end'
  return undefined
}

interface OffsetEdit {
  start: number
  end: number
  text: string
}

function toOffsetEdits(lines: LineIndex, fix: Fix): OffsetEdit[] {
  return fix.edits
    .map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      text: e.text
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
}

/** Well-formedness of a fix (property 2): problems, and the fixed text when it can be applied. */
export function checkFix(
  text: string,
  lines: LineIndex,
  fix: Fix
): { problems: string[]; fixed?: string } {
  if (fix.edits.length === 0) return { problems: ['fix has no edits'] }
  if (fix.description.trim() === '') return { problems: ['fix has no description'] }
  const problems: string[] = []
  for (const e of fix.edits) {
    const why = invalidRange(lines, e.range)
    if (why) problems.push(`edit ${show(e.range)} is not a valid range: ${why}`)
  }
  if (problems.length > 0) return { problems }
  const edits = fix.edits
    .map((e) => ({
      start: lines.offset(e.range.start),
      end: lines.offset(e.range.end),
      text: e.text
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end)
  for (let i = 1; i < edits.length; i++) {
    const [a, b] = [edits[i - 1], edits[i]]
    if (b.start < a.end || b.start === a.start || (b.start === a.end && b.start === b.end))
      problems.push(`edits ${a.start}-${a.end} and ${b.start}-${b.end} overlap`)
  }
  if (problems.length > 0) return { problems }
  const applied = applyFixes(text, [fix])
  if (applied.applied.length !== 1) return { problems: ['applyFixes skipped the fix'] }
  // Independent splice: everything outside the edit ranges is copied byte for byte.
  let expected = ''
  let pos = 0
  for (const e of edits) {
    expected += text.slice(pos, e.start) + e.text
    pos = e.end
  }
  expected += text.slice(pos)
  if (applied.text !== expected)
    problems.push('applyFixes changed text outside the edit ranges (differs from a plain splice)')
  if (expected === text) problems.push('the fix changes nothing')
  problems.push(...checkSuggestion(text, lines, fix, expected))
  return { problems, fixed: expected }
}

const CR_AT_END = /\r$/
const FINAL_LF = /\n$/

/**
 * The suggestion GitHub would show (whole lines `startLine..endLine` replaced by `after`) must
 * give the same file as the fix itself.
 */
function checkSuggestion(text: string, lines: LineIndex, fix: Fix, fixed: string): string[] {
  const change = fixToLines(lines, fix)
  // As GitHub shows lines: split at LF, one CR at a line's end is its terminator's.
  const split = (s: string): string[] =>
    s
      .replace(FINAL_LF, '')
      .split('\n')
      .map((l) => l.replace(CR_AT_END, ''))
  const normal = (s: string): string => split(s).join('\n')
  if (!change) {
    return normal(fixed) === normal(text)
      ? []
      : ['fixToLines gives no suggestion for a real change']
  }
  const all = split(text)
  const { startLine, endLine } = change
  if (startLine < 1 || endLine > all.length || startLine > endLine + 1)
    return [`suggestion lines ${startLine}-${endLine} outside the file's ${all.length} lines`]
  const before = all.slice(startLine - 1, endLine)
  if (before.join('\n') !== change.before.join('\n'))
    return [`suggestion 'before' lines ${startLine}-${endLine} are not the file's lines`]
  const rebuilt = [...all.slice(0, startLine - 1), ...change.after, ...all.slice(endLine)]
  return rebuilt.join('\n') === normal(fixed)
    ? []
    : [`suggestion for lines ${startLine}-${endLine} does not give the fixed text`]
}

function show(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`
}

type Span = [start: number, end: number]

/**
 * Half-open offset spans share a character; a point lies strictly inside the other span (a point
 * where a deletion was does not reach the text that now follows it), two points coincide.
 */
function overlaps(a: Span, b: Span): boolean {
  if (a[0] === a[1] && b[0] === b[1]) return a[0] === b[0]
  if (a[0] === a[1]) return b[0] < a[0] && a[0] < b[1]
  if (b[0] === b[1]) return a[0] < b[0] && b[0] < a[1]
  return a[0] < b[1] && b[0] < a[1]
}

/** Closed spans meet (touching counts): for matching a parse error that moved a little. */
function meets(a: Span, b: Span): boolean {
  return a[0] <= b[1] && b[0] <= a[1]
}

/** Offsets of the original text mapped through a fix's edits: a start stays before text inserted
 * at it, an end goes after it; inside a replaced stretch, to the replacement's start or end. */
function mapper(edits: OffsetEdit[]): (o: number, isEnd: boolean) => number {
  return (o, isEnd) => {
    let shift = 0
    for (const e of edits) {
      if (e.end < o || (e.end === o && (isEnd || e.start < e.end)))
        shift += e.text.length - (e.end - e.start)
      else if (e.start < o) return e.start + shift + (isEnd ? e.text.length : 0)
      else break
    }
    return o + shift
  }
}

const POSITION_IN_MESSAGE = /\d+:\d+/g

/**
 * A fix that deletes the only instruction of a file (`ENV npm_config_strict_ssl=false` alone)
 * leaves none, and DL1000 says so: that is the state the fix was asked for, not a breakage.
 */
const NO_INSTRUCTIONS = 'has no instructions'
const COMMENT_OR_BLANK_LINES = /^(?:[ \t\r]*(?:#[^\n]*)?(?:\n|$))*$/
const nothingLeft = (text: string): boolean => COMMENT_OR_BLANK_LINES.test(text)

/**
 * Rules that gather many independent checks under one id: the Compose Specification (DC0002) and
 * parse errors (DL1000). Once one problem is fixed another can rightly apply to the same place (a
 * misspelt `service:` renamed to `services:` is then found empty), so for them "fires again"
 * means the same message again.
 */
const CATCH_ALL = new Set(['DC0002', 'DL1000'])

const normalMessage = (f: Finding): string => f.message.replace(POSITION_IN_MESSAGE, '#:#')

/**
 * Parse errors after a fix that the original did not have: each error after the fix is matched
 * (at most once) by an original one at the same place after mapping (a message may name what the
 * fix renamed: ADD → COPY turns "`ADD` has no flag" into "`COPY` has no flag"), or else by one
 * with the same message (positions in it blanked, like mvdan/sh's).
 */
function newParseErrors(
  before: Finding[],
  after: Finding[],
  lines: LineIndex,
  newLines: LineIndex,
  map: (o: number, isEnd: boolean) => number
): Finding[] {
  const left = before.map((f) => ({
    message: normalMessage(f),
    span: [map(lines.offset(f.range.start), false), map(lines.offset(f.range.end), true)] as Span
  }))
  const fresh: Finding[] = []
  for (const f of after) {
    const span: Span = [newLines.offset(f.range.start), newLines.offset(f.range.end)]
    const message = normalMessage(f)
    let i = left.findIndex((b) => meets(b.span, span))
    if (i < 0) i = left.findIndex((b) => b.message === message)
    if (i < 0) fresh.push(f)
    else left.splice(i, 1)
  }
  return fresh
}

export interface CheckStats {
  findings: number
  fixes: number
  fixPasses: number
  /** Milliseconds in the first lint, the fixes applied alone, and fixing until stable. */
  lintMs: number
  aloneMs: number
  stableMs: number
}

export const emptyStats = (): CheckStats => ({
  findings: 0,
  fixes: 0,
  fixPasses: 0,
  lintMs: 0,
  aloneMs: 0,
  stableMs: 0
})

export class FuzzFailure extends Error {}

/** Lines around a range, numbered, for failure messages. */
function excerpt(text: string, range: Range, around = 2): string {
  const all = text.split('\n')
  const from = Math.max(1, range.start.line - around)
  const to = Math.min(all.length, range.end.line + around)
  return all
    .slice(from - 1, to)
    .map((line, i) => `${String(from + i).padStart(5)}| ${JSON.stringify(line).slice(1, -1)}`)
    .join('\n')
}

function describe(f: Finding): string {
  return `${f.rule} at ${show(f.range)} "${f.message}"`
}

/**
 * Check all three properties on one input; throws a FuzzFailure naming every problem (with the
 * lines involved) so fast-check can shrink the input.
 */
export function checkInput(input: FuzzInput, stats?: CheckStats): void {
  const problems: string[] = []
  const { text } = input
  const lines = new LineIndex(text)
  const t0 = performance.now()
  const result = lint(input, text)
  const t1 = performance.now()
  for (const e of result.errors) problems.push(`file error: ${e}`)
  for (const f of result.findings) {
    if (!registry.byId.has(f.rule) && !/^SC\d+$/.test(f.rule))
      problems.push(`unknown rule ${f.rule}`)
    const why = invalidRange(lines, f.range)
    if (why) problems.push(`${describe(f)}: invalid range: ${why}`)
    if (f.message.trim() === '') problems.push(`${f.rule} at ${show(f.range)}: empty message`)
  }
  if (problems.length > 0) fail(input, problems)

  const parseRule = PARSE_RULES[input.kind]
  const fixable = result.findings.filter((f) => f.fix)
  // Findings often share one fix (a sort of a whole list): lint each fixed text once per rule.
  const relinted = new Map<string, FileResult>()
  const relint = (rule: string, fixed: string): FileResult => {
    const key = `${rule}\0${fixed}`
    let after = relinted.get(key)
    if (!after) relinted.set(key, (after = lint(input, fixed, new Set([rule, parseRule]))))
    return after
  }
  for (const f of fixable) {
    const fix = f.fix!
    const checked = checkFix(text, lines, fix)
    const where = `${describe(f)}, fix "${fix.description}" ${JSON.stringify(fix.edits)}`
    for (const p of checked.problems) problems.push(`${where}: ${p}\n${excerpt(text, f.range)}`)
    if (checked.fixed === undefined || checked.problems.length > 0) continue
    problems.push(...checkAlone(input, result, relint(f.rule, checked.fixed), f))
  }
  if (problems.length > 0) fail(input, problems)
  const t2 = performance.now()

  let passes = 0
  if (fixable.length > 0) {
    const loopErrors: string[] = []
    const full = (t: string): Finding[] => {
      if (t === text) return result.findings
      const r = lint(input, t)
      loopErrors.push(...r.errors.map((e) => `file error while fixing until stable: ${e}`))
      return r.findings
    }
    const loop = fixUntilStable(text, full, () => true)
    passes = loop.passes
    problems.push(...loopErrors)
    if (loop.passes === MAX_FIX_PASSES) {
      // The loop stopped at its limit: it converged only if nothing is left to apply.
      const rest = full(loop.text).filter((f) => f.fix)
      const next = applyFixes(
        loop.text,
        rest.map((f) => f.fix!)
      )
      if (next.text !== loop.text) {
        problems.push(
          `fixes do not converge in ${MAX_FIX_PASSES} passes; still offered: ${next.applied
            .slice(0, 5)
            .map((fx) => describe(rest.find((f) => f.fix === fx)!))
            .join('; ')}`
        )
      }
    }
  }
  if (problems.length > 0) fail(input, problems)
  if (stats) {
    stats.findings += result.findings.length
    stats.fixes += fixable.length
    stats.fixPasses += passes
    stats.lintMs += t1 - t0
    stats.aloneMs += t2 - t1
    stats.stableMs += performance.now() - t2
  }
}

/**
 * Property 3 for one fix applied alone: `after` is the lint (of at least the finding's rule and the
 * parse-error rule) of `input.text` with `finding.fix` applied.
 */
export function checkAlone(
  input: FuzzInput,
  original: FileResult,
  after: FileResult,
  finding: Finding
): string[] {
  const edits = toOffsetEdits(new LineIndex(input.text), finding.fix!)
  const fixed = applyFixes(input.text, [finding.fix!]).text
  const parseBefore = original.findings.filter((f) => f.rule === PARSE_RULES[input.kind])
  const parseRule = PARSE_RULES[input.kind]
  const problems: string[] = []
  const where = `${describe(finding)}, fix "${finding.fix!.description}"`
  const newLines = new LineIndex(fixed)
  for (const e of after.errors) problems.push(`${where}: file error after the fix: ${e}`)
  const lines = new LineIndex(input.text)
  const map = mapper(edits)
  if (finding.rule !== parseRule) {
    const fresh = newParseErrors(
      parseBefore,
      after.findings.filter(
        (f) => f.rule === parseRule && !(f.message.includes(NO_INSTRUCTIONS) && nothingLeft(fixed))
      ),
      lines,
      newLines,
      map
    )
    if (fresh.length > 0) {
      problems.push(
        `${where}: the fix adds a parse error: ${fresh.map(describe).join(' | ')}\n${excerpt(fixed, fresh[0].range)}`
      )
    }
  }
  // The fixed place: the finding's range joined with the edited region, before and after the fix.
  const fStart = lines.offset(finding.range.start)
  const fEnd = lines.offset(finding.range.end)
  const delta = edits.reduce((d, e) => d + e.text.length - (e.end - e.start), 0)
  const first = edits[0].start
  const last = Math.max(...edits.map((e) => e.end))
  const oldPlace: Span = [Math.min(fStart, first), Math.max(fEnd, last)]
  const newPlace: Span = [
    Math.min(map(fStart, false), first),
    Math.max(map(fEnd, true), last + delta)
  ]
  const offsets = (l: LineIndex, f: Finding): Span => [
    l.offset(f.range.start),
    l.offset(f.range.end)
  ]
  const message = normalMessage(finding)
  const same = (g: Finding): boolean =>
    g.rule === finding.rule && (!CATCH_ALL.has(g.rule) || normalMessage(g) === message)
  const before = original.findings.filter(
    (g) => g !== finding && same(g) && overlaps(offsets(lines, g), oldPlace)
  )
  const again = after.findings.filter((g) => same(g) && overlaps(offsets(newLines, g), newPlace))
  if (again.length > before.length) {
    problems.push(
      `${where}: the rule fires again at the fixed place: ${again.map(describe).join('; ')}` +
        `\nbefore:\n${excerpt(input.text, finding.range)}\nafter:\n${excerpt(fixed, again[0].range)}`
    )
  }
  return problems
}

function fail(input: FuzzInput, problems: string[]): never {
  const shown = problems.slice(0, 6).join('\n\n')
  const more = problems.length > 6 ? `\n\n… and ${problems.length - 6} more` : ''
  const source =
    input.text.length <= 3000
      ? `\n\ninput ${input.path} (${input.kind}):\n${JSON.stringify(input.text)}`
      : `\n\ninput ${input.path} (${input.kind}, ${input.text.length} chars)`
  throw new FuzzFailure(`${shown}${more}${source}`)
}
