import picomatch from 'picomatch'
import {
  configFromTexts,
  HADOLINT_CONFIG_FILES,
  type ConfigLayer,
  type ConfigTexts,
  type ResolvedConfig
} from '../config/config.js'
import {
  DEFAULT_FILE_BUDGET_MS,
  lintFiles,
  lintText,
  type Budget,
  type LintInput,
  type Registry
} from '../lint/engine.js'
import type { ChangedFile, Fetched, Fetcher } from '../core/ports.js'
import type { Tools } from '../core/tools.js'
import { shellcheckRequests } from '../rules/dockerfile/lib/shellcheck-prefetch.js'
import type { FileKind } from '../core/types.js'
import { parsePatch, type FileDiff } from '../diff/patch.js'
import type { ReviewFile } from '../review/draft.js'
import { registry } from '../rules/index.js'
import { compareText } from '../core/text.js'
import {
  companions,
  composeReferences,
  inlineDockerfiles,
  placeInline,
  type InlineDockerfile,
  configPaths,
  dirOf,
  fetchedWorkspace,
  mergeFetched
} from './sources.js'

/**
 * From the change set to lint results: pick the files to lint (by name, plus Dockerfiles a changed
 * compose file builds), read them and everything the cross-file rules need in as few reads as
 * possible (two at most), apply the repository's configuration and lint. I/O only through the
 * injected fetcher.
 */

export interface LintRequest {
  changed: readonly ChangedFile[]
  detect(path: string): FileKind | undefined
  /** Explicit configuration file (input `config`). */
  configPath?: string
  /** Config layers from inputs (e.g. `fail-on`), applied over the files. */
  layers: ConfigLayer[]
  fetch: Fetcher
  /**
   * Where the configuration is read when it must not come from the change itself
   * (`pull_request_target`, `config-from: base`: the base commit, through its own fetcher);
   * default: with the files.
   */
  configFetch?: Fetcher
  /**
   * Read the configuration at the base commit in the same read as the files (`basePaths`): the
   * fetcher must answer them (`Fetched.base`), or the run fails rather than use the head's.
   */
  configAtBase?: boolean
  tools(config: ResolvedConfig): Tools
  /** Lint every file with no diff restriction (workflow_dispatch). */
  wholeFiles?: boolean
  /** Time budget per file (default DEFAULT_FILE_BUDGET_MS on the process clock). */
  budget?: Budget
  /** Called after each linted file (garbage-collection pacing, src/io/heap.ts). */
  afterFile?: () => void
}

export interface LintOutcome {
  config: ResolvedConfig
  /** Every linted file: the engine's result with its text and diff. */
  files: ReviewFile[]
  /** Skipped files and other facts for the summary, one line each. */
  notes: string[]
  /** Number of reads (fetch calls). */
  reads: number
  /** The rules linted with (for documentation links and SARIF). */
  registry: Registry
}

export class ConfigFileError extends Error {}

function diffOf(file: ChangedFile, whole: boolean): FileDiff | undefined {
  if (whole) return undefined
  if (file.patch === undefined && file.status === 'renamed') {
    return { hunks: [], right: new Map(), hasPatch: true }
  }
  return parsePatch(file.patch)
}

function readConfig(fetched: Fetched, explicit: string | undefined): ConfigTexts {
  const text = (path: string): { file: string; text: string } | undefined => {
    const state = fetched.files.get(path)
    return state?.kind === 'text' ? { file: path, text: state.text } : undefined
  }
  if (explicit) {
    const file = text(explicit)
    if (!file)
      throw new ConfigFileError(
        `configuration file ${explicit} (input \`config\`) was not found at the reviewed commit`
      )
    return HADOLINT_CONFIG_FILES.some((n) => explicit.endsWith(n)) || /hadolint/i.test(explicit)
      ? { hadolint: file }
      : { own: file }
  }
  const [own] = configPaths(undefined)
    .filter((p) => !HADOLINT_CONFIG_FILES.includes(p))
    .map(text)
    .filter((f) => f !== undefined)
  const [hadolint] = HADOLINT_CONFIG_FILES.map(text).filter((f) => f !== undefined)
  return { own, hadolint }
}

