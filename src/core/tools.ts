/**
 * External programs a rule may use, injected by the edge (CLI / action) so rules stay pure and
 * tests can substitute them. Absent tool = the rule that needs it stays silent (and the edge says
 * once that the check was skipped).
 */

export interface ShellcheckRequest {
  /** The complete script to check (shebang and preamble included). */
  script: string
}

export interface ShellcheckComment {
  /** ShellCheck code without the `SC` prefix. */
  code: number
  level: 'error' | 'warning' | 'info' | 'style'
  message: string
  /** 1-based positions within `script`; columns count characters. */
  line: number
  column: number
  endLine: number
  endColumn: number
  /** ShellCheck's own suggested edit, when it has one (positions as above, end exclusive). */
  fix?: ShellcheckFix
}

export interface ShellcheckFix {
  replacements: ShellcheckReplacement[]
}

export interface ShellcheckReplacement {
  line: number
  column: number
  endLine: number
  endColumn: number
  replacement: string
}

/**
 * A script ShellCheck did not check to the end (it ran out of its memory or CPU limit, crashed,
 * or the run was cut short): why, in words that quote nothing from the script.
 */
export interface ShellcheckUnchecked {
  notChecked: string
}

/** ShellCheck's comments on one script, or why there are none to trust. */
export type ShellcheckResult = ShellcheckComment[] | ShellcheckUnchecked

/** Check many scripts in one go; result[i] belongs to requests[i]. */
export interface ShellcheckFn {
  (requests: ShellcheckRequest[]): ShellcheckResult[]
  /**
   * Check these scripts ahead of the calls that ask for them (every script of a run at once, over
   * every core), so those calls are answered from memory. Optional: a runner without it is asked
   * file by file.
   */
  prefetch?(requests: ShellcheckRequest[]): void
  /** The same without blocking (the action awaits it). */
  prefetchAsync?(requests: ShellcheckRequest[]): Promise<void>
  /**
   * The same as a stream: scripts are added as they are found and checked while more come;
   * `onChecked` hears which scripts are answered from memory from then on.
   */
  session?(onChecked?: (scripts: string[]) => void): ShellcheckSession
}

/** Scripts checked while more are being found (ShellcheckFn.session). */
export interface ShellcheckSession {
  /** Check these scripts too; those already known or added are not checked again. */
  add(requests: ShellcheckRequest[]): void
  /** No more scripts: resolves once every added script is answered; rejects if the tool cannot run. */
  close(): Promise<void>
}

export interface Tools {
  /** Check many scripts in one go; result[i] belongs to requests[i]. */
  shellcheck?: ShellcheckFn
}
