import type { ShellcheckFn, ShellcheckRequest } from '../../../core/tools.js'
import { parseDockerfile } from '../../../dockerfile/model.js'
import { checkedScripts } from './shellcheck-script.js'

/** A file as the edges hand it to the engine (src/lint/engine.ts LintInput). */
interface Input {
  path: string
  text: string
  kind: string
  notChecked?: string
}

/**
 * Every distinct script the SHELLCHECK rule will give ShellCheck for these files (RUN bodies over
 * SHELLCHECK_LIMITS left out, exactly as the rule does: it is the rule's own collection, run with
 * a recorder instead of ShellCheck). The edges hand them to the runner's prefetch before linting,
 * so the run's scripts are checked all at once over every core instead of one process per file.
 * A file that does not parse contributes nothing; the engine reports it when it lints it.
 * `afterFile` is called after each file, as the engine's (the edges pace garbage collection with it).
 */
export function shellcheckRequests(
  inputs: readonly Input[],
  afterFile?: () => void
): ShellcheckRequest[] {
  const scripts = new Set<string>()
  const record: ShellcheckFn = (requests) => {
    for (const r of requests) scripts.add(r.script)
    return []
  }
  for (const input of inputs) {
    if (input.kind !== 'dockerfile' || input.notChecked !== undefined) continue
    try {
      checkedScripts(parseDockerfile(input.path, input.text), record)
    } catch {
      // Left to the engine, which turns it into the file's "not fully checked" finding.
    }
    afterFile?.()
  }
  return [...scripts].map((script) => ({ script }))
}
