import { SEVERITIES, type Severity, type Threshold } from '../core/types.js'
import type { FilterMode } from '../diff/filter.js'
import { compareFindings, type NotInline, type ScopedFinding } from './draft.js'
import { codeSpan, encodePath, inert } from './markdown.js'
import { ruleLink } from './comment.js'
import { SUMMARY_MARKER } from './marker.js'
import { ROLLUP_RULES } from './rollup.js'

/**
 * The run's summary as markdown: counts by severity, the verdict, a table of findings with links,
 * what was skipped and why, and the image tags. The same text is the sticky pull-request comment
 * (with the marker) and the job summary. Deterministic: an unchanged run renders the same bytes.
 */

export interface SummaryInput {
  /** `https://github.com/owner/repo`. */
  repoUrl: string
  /** Commit the links point at. */
  sha: string
  filterMode: FilterMode
  failOn: Threshold
  failed: boolean
  /** One-line verdict reason. */
  reason: string
  findings: readonly ScopedFinding[]
  /** Skipped files and other things a reader should know, one line each (plain text). */
  notes: readonly string[]
  tags: readonly string[]
  docsUrl(rule: string): string | undefined
  /** Number of files linted. */
  files: number
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵', style: '⚪' }
const WHY: Record<NotInline, string> = {
  'outside-diff': 'not on a line of the diff',
  'no-patch': 'file has no diff to comment on',
  limit: 'beyond `max-comments`',
  rejected: 'refused by GitHub',
  'not-posted': 'not posted',
  policy: 'summary only: review policy',
  untouched: 'summary only: the pull request does not change this service or stage'
}
/** GitHub's comment limit is 65,536 characters; leave room for the marker. */
export const MAX_SUMMARY = 65_000
const ROW_LIMITS = [200, 50, 10, 0]

export function countBySeverity(findings: readonly ScopedFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 }
  for (const f of findings) counts[f.finding.severity]++
  return counts
}

export function countsText(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${s === 'info' || s === 'style' ? s : counts[s] === 1 ? s : `${s}s`}`
  )
  return parts.length > 0 ? parts.join(', ') : 'no findings'
}

const DOT_SEGMENT = /(^|\/)\.{0,2}(\/|$)/

/** A repository path whose blob URL points at that file. */
function linkable(path: string): boolean {
  return !DOT_SEGMENT.test(path)
}

/** A summary row: a finding, with the findings of other rules proposing the same fix. */
type Row = ScopedFinding & { also?: ScopedFinding[] }

/**
 * Findings whose fix is the same change as another rule's finding (`sameFixAs`: DR3002 and DL3059
 * merging the same RUNs) join that finding's row when they ended up the same way (same comment,
 * same reason): one row naming both rules.
 */
export function foldSameFix(rows: readonly ScopedFinding[]): Row[] {
  const byFingerprint = new Map<string, Row>()
  const out: Row[] = []
  for (const row of rows) {
    const lead = row.sameFixAs === undefined ? undefined : byFingerprint.get(row.sameFixAs)
    if (lead && lead.comment === row.comment && lead.notInline === row.notInline) {
      lead.also = [...(lead.also ?? []), row]
      continue
    }
    const fresh: Row = { ...row }
    byFingerprint.set(row.fingerprint, fresh)
    out.push(fresh)
  }
  return out
}

function table(rows: readonly Row[], input: SummaryInput, limit: number, more: string): string[] {
  const shown = rows.slice(0, limit)
  const out = ['| | Rule | Where | Message |', '|---|---|---|---|']
  for (const s of shown) {
    const f = s.finding
    const line = f.range.start.line
    const place = codeSpan(`${f.file}:${line}`, { table: true })
    // A `.`/`..` segment would make the link resolve elsewhere (URLs normalise them): no link.
    const where = linkable(f.file)
      ? `[${place}](${input.repoUrl}/blob/${input.sha}/${encodePath(f.file)}#L${line})`
      : place
    let message = inert(f.message, { table: true, max: 300 })
    const also = (s.also ?? []).map((a) => a.finding.rule)
    if (also.length > 0) message += ` _(${also.join(', ')}: the same fix)_`
    if (s.inScope && s.notInline) message += ` _(${WHY[s.notInline]})_`
    const rules = [f.rule, ...also].map((r) => ruleLink(r, input.docsUrl(r))).join(', ')
    out.push(`| ${ICON[f.severity]} | ${rules} | ${where} | ${message} |`)
  }
  if (rows.length > shown.length) out.push(``, `… and ${rows.length - shown.length} more: ${more}.`)
  return out
}

const SERVICE = /^Service '([^']*)'/

