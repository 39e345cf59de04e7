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
}

export interface Tools {
  /** Check many scripts in one go; result[i] belongs to requests[i]. */
  shellcheck?: (requests: ShellcheckRequest[]) => ShellcheckComment[][]
}
