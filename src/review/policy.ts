import picomatch from 'picomatch'
import { PRECISIONS, SEVERITIES, type Finding, type Precision } from '../core/types.js'
import type { ReviewSettings } from '../config/config.js'
import { precisionEntry } from '../rules/precision.js'

/**
 * The review policy: which findings become inline comments and which go to the summary only.
 * Severity and rule precision together: the `inline` level is the bar for warnings, errors need
 * one level less, info and style one more; findings in files under `paths-summary-only` (test
 * fixtures, docs, examples) never go inline. The verdict does not read it: a summary-only finding
 * fails the check exactly as an inline one. Pure.
 */

export type ReviewPlacement = 'inline' | 'summary'

export interface ReviewPolicy {
  /** The precision a warning needs to go inline; `all` puts every finding inline. */
  inline: Precision | 'all'
  /** Globs (repository-relative) of files whose findings go to the summary only. */
  pathsSummaryOnly: string[]
  /** Per-rule precision overrides (canonical id or SC code → level). */
  precision: Record<string, Precision>
}

/**
 * Test data (parser test inputs such as `testfiles-negative/` included), end-to-end suites,
 * documentation, examples and vendored third-party code: not the code a PR ships.
 */
export const DEFAULT_SUMMARY_ONLY_PATHS = [
  '**/fixtures/**',
  '**/fixture/**',
  '**/__fixtures__/**',
  '**/testdata/**',
  '**/test-data/**',
  '**/testfile*/**',
  '**/test-file*/**',
  '**/e2e/**',
  '**/docs/**',
  '**/examples/**',
  '**/example/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/third-party/**'
]

export const DEFAULT_POLICY: ReviewPolicy = {
  inline: 'high',
  pathsSummaryOnly: DEFAULT_SUMMARY_ONLY_PATHS,
  precision: {}
}

/** The configured policy: `review:` of `.docker-review.yml` over the defaults. */
export function policyOf(settings: ReviewSettings = {}): ReviewPolicy {
  return {
    inline: settings.inline ?? DEFAULT_POLICY.inline,
    pathsSummaryOnly: settings.pathsSummaryOnly ?? DEFAULT_POLICY.pathsSummaryOnly,
    precision: { ...DEFAULT_POLICY.precision, ...settings.precision }
  }
}

/** Errors need one precision level less than warnings; info and style one more. */
const SEVERITY_SHIFT: Record<Finding['severity'], number> = {
  error: -1,
  warning: 0,
  info: 1,
  style: 1
}

/** The precision a finding of this severity needs to go inline. */
function barFor(inline: Precision, severity: Finding['severity']): Precision {
  const index = PRECISIONS.indexOf(inline) + SEVERITY_SHIFT[severity]
  return PRECISIONS[Math.min(Math.max(index, 0), PRECISIONS.length - 1)]
}

export interface Placement {
  review: ReviewPlacement
  /** Why a finding is summary-only. */
  why?: 'precision' | 'path'
}

/** The policy as a function of a finding (compiles the path globs once). */
export function reviewPolicy(policy: ReviewPolicy): (finding: Finding) => Placement {
  const matches =
    policy.pathsSummaryOnly.length > 0
      ? picomatch(policy.pathsSummaryOnly, { dot: true, nocase: true })
      : () => false
  // Once per file, not per finding: a file has many findings and the globs are many.
  const byFile = new Map<string, boolean>()
  const summaryOnly = (file: string): boolean => {
    let hit = byFile.get(file)
    if (hit === undefined) byFile.set(file, (hit = matches(file)))
    return hit
  }
  return (finding) => {
    if (policy.inline === 'all') return { review: 'inline' }
    if (summaryOnly(finding.file)) return { review: 'summary', why: 'path' }
    const configured = policy.precision[finding.rule]
    const ruleLevel = precisionEntry(finding.rule).level
    // A configured level is the user's word for the rule; otherwise a finding may sit lower.
    const level =
      configured ??
      (finding.precision && PRECISIONS.indexOf(finding.precision) < PRECISIONS.indexOf(ruleLevel)
        ? finding.precision
        : ruleLevel)
    const bar = barFor(policy.inline, finding.severity)
    return PRECISIONS.indexOf(level) >= PRECISIONS.indexOf(bar)
      ? { review: 'inline' }
      : { review: 'summary', why: 'precision' }
  }
}

/** The bar per severity, for docs and the CLI's preview legend. */
export function inlineBars(policy: ReviewPolicy): string {
  if (policy.inline === 'all') return 'every finding inline'
  const inline = policy.inline
  return SEVERITIES.map((s) => `${s} ≥ ${barFor(inline, s)}`).join(', ')
}
