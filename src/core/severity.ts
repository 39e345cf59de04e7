import { SEVERITIES, type Severity, type Threshold } from './types.js'

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, style: 3 }

/** Negative when `a` is more severe than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[a] - RANK[b]
}

/** Does a finding of `severity` reach `threshold`? `none` is never reached. */
export function reaches(severity: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && RANK[severity] <= RANK[threshold]
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)
}

export function isThreshold(value: unknown): value is Threshold {
  return value === 'none' || isSeverity(value)
}