export async function lintChanges(request: LintRequest): Promise<LintOutcome> {
  const notes: string[] = []
  const live = request.changed.filter((f) => f.status !== 'removed')
  const byPath = new Map(live.map((f) => [f.path, f]))
  const targets = new Map<string, FileKind>()
  for (const f of live) {
    const kind = request.detect(f.path)
    if (kind) targets.set(f.path, kind)
  }
  const wanted = (paths: Iterable<string>, have: Fetched | undefined): string[] =>
    [...new Set(paths)].filter((p) => !have?.files.has(p))

  // Read 1: the targets, their companions, the configuration, and the targets' folders.
  const first = {
    paths: wanted(
      [
        ...targets.keys(),
        ...[...targets].flatMap(([p, k]) => companions(p, k)),
        ...(request.configFetch || request.configAtBase ? [] : configPaths(request.configPath))
      ],
      undefined
    ),
    dirs: [...new Set([...targets.keys()].map(dirOf))],
    ...(request.configAtBase && !request.configFetch
      ? { basePaths: configPaths(request.configPath) }
      : {})
  }
  const fetched = await request.fetch(first)
  let reads = 1
  let configSource: Fetched = fetched
  if (request.configFetch) {
    configSource = await request.configFetch({ paths: configPaths(request.configPath), dirs: [] })
  } else if (request.configAtBase) {
    if (!fetched.base) throw new Error('the configuration could not be read at the base commit')
    configSource = { files: fetched.base, dirs: new Map() }
  }

  const config = configFromTexts(
    readConfig(configSource, request.configPath),
    registry,
    request.layers
  )
  const ignored =
    config.ignorePaths.length > 0 ? picomatch(config.ignorePaths, { dot: true }) : () => false
  for (const path of [...targets.keys()]) {
    if (ignored(path)) {
      targets.delete(path)
      notes.push(`${path}: ignored by the configuration's ignore paths`)
    }
  }

  // Read 2 (only when needed): what changed compose files refer to.
  const more = { paths: [] as string[], dirs: [] as string[] }
  /** Dockerfiles the changed compose files build: linted too, once read. */
  const built = new Set<string>()
  const inline = new Map<string, InlineDockerfile[]>()
  for (const [path, kind] of targets) {
    const state = fetched.files.get(path)
    if (kind !== 'compose' || state?.kind !== 'text') continue
    const refs = composeReferences(path, state.text)
    more.paths.push(
      ...refs.files,
      ...refs.contexts.map((c) => (c === '' ? '.dockerignore' : `${c}/.dockerignore`))
    )
    for (const dockerfile of refs.dockerfiles) {
      more.paths.push(dockerfile, `${dockerfile}.dockerignore`)
      if (!targets.has(dockerfile) && !ignored(dockerfile)) built.add(dockerfile)
    }
    more.dirs.push(...refs.contexts)
    const inlined = inlineDockerfiles(state.text)
    if (inlined.length > 0) inline.set(path, inlined)
  }
  const second = {
    paths: wanted(more.paths, fetched),
    dirs: [...new Set(more.dirs)].filter((d) => !fetched.dirs.has(d))
  }
  if (second.paths.length > 0 || second.dirs.length > 0) {
    mergeFetched(fetched, await request.fetch(second))
    reads++
  }
  // A built Dockerfile that is not there is the compose file's finding (DC0005), not a file of its own.
  for (const dockerfile of built) {
    const state = fetched.files.get(dockerfile)
    if (state && state.kind !== 'missing') targets.set(dockerfile, 'dockerfile')
  }

  const inputs: LintInput[] = []
  for (const [path, kind] of [...targets].sort(([a], [b]) => compareText(a, b))) {
    const state = fetched.files.get(path)
    // Fail closed: a target that could not be read is a "not fully checked" finding, not a note.
    if (state?.kind === 'text') inputs.push({ path, kind, text: state.text })
    else if (state?.kind === 'skipped')
      inputs.push({ path, kind, text: '', notChecked: state.reason })
    else {
      inputs.push({ path, kind, text: '', notChecked: 'not found at the reviewed commit' })
    }
  }
  const tools = request.tools(config)
  // Every script of the run checked at once by a pool of processes, before linting asks for them.
  if (tools.shellcheck?.prefetchAsync)
    await tools.shellcheck.prefetchAsync(shellcheckRequests(inputs, request.afterFile))
  const results = lintFiles(inputs, {
    registry,
    config,
    workspace: fetchedWorkspace(fetched),
    tools,
    budget: request.budget ?? { ms: DEFAULT_FILE_BUDGET_MS, now: () => performance.now() },
    ...(request.afterFile ? { afterFile: request.afterFile } : {})
  })
  // `dockerfile_inline`: linted as the Dockerfile it is, its findings placed on the compose lines.
  for (const result of results) {
    for (const block of inline.get(result.path) ?? []) {
      const own = lintText(
        { path: result.path, kind: 'dockerfile', text: block.text },
        { registry, config }
      )
      result.findings.push(...own.findings.map((f) => placeInline(f, block)))
    }
  }
  const files: ReviewFile[] = results.map((result, i) => {
    const changed = byPath.get(result.path)
    const file: ReviewFile = { ...result, text: inputs[i].text }
    const diff = changed ? diffOf(changed, request.wholeFiles === true) : undefined
    if (diff) file.diff = diff
    for (const error of result.errors) notes.push(`${result.path}: ${error}`)
    return file
  })
  return { config, files, notes, reads, registry }
}