/**
 * One row per file and roll-up rule, naming its services (`3 services ('a', 'b', 'c'), each: has
 * no restart policy…`), instead of one row each. The counts and the verdict still see every finding.
 */
export function rollUp(rows: readonly Row[]): Row[] {
  const groups = new Map<string, Row[]>()
  const out: Array<Row | Row[]> = []
  for (const row of rows) {
    if (!ROLLUP_RULES.has(row.finding.rule) || row.comment) {
      out.push(row)
      continue
    }
    const key = `${row.finding.file}\u0000${row.finding.rule}\u0000${row.notInline ?? ''}`
    const group = groups.get(key)
    if (group) group.push(row)
    else {
      const fresh = [row]
      groups.set(key, fresh)
      out.push(fresh)
    }
  }
  return out.map((entry) => {
    if (!Array.isArray(entry)) return entry
    if (entry.length === 1) return entry[0]
    const [first] = entry
    const names = entry.map((r) => SERVICE.exec(r.finding.message)?.[1])
    const who = names.every((n) => n !== undefined)
      ? `${entry.length} services (${names.map((n) => `'${n}'`).join(', ')})`
      : `${entry.length} places (lines ${entry.map((r) => r.finding.range.start.line).join(', ')})`
    const message = SERVICE.test(first.finding.message)
      ? `${who}, each: ${first.finding.message.replace(SERVICE, '').trimStart()}`
      : `${who}: ${first.finding.message}`
    return { ...first, finding: { ...first.finding, message } }
  })
}

function render(input: SummaryInput, limit: number, more: string): string {
  const inScope = input.findings
    .filter((f) => f.inScope)
    .sort((a, b) => compareFindings(a.finding, b.finding))
  const outside = input.findings
    .filter((f) => !f.inScope)
    .sort((a, b) => compareFindings(a.finding, b.finding))
  const scope =
    input.filterMode === 'nofilter'
      ? 'in the linted files'
      : input.filterMode === 'file'
        ? 'in the changed files'
        : 'on the changed lines'
  const out = ['### docker-review', '']
  out.push(
    `**${countsText(countBySeverity(inScope))}** ${scope} (${input.files} file${input.files === 1 ? '' : 's'} linted, \`filter-mode: ${input.filterMode}\`, \`fail-on: ${input.failOn}\`).`,
    '',
    `${input.failed ? '❌' : '✅'} ${inert(input.reason)}`
  )
  if (inScope.length > 0) out.push('', ...table(rollUp(foldSameFix(inScope)), input, limit, more))
  if (outside.length > 0) {
    out.push(
      '',
      `<details><summary>${outside.length} finding${outside.length === 1 ? '' : 's'} outside the changes (not counted)</summary>`,
      '',
      ...table(rollUp(foldSameFix(outside)), input, limit, more),
      '',
      '</details>'
    )
  }
  if (input.notes.length > 0) out.push('', ...input.notes.map((n) => `- ${inert(n)}`))
  if (input.tags.length > 0) {
    out.push('', `**Image tags:** ${input.tags.map((t) => codeSpan(t)).join(', ')}`)
  }
  return out.join('\n')
}

/**
 * The job summary holds every finding (GitHub keeps up to 1 MiB of it per step); only a run with
 * thousands of findings is cut, and then the rest are in the SARIF file.
 */
export const MAX_JOB_SUMMARY = 1_000_000
const JOB_ROW_LIMITS = [Infinity, 4000, 1000]

export interface RenderOptions {
  /** Longest text (default: a comment's, MAX_SUMMARY). */
  max?: number
  /** What the line after a cut table says (default: where every finding is listed). */
  more?: string
}

/**
 * The summary markdown. As a pull-request comment (the default) it is shortened — fewer table
 * rows — until it fits GitHub's comment limit, and a cut table says every finding is in the job
 * summary; as the job summary (`max: MAX_JOB_SUMMARY`) it lists every finding.
 */
export function renderSummary(input: SummaryInput, options: RenderOptions = {}): string {
  const max = options.max ?? MAX_SUMMARY
  const limits = max > MAX_SUMMARY ? JOB_ROW_LIMITS : ROW_LIMITS
  const more =
    options.more ??
    (max > MAX_SUMMARY
      ? 'every finding is in the SARIF file (output `sarif-file`)'
      : "every finding is listed in the run's job summary")
  for (const limit of limits) {
    const text = render(input, limit, more)
    if (text.length <= max || limit === limits[limits.length - 1]) return text.slice(0, max)
  }
  return ''
}

/** The sticky pull-request comment: the summary plus our marker. */
export function stickyBody(summary: string): string {
  return `${summary}\n\n${SUMMARY_MARKER}`
}
