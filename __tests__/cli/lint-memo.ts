import { isDeepStrictEqual } from 'node:util'
import type * as Engine from '../../src/lint/engine.js'
import type { FileResult, LintInput, LintOptions } from '../../src/lint/engine.js'
import type { Workspace } from '../../src/core/types.js'

/**
 * `lintFiles` that, inside `oneLintPerText`, answers a file it already linted in that scope from
 * memory. One `docker-review lint --fix` lints each text up to three times — the first pass, the
 * first round of fixing (the same text), and the report after fixing (the text the last round
 * found nothing to fix in) — and the engine is a pure function of its inputs, so the corpus
 * round-trip test scopes this to one CLI run: every distinct text is still linted for real once
 * per run, the second `--fix` run included.
 *
 * A remembered result is reused only when every input it came from is the same: the file (path,
 * kind, text), the registry, configuration, tools, rule selection and effect check, and every
 * workspace read it made (each `readFile` / `listDir` is replayed and must answer the same).
 */

interface Read {
  dir: boolean
  path: string
  value: string | string[] | undefined
}

interface Entry {
  options: LintOptions
  reads: Read[]
  result: FileResult
}

let memo: Map<string, Entry[]> | undefined
export const memoStats = { linted: 0, remembered: 0 }

/** Run `body` with one memory of lint results, dropped when it returns. */
export function oneLintPerText<T>(body: () => T): T {
  memo = new Map()
  try {
    return body()
  } finally {
    memo = undefined
  }
}

/** The engine module with `lintFiles` going through the memory (for `vi.mock`). */
export function withLintMemo(engine: typeof Engine): typeof Engine {
  const lintFiles = (inputs: LintInput[], options: LintOptions): FileResult[] => {
    if (!memo) return engine.lintFiles(inputs, options)
    return inputs.map((input) => lintOne(engine, input, options, memo!))
  }
  return { ...engine, lintFiles }
}

function lintOne(
  engine: typeof Engine,
  input: LintInput,
  options: LintOptions,
  memory: Map<string, Entry[]>
): FileResult {
  const key = JSON.stringify([input.path, input.kind, input.notChecked ?? null, input.text])
  const entries = memory.get(key) ?? []
  const hit = entries.find((e) => sameInputs(e, options))
  if (hit) {
    memoStats.remembered++
    options.afterFile?.()
    return structuredClone(hit.result)
  }
  memoStats.linted++
  const reads: Read[] = []
  const workspace = options.workspace && recording(options.workspace, reads)
  const [result] = engine.lintFiles([input], { ...options, workspace })
  entries.push({ options, reads, result: structuredClone(result) })
  memory.set(key, entries)
  return result
}

function sameInputs(entry: Entry, options: LintOptions): boolean {
  const was = entry.options
  if (was.registry !== options.registry) return false
  if (!isDeepStrictEqual(was.config, options.config)) return false
  if (!isDeepStrictEqual(was.tools, options.tools)) return false
  if (!isDeepStrictEqual(was.only, options.only)) return false
  if (was.checkFixEffects !== options.checkFixEffects) return false
  if ((was.workspace === undefined) !== (options.workspace === undefined)) return false
  const now = options.workspace
  return entry.reads.every((r) =>
    isDeepStrictEqual(r.value, r.dir ? now!.listDir(r.path) : now!.readFile(r.path))
  )
}

function recording(workspace: Workspace, reads: Read[]): Workspace {
  return {
    readFile: (path) => {
      const value = workspace.readFile(path)
      reads.push({ dir: false, path, value })
      return value
    },
    listDir: (path) => {
      const value = workspace.listDir(path)
      reads.push({ dir: true, path, value: value && [...value] })
      return value
    }
  }
}
