import type { TagContext } from './context.js'
import { renderDates, renderExpressions } from './expressions.js'
import type { TagEntry } from './tag.js'
import { parseRelease, renderRelease, type Release, type Scheme } from './version.js'

/** What one enabled `tags` entry yields for a run, before prefix/suffix and sanitizing. */
export interface Produced {
  entry: TagEntry
  value: string
  /** metadata-action's `latest=auto` rule for this entry (decided by the first entry that yields). */
  autoLatest: boolean
  /** The version a semver/pep440 entry read. */
  release?: Release
  /** Does the value follow the branch name (`type=ref,event=branch`)? */
  fromBranch: boolean
}

export interface EvalOptions {
  shortShaLength: number
  warn(message: string): void
}

/** Does the entry's `enable` expression render to `true`? Anything but `true`/`false` is an error. */
export function isEnabled(entry: TagEntry, ctx: TagContext, opts: EvalOptions): boolean {
  const what = `tags entry "${entry.source}"`
  const enable = renderExpressions(entry.attrs.enable, ctx, opts.shortShaLength, what).trim()
  if (enable !== 'true' && enable !== 'false') {
    throw new Error(
      `${what}: enable must be true or false, "${entry.attrs.enable}" gave "${enable}"`
    )
  }
  return enable === 'true'
}

/** Evaluate one entry against the context (metadata-action's per-type rules); undefined: nothing. */
export function evaluateEntry(
  entry: TagEntry,
  ctx: TagContext,
  opts: EvalOptions
): Produced | undefined {
  const what = `tags entry "${entry.source}"`
  const a = entry.attrs
  const produced = (value: string, autoLatest: boolean, extra: Partial<Produced> = {}) =>
    value === '' ? undefined : { entry, value, autoLatest, fromBranch: false, ...extra }
  const tagName = ctx.ref.startsWith('refs/tags/') ? ctx.ref.slice('refs/tags/'.length) : ''
  const branch = ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : ''

  switch (entry.type) {
    case 'schedule':
      return /schedule/.test(ctx.eventName)
        ? produced(renderDates(a.pattern, ctx, what), false)
        : undefined
    case 'semver':
    case 'pep440': {
      if (tagName === '' && a.value === '') return undefined
      const raw =
        a.value !== '' ? renderExpressions(a.value, ctx, opts.shortShaLength, what) : tagName
      const release = readRelease(entry.type, raw, a.match, opts)
      if (!release) return undefined
      return produced(renderRelease(release, a.pattern, what), release.final, { release })
    }
    case 'match': {
      if (tagName === '' && a.value === '') return undefined
      const raw =
        a.value !== '' ? renderExpressions(a.value, ctx, opts.shortShaLength, what) : tagName
      const found = raw.match(toRegExp(a.pattern, what))
      const value = found?.[Number(a.group)]
      if (value === undefined) {
        opts.warn(`${a.pattern} does not match ${raw} (group ${a.group}); ${what} gives no tag`)
        return undefined
      }
      return produced(value, true)
    }
    case 'edge':
      return branch !== '' && branch === (a.branch || ctx.defaultBranch)
        ? produced('edge', false)
        : undefined
    case 'ref':
      if (a.event === 'branch') return produced(branch, false, { fromBranch: true })
      if (a.event === 'tag') return produced(tagName, true)
      if (!ctx.ref.startsWith('refs/pull/')) return undefined
      return produced(ctx.ref.slice('refs/pull/'.length).replace(/\/(merge|head)$/, ''), false)
    case 'raw':
      return produced(renderExpressions(a.value, ctx, opts.shortShaLength, what), false)
    case 'sha':
      return produced(a.format === 'long' ? ctx.sha : ctx.sha.slice(0, opts.shortShaLength), false)
  }
}

function readRelease(
  scheme: Scheme,
  text: string,
  match: string,
  opts: EvalOptions
): Release | undefined {
  let raw = text
  if (match !== '') {
    const found = raw.match(toRegExp(match, `match attribute "${match}"`))
    if (found?.[1] !== undefined) raw = found[1]
    else opts.warn(`${match} does not match ${raw}`)
  }
  raw = raw.replace(/\//g, '-')
  const release = parseRelease(scheme, raw)
  if (!release) {
    opts.warn(
      scheme === 'semver'
        ? `${raw} is not a valid semver. More info: https://semver.org/`
        : `${raw} does not conform to PEP 440. More info: https://peps.python.org/pep-0440/`
    )
  }
  return release
}

/** A match pattern: `/re/flags` or a plain regular expression. */
function toRegExp(pattern: string, what: string): RegExp {
  const literal = /^\/(.+)\/([a-z]*)$/.exec(pattern)
  try {
    return literal ? new RegExp(literal[1], literal[2]) : new RegExp(pattern)
  } catch (e) {
    throw new Error(`${what}: invalid pattern: ${(e as Error).message}`, { cause: e })
  }
}
