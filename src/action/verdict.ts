import { reaches } from '../core/severity.js'
import type { Threshold } from '../core/types.js'
import type { FilterMode } from '../diff/filter.js'
import { compareFindings, type ScopedFinding } from '../review/draft.js'

/**
 * The required check's decision, and nothing else: from the findings in scope, the threshold and
 * what could not be checked, whether the check fails and the one line that says why. Pure.
 */

export interface Verdict {
  failed: boolean
  /** One line. */
  reason: string
  blocking: number
}

function scopeText(mode: FilterMode): string {
  return mode === 'nofilter'
    ? 'in the linted files'
    : mode === 'file'
      ? 'in the changed files'
      : 'on the changed lines'
}

/**
 * The required check's decision. `unchecked` names what the run could not check that no finding
 * can point at (files GitHub did not list): it fails the check like a blocking finding.
 */
export function verdict(
  findings: readonly ScopedFinding[],
  failOn: Threshold,
  mode: FilterMode,
  unchecked: readonly string[] = []
): Verdict {
  const blocking = findings
    .filter((f) => f.inScope && reaches(f.finding.severity, failOn))
    .sort((a, b) => compareFindings(a.finding, b.finding))
  if (failOn === 'none') {
    return { failed: false, reason: '`fail-on: none`: findings never fail the check.', blocking: 0 }
  }
  if (unchecked.length > 0) {
    return {
      failed: true,
      reason: `Not everything was checked: ${unchecked.join('; ')}.`,
      blocking: blocking.length
    }
  }
  if (blocking.length === 0) {
    return {
      failed: false,
      reason: `No findings at or above \`${failOn}\` ${scopeText(mode)}.`,
      blocking: 0
    }
  }
  const first = blocking[0].finding
  return {
    failed: true,
    reason: `${blocking.length} finding${blocking.length === 1 ? '' : 's'} at or above \`${failOn}\` ${scopeText(mode)} (first: ${first.rule} at ${first.file}:${first.range.start.line}).`,
    blocking: blocking.length
  }
}
