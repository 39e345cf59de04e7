import type { TagContext } from './context.js'
import { evaluateEntry, isEnabled, type EvalOptions, type Produced } from './evaluate.js'
import { renderExpressions } from './expressions.js'
import { stableTags, type StableTags } from './guard.js'
import type { TagInputs } from './inputs.js'
import { labelObject, mergeLabels, ociLabels, withLevels } from './labels.js'
import { composeTag, sanitizeChars, shortHash } from './sanitize.js'
import { isHighest, parseAnyRelease, supersededBy } from './version.js'

/** A tag an entry would have produced and the guarantee (or `latest-if-highest`) held back. */
export interface DroppedTag {
  tag: string
  /** The `tags` entry that produced it. */
  entry: string
  reason: string
}

/** The `json` output, shaped like metadata-action's. */
export interface TagJson {
  tags: string[]
  'tag-names': string[]
  labels: Record<string, string>
  annotations: string[]
}

export interface TagResult {
  /** The main tag name (`''` when no tag is produced). */
  version: string
  /** Full `image:tag` references, image by image; bare tag names when no image is given. */
  tags: string[]
  tagNames: string[]
  images: string[]
  /** Is the `latest` tag (with its onlatest prefix/suffix) among the tags? */
  latest: boolean
  /** `key=value`, sorted by key. */
  labels: string[]
  /** `level:key=value`, one copy per annotation level. */
  annotations: string[]
  json: TagJson
  warnings: string[]
  dropped: DroppedTag[]
  /** Did the PR-safety guarantee apply to this run? */
  pullRequest: boolean
}

const RELEASE_TYPES = new Set(['semver', 'pep440', 'match'])

/** Compute tags, labels and annotations for a run. Pure: everything comes in through the arguments. */
export function computeTags(ctx: TagContext, inputs: TagInputs): TagResult {
  const warnings: string[] = []
  const opts: EvalOptions = { shortShaLength: inputs.shortShaLength, warn: (m) => warnings.push(m) }
  const stable = stableTags(inputs.stableTags, ctx.defaultBranch, inputs.flavor)
  const existing = existingVersions(inputs.existingVersions, opts)
  const names: string[] = []
  const dropped: DroppedTag[] = []
  let latest: boolean | undefined
  if (ctx.pullRequest && ctx.prNumber === undefined && ctx.ref === '') {
    opts.warn(
      /^(?:pull_request|workflow_run$|issue_comment$)/.test(ctx.eventName)
        ? `${ctx.eventName}: the payload names no pull request number (a fork PR's workflow_run lists none), so there is no pr-<n> tag`
        : `event "${ctx.eventName}" is not known to run on a branch or tag a maintainer pushed: treated as a pull request (no stable tags, no branch or sha tag)`
    )
  }

  for (const entry of inputs.tags) {
    if (!isEnabled(entry, ctx, opts)) continue
    const produced = evaluateEntry(entry, ctx, opts)
    if (!produced) continue
    latest ??= decideLatest(produced, ctx, inputs, existing, opts)
    const tag = tagOf(produced, ctx, inputs, stable, opts)
    if (tag === undefined) continue
    const reason = holdBack(produced, tag, ctx, inputs, stable, existing)
    if (reason) {
      dropped.push({ tag, entry: entry.source, reason })
      opts.warn(`tag "${tag}" from tags entry "${entry.source}" dropped: ${reason}`)
      continue
    }
    if (!names.includes(tag)) names.push(tag)
  }

  const f = inputs.flavor
  const latestTag = composeTag({
    prefix: f.prefixLatest ? f.prefix : '',
    value: 'latest',
    suffix: f.suffixLatest ? f.suffix : ''
  })?.tag
  if (latest && latestTag && names.length > 0 && !names.includes(latestTag)) names.push(latestTag)

  const version = names[0] ?? ''
  const render = (kind: string) => (entry: string) =>
    renderExpressions(entry, ctx, inputs.shortShaLength, `${kind} entry "${entry}"`)
  const skip = (kind: string) => (entry: string) =>
    opts.warn(`${kind} entry "${entry}" is not key=value; ignored`)
  const base = ociLabels(ctx, version)
  const labels = mergeLabels(base, inputs.labels.map(render('labels')), skip('labels'))
  const annotations = withLevels(
    mergeLabels(base, inputs.annotations.map(render('annotations')), skip('annotations')),
    inputs.annotationLevels
  )
  const tags =
    inputs.images.length > 0 ? inputs.images.flatMap((i) => names.map((n) => `${i}:${n}`)) : names
  return {
    version,
    tags,
    tagNames: names,
    images: inputs.images,
    latest: latestTag !== undefined && names.includes(latestTag),
    labels,
    annotations,
    json: { tags, 'tag-names': names, labels: labelObject(labels), annotations },
    warnings,
    dropped,
    pullRequest: ctx.pullRequest
  }
}

