import type { Finding, Severity } from '../core/types.js'
import { compareFindings, type ScopedFinding } from './draft.js'

/**
 * Which findings become workflow-command annotations, most severe first. GitHub shows at most 10
 * `error`, 10 `warning` and 10 `notice` annotations per step (the rest are dropped silently), and a
 * failing step spends one error slot on its own message. Pure.
 */

export const ANNOTATIONS_PER_LEVEL = 10

type Level = 'error' | 'warning' | 'notice'
const LEVEL: Record<Severity, Level> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  style: 'notice'
}

export interface AnnotationChoice {
  findings: Finding[]
  /** In-scope findings that did not fit (they stay in the summary). */
  dropped: number
}

/**
 * `reviewed`: the review carried the inline comments, so only in-scope findings that are not
 * inline are annotated; otherwise (fork, push, report mode) every in-scope finding competes.
 */
export function chooseAnnotations(
  findings: readonly ScopedFinding[],
  options: { reviewed: boolean; failing: boolean }
): AnnotationChoice {
  const room: Record<Level, number> = {
    error: ANNOTATIONS_PER_LEVEL - (options.failing ? 1 : 0),
    warning: ANNOTATIONS_PER_LEVEL,
    notice: ANNOTATIONS_PER_LEVEL
  }
  const wanted = findings
    .filter((s) => s.inScope && (!options.reviewed || s.notInline !== undefined))
    .map((s) => s.finding)
    .sort(compareFindings)
  const chosen: Finding[] = []
  for (const finding of wanted) {
    const level = LEVEL[finding.severity]
    if (room[level] <= 0) continue
    room[level]--
    chosen.push(finding)
  }
  return { findings: chosen, dropped: wanted.length - chosen.length }
}
