import type { TagResult } from './compute.js'
import type { TagInputs } from './inputs.js'

/** The step outputs (metadata-action's names and shapes), lists joined with the configured separators. */
export function formatOutputs(result: TagResult, inputs: TagInputs): Record<string, string> {
  return {
    version: result.version,
    tags: result.tags.join(inputs.sepTags),
    'tag-names': result.tagNames.join(inputs.sepTags),
    labels: result.labels.join(inputs.sepLabels),
    annotations: result.annotations.join(inputs.sepAnnotations),
    json: JSON.stringify(result.json)
  }
}
