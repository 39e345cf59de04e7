import type { TagResult } from './compute.js'
import type { TagInputs } from './inputs.js'
import { labelObject } from './labels.js'

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

/** A bake file definition: the output that names its path, its file name and its JSON text. */
export interface BakeFile {
  output: 'bake-file-tags' | 'bake-file-labels' | 'bake-file-annotations' | 'bake-file'
  file: string
  content: string
}

/**
 * The four bake files metadata-action writes, with its file names and content: one target named
 * `bake-target` holding the tags (and the `DOCKER_META_IMAGES` / `DOCKER_META_VERSION` args), the
 * labels, the annotations (one copy per level), and tags + labels + args together (`bake-file`).
 * `DOCKER_META_VERSION` is left out when there is no version, as metadata-action's JSON drops it.
 */
export function bakeFiles(result: TagResult, inputs: TagInputs): BakeFile[] {
  const args = {
    DOCKER_META_IMAGES: result.images.join(','),
    DOCKER_META_VERSION: result.version === '' ? undefined : result.version
  }
  const labels = labelObject(result.labels)
  const file = (output: BakeFile['output'], name: string, target: object): BakeFile => ({
    output,
    file: `docker-metadata-action-bake${name}.json`,
    content: JSON.stringify({ target: { [inputs.bakeTarget]: target } }, null, 2)
  })
  return [
    file('bake-file-tags', '-tags', { tags: result.tags, args }),
    file('bake-file-labels', '-labels', { labels }),
    file('bake-file-annotations', '-annotations', { annotations: result.annotations }),
    file('bake-file', '', { tags: result.tags, labels, args })
  ]
}

/** The environment variable metadata-action exports an output as: `DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS`. */
export function outputEnvName(output: string): string {
  return `DOCKER_METADATA_OUTPUT_${output.replace(/\W/g, '_').toUpperCase()}`
}
