import type { TagResult } from './compute.js'
import type { TagInputName } from './inputs.js'
import { bakeFiles, outputEnvName } from './outputs.js'
import { loadPayload, runTags } from './run.js'

export type { TagResult } from './compute.js'

/** What the action step needs from the runner; `src/main.ts` builds it from `process.env` and `@actions/core`. */
export interface TagStepIO {
  env: Record<string, string | undefined>
  /** `@actions/core` getInput semantics: `''` when absent, trimmed. */
  getInput(name: string): string
  readFile(path: string): string
  setOutput(name: string, value: string): void
  /** `@actions/core` exportVariable: the variable for this job's later steps (GITHUB_ENV). */
  exportVariable(name: string, value: string): void
  /** Write a bake file into this run's temporary folder (under RUNNER_TEMP); returns its path. */
  writeBakeFile(fileName: string, content: string): string
  warning(message: string): void
  info(message: string): void
  now(): Date
}

/**
 * Compute the image tags for this run, write the bake files, and set the outputs `version`, `tags`,
 * `tag-names`, `labels`, `annotations`, `json`, `bake-file-tags`, `bake-file-labels`,
 * `bake-file-annotations` and `bake-file` — each also exported as `DOCKER_METADATA_OUTPUT_<NAME>`
 * unless `DOCKER_METADATA_SET_OUTPUT_ENV=false`, as metadata-action does. Throws an Error naming
 * the input and entry when the configuration is invalid.
 */
export function runTagsStep(io: TagStepIO): TagResult {
  const run = runTags({
    env: io.env,
    payload: loadPayload(io.env.GITHUB_EVENT_PATH ?? '', (path) => io.readFile(path)),
    input: (name) => readInput(io, name),
    now: io.now()
  })
  const { context: ctx, result } = run
  io.info(
    `tags: event ${ctx.eventName || '(none)'}, ref ${ctx.ref || '(none)'}, sha ${ctx.sha || '(none)'}` +
      (ctx.pullRequest ? ' — pull-request run: stable tags are held back' : '')
  )
  for (const warning of result.warnings) io.warning(warning)
  const outputs = { ...run.outputs }
  for (const bake of bakeFiles(result, run.inputs)) {
    outputs[bake.output] = io.writeBakeFile(bake.file, bake.content)
  }
  for (const [name, value] of Object.entries(outputs)) {
    io.setOutput(name, value)
    if (run.inputs.outputEnv) io.exportVariable(outputEnvName(name), value)
  }
  io.info(result.tags.length > 0 ? `tags:\n${result.tags.join('\n')}` : 'tags: none')
  return result
}

/** Separators are read untrimmed (a single space is a valid separator), like metadata-action. */
function readInput(io: TagStepIO, name: TagInputName): string {
  if (name.startsWith('sep-')) {
    const raw = io.env[`INPUT_${name.toUpperCase()}`]
    if (raw !== undefined && raw !== '') return raw
  }
  return io.getInput(name)
}
