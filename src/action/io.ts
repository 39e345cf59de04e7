import type { Tools } from '../core/tools.js'

/**
 * Everything the reviewer's flows do to the outside world besides GitHub API calls, injected by
 * `src/main.ts` (runner files, outputs, logs, tools) so the flows are testable in-process.
 */
export interface ActionIO {
  env: Record<string, string | undefined>
  /** Where relative output paths go when there is no `GITHUB_WORKSPACE`. */
  cwd: string
  readFile(path: string): string
  writeFile(path: string, text: string): void
  setOutput(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  /** Workflow-command lines (`::error file=…::…`) to print as they are. */
  command(line: string): void
  /** Append markdown to the job summary (`$GITHUB_STEP_SUMMARY`); never throws. */
  summary(markdown: string): Promise<void>
  setFailed(message: string): void
  /** ShellCheck, created on first use; undefined when the binary is missing. */
  shellcheck(): Tools['shellcheck'] | undefined
}
