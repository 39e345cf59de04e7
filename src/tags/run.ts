import { computeTags, type TagResult } from './compute.js'
import { buildContext, type Env, type TagContext } from './context.js'
import { readTagInputs, type InputReader, type TagInputs } from './inputs.js'
import { formatOutputs } from './outputs.js'

/** Where a run's facts come from. The action step and the CLI each supply their own. */
export interface TagSources {
  /** `GITHUB_*` and `DOCKER_METADATA_*` variables. */
  env: Env
  /** The parsed event payload (`{}` when there is none). */
  payload: unknown
  input: InputReader
  now: Date
}

export interface TagRun {
  context: TagContext
  inputs: TagInputs
  result: TagResult
  outputs: Record<string, string>
}

/** Build the context, read the inputs, compute. Does no I/O of its own. */
export function runTags(sources: TagSources): TagRun {
  const context = buildContext(sources.env, sources.payload, sources.now)
  const inputs = readTagInputs(sources.input, sources.env)
  const result = computeTags(context, inputs)
  return { context, inputs, result, outputs: formatOutputs(result, inputs) }
}

/** Read and parse the event payload file; no path means no payload. */
export function loadPayload(path: string, readFile: (path: string) => string): unknown {
  if (path === '') return {}
  let text: string
  try {
    text = readFile(path)
  } catch (e) {
    throw new Error(`cannot read the event payload ${path}: ${(e as Error).message}`, { cause: e })
  }
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new Error(`the event payload ${path} is not JSON: ${(e as Error).message}`, { cause: e })
  }
}
