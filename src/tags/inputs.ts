import type { Env } from './context.js'
import { parseFlavor, type Flavor } from './flavor.js'
import { DEFAULT_STABLE_TAGS, parseGlobList } from './guard.js'
import { imageNames, parseImages } from './image.js'
import { entryText, readList } from './list.js'
import { parseTags, type TagEntry } from './tag.js'

/**
 * Our tags when the `tags` input is empty — safe for a one-step setup: the branch, `pr-<n>`, X.Y.Z /
 * X.Y / X for a release tag, `sha-<7>` on every build, `latest` for the default branch.
 */
export const DEFAULT_TAGS = [
  'type=ref,event=branch',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=sha',
  'type=raw,value=latest,enable={{is_default_branch}}'
].join('\n')

/** The action inputs this feature reads (names as in action.yml). */
export const TAG_INPUT_NAMES = [
  'images',
  'tags',
  'flavor',
  'labels',
  'annotations',
  'sep-tags',
  'sep-labels',
  'sep-annotations',
  'stable-tags',
  'unique-branch-tags',
  'latest-if-highest',
  'existing-versions',
  'bake-target'
] as const
export type TagInputName = (typeof TAG_INPUT_NAMES)[number]

/** Parsed and validated tag configuration. */
export interface TagInputs {
  /** Enabled image names, lower-cased; empty: bare tag names. */
  images: string[]
  /** `tags` entries sorted by priority. */
  tags: TagEntry[]
  flavor: Flavor
  /** Custom `labels` / `annotations` entries (`key=value`, expressions not yet rendered). */
  labels: string[]
  annotations: string[]
  sepTags: string
  sepLabels: string
  sepAnnotations: string
  /** `stable-tags` globs. */
  stableTags: string[]
  uniqueBranchTags: boolean
  latestIfHighest: boolean
  existingVersions: string[]
  /** `DOCKER_METADATA_SHORT_SHA_LENGTH`, default 7. */
  shortShaLength: number
  /** `DOCKER_METADATA_ANNOTATIONS_LEVELS`, default `manifest`. */
  annotationLevels: string[]
  /** The target name in the bake files, default `docker-metadata-action`. */
  bakeTarget: string
  /** Export every output as `DOCKER_METADATA_OUTPUT_*` (`DOCKER_METADATA_SET_OUTPUT_ENV`, default true). */
  outputEnv: boolean
}

/** Reads one input's text as given (separators are not trimmed); `undefined` or `''` when absent. */
export type InputReader = (name: TagInputName) => string | undefined

/** Read and validate every tag input. Throws an Error naming the input and entry on bad input. */
export function readTagInputs(input: InputReader, env: Env): TagInputs {
  const text = (name: TagInputName) => (input(name) ?? '').trim()
  const tagsText = text('tags')
  const stable = text('stable-tags')
  return {
    images: imageNames(parseImages(text('images'))),
    tags: parseTags(tagsText === '' ? DEFAULT_TAGS : tagsText),
    flavor: parseFlavor(text('flavor')),
    labels: readList(text('labels'), 'labels').map(entryText),
    annotations: readList(text('annotations'), 'annotations').map(entryText),
    sepTags: separator(input('sep-tags')),
    sepLabels: separator(input('sep-labels')),
    sepAnnotations: separator(input('sep-annotations')),
    stableTags: stable === '' ? DEFAULT_STABLE_TAGS : parseGlobList(stable),
    uniqueBranchTags: bool(text('unique-branch-tags'), 'unique-branch-tags'),
    latestIfHighest: bool(text('latest-if-highest'), 'latest-if-highest'),
    existingVersions: text('existing-versions')
      .split(/[\s,]+/)
      .filter((v) => v !== ''),
    shortShaLength: shortShaLength(env.DOCKER_METADATA_SHORT_SHA_LENGTH),
    annotationLevels: (env.DOCKER_METADATA_ANNOTATIONS_LEVELS || 'manifest')
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== ''),
    bakeTarget: text('bake-target') || 'docker-metadata-action',
    outputEnv: env.DOCKER_METADATA_SET_OUTPUT_ENV
      ? bool(env.DOCKER_METADATA_SET_OUTPUT_ENV.trim(), 'DOCKER_METADATA_SET_OUTPUT_ENV', true)
      : true
  }
}

function separator(value: string | undefined): string {
  return value === undefined || value === '' ? '\n' : value
}

function bool(value: string, name: string, numeric = false): boolean {
  if (value === '') return false
  if (/^true$/i.test(value) || (numeric && value === '1')) return true
  if (/^false$/i.test(value) || (numeric && value === '0')) return false
  throw new Error(`${name}: expected true or false, got "${value}"`)
}

function shortShaLength(value: string | undefined): number {
  if (value === undefined || value === '') return 7
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 40) {
    throw new Error(
      `DOCKER_METADATA_SHORT_SHA_LENGTH must be a number from 1 to 40, got "${value}"`
    )
  }
  return Number(value)
}