/**
 * `latest` is decided by the first entry that yields a value: the flavor's `latest=true|false`, or
 * under `auto` that entry's type rule — narrowed by `latest-if-highest`, and never on a PR.
 */
function decideLatest(
  p: Produced,
  ctx: TagContext,
  inputs: TagInputs,
  existing: string[],
  opts: EvalOptions
): boolean {
  const mode = inputs.flavor.latest
  let latest = mode === 'true' || (mode === 'auto' && p.autoLatest)
  if (latest && mode === 'auto' && inputs.latestIfHighest) {
    const release = p.release ?? parseAnyRelease(p.value)
    if (!release?.final) {
      opts.warn(`latest-if-highest: "${p.value}" is not a final release version; latest not added`)
      latest = false
    } else if (!isHighest(release, existing)) {
      opts.warn(
        `latest-if-highest: ${release.raw} is lower than an existing version; latest not added`
      )
      latest = false
    }
  }
  if (latest && ctx.pullRequest) {
    opts.warn(`latest not added: ${ctx.eventName || 'pull request'} runs never get stable tags`)
    latest = false
  }
  return latest
}

/** Prefix + value + suffix as a valid Docker tag; branch names get the collision and uniqueness rules. */
function tagOf(
  p: Produced,
  ctx: TagContext,
  inputs: TagInputs,
  stable: StableTags,
  opts: EvalOptions
): string | undefined {
  const what = `tags entry "${p.entry.source}"`
  const part = (name: 'prefix' | 'suffix') =>
    name in p.entry.attrs
      ? renderExpressions(p.entry.attrs[name], ctx, inputs.shortShaLength, what)
      : inputs.flavor[name]
  const prefix = part('prefix')
  const suffix = part('suffix')
  if (!p.fromBranch) {
    const composed = composeTag({ prefix, value: p.value, suffix })
    if (!composed) opts.warn(`${what}: "${p.value}" leaves no valid tag; skipped`)
    return composed?.tag
  }
  let value = p.value
  const clean = sanitizeChars(value).replace(/^[.-]+/, '')
  if (!ctx.pullRequest && value !== ctx.defaultBranch && stable.branchCollides(clean)) {
    opts.warn(`branch "${value}" would take over the tag "${clean}"; tagged "branch-${clean}"`)
    value = `branch-${value}`
  }
  const uniqueBy = inputs.uniqueBranchTags ? ctx.ref : undefined
  const composed =
    composeTag({ prefix, value, suffix, uniqueBy }) ??
    composeTag({ prefix, value: `branch-${shortHash(ctx.ref)}`, suffix })
  return composed?.tag
}

/** Why a produced tag must not be emitted, or undefined when it may. */
function holdBack(
  p: Produced,
  tag: string,
  ctx: TagContext,
  inputs: TagInputs,
  stable: StableTags,
  existing: string[]
): string | undefined {
  const event = ctx.eventName || 'this event'
  if (ctx.pullRequest && RELEASE_TYPES.has(p.entry.type)) {
    return `type=${p.entry.type} makes release tags, and ${event} is a pull-request run`
  }
  if (ctx.pullRequest && stable.isStableTag(tag)) {
    return `"${tag}" is a stable tag (stable-tags), and ${event} is a pull-request run`
  }
  const baseShaTags = [`sha-${ctx.sha.slice(0, inputs.shortShaLength)}`, `sha-${ctx.sha}`]
  if (ctx.shaIsBaseCommit && (p.entry.type === 'sha' || baseShaTags.includes(tag))) {
    return `on ${event} the commit is the base branch's, so this sha tag would overwrite the base build's`
  }
  if (inputs.latestIfHighest && p.release) {
    const newer = supersededBy(p.release, p.entry.attrs.pattern, existing, p.entry.source)
    if (newer) return `latest-if-highest: "${tag}" stays on the higher release ${newer.raw}`
  }
  return undefined
}

function existingVersions(versions: string[], opts: EvalOptions): string[] {
  return versions.filter((v) => {
    const ok = parseAnyRelease(v) !== undefined
    if (!ok) opts.warn(`existing-versions: "${v}" is not a version; ignored`)
    return ok
  })
}
