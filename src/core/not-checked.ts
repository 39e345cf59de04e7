import type { FileKind, Range } from './types.js'

/**
 * Fail closed: a file that was not fully checked is a finding, not a note. Unreadable (a link, a
 * file outside the workspace, binary, too large), a parse or rule that crashed, the last-resort
 * time guard: each becomes an error-level finding of the file's kind's "not fully checked" rule,
 * at the file's first line, counted whatever the diff (the whole file is what was not checked).
 * Like any rule it can be re-levelled or turned off in the configuration; in-file ignore comments
 * do not apply to it (the file's own comments are what could not be trusted).
 */
export const NOT_CHECKED: Readonly<Record<FileKind, string>> = {
  dockerfile: 'DR0001',
  compose: 'DC0004'
}

const IDS = new Set(Object.values(NOT_CHECKED))

/** Is `rule` a "not fully checked" rule (in scope wherever the file is, never hidden by a pragma)? */
export function isNotChecked(rule: string): boolean {
  return IDS.has(rule)
}

/** Where a whole-file finding sits: the start of the first line. */
export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }
