import type { FileKind } from '../src/core/types.js'

/**
 * docker-review's engine as the benchmarks drive it: the default configuration, every rule of the
 * registry, one file at a time (what the CLI and the action do per file), with the CLI's and the
 * action's garbage-collection pacing after each file (src/io/heap.ts; its full collections are in
 * the times), no time budget, no workspace (no other file is read: build-context rules see an
 * empty context).
 */

export type LintOne = (path: string, text: string, kind: FileKind) => number

export interface EngineOptions {
  /** ShellCheck (`{ shellcheck }`), or none. */
  tools?: object
}

export async function loadEngine(options: EngineOptions = {}): Promise<LintOne> {
  const { lintText } = await import('../src/lint/engine.js')
  const { resolveConfig } = await import('../src/config/config.js')
  const { registry } = await import('../src/rules/index.js')
  const { heapPacer } = await import('../src/io/heap.js')
  const config = resolveConfig([])
  const tools = options.tools ?? {}
  const pace = heapPacer()
  return (path, text, kind) => {
    const found = lintText({ path, text, kind }, { registry, config, tools }).findings.length
    pace()
    return found
  }
}

/**
 * Empties the shell-script cache (RUN bodies by text), so a measured pass does not reuse the
 * warm-up's parses. The compose parse memo is keyed by path and holds the last 256 files: a pass
 * over the corpus never hits it.
 */
export async function cacheReset(): Promise<() => void> {
  const { resetShellCache } = await import('../src/parse/shell.js')
  return resetShellCache
}

/** Share of RUN-script reads answered from the cache since the last reset. */
export async function shellCacheHitRate(): Promise<number> {
  const { shellStats } = await import('../src/parse/shell.js')
  const s = shellStats()
  return s.calls === 0 ? 0 : Math.round((s.hits / s.calls) * 1000) / 1000
}
