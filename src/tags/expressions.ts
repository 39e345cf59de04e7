import Handlebars from 'handlebars'
import moment from 'moment-timezone'
import type { TagContext } from './context.js'

const hbs = Handlebars.create()

/**
 * The global expressions usable in tag `value`/`prefix`/`suffix`/`enable` and in `labels` and
 * `annotations` entries: `{{branch}}`, `{{tag}}`, `{{sha}}`, `{{base_ref}}`, `{{is_default_branch}}`,
 * `{{is_not_default_branch}}`, `{{date 'fmt' tz='Zone'}}`, `{{commit_date 'fmt' tz='Zone'}}`.
 */
export function expressionScope(ctx: TagContext, shortShaLength: number): Record<string, string> {
  return {
    branch: ctx.ref.startsWith('refs/heads/') ? ctx.ref.slice('refs/heads/'.length) : '',
    tag: ctx.ref.startsWith('refs/tags/') ? ctx.ref.slice('refs/tags/'.length) : '',
    sha: ctx.sha.slice(0, shortShaLength),
    base_ref: ctx.baseRef,
    is_default_branch: String(ctx.isDefaultBranch),
    is_not_default_branch: String(!ctx.isDefaultBranch)
  }
}

/** Render a template with the global expressions. `what` names the entry in error messages. */
export function renderExpressions(
  template: string,
  ctx: TagContext,
  shortShaLength: number,
  what: string
): string {
  return render(template, expressionScope(ctx, shortShaLength), dateHelpers(ctx), what)
}

/** Render a `type=schedule` pattern: only `{{date}}` and `{{commit_date}}` are available. */
export function renderDates(template: string, ctx: TagContext, what: string): string {
  return render(template, {}, dateHelpers(ctx), what)
}

/** Render a template against plain values (semver/pep440 fields). */
export function renderFields(template: string, fields: object, what: string): string {
  return render(template, fields, {}, what)
}

type Helper = (...args: unknown[]) => string

function render(
  template: string,
  scope: object,
  helpers: Record<string, Helper>,
  what: string
): string {
  try {
    return hbs.compile(template, { noEscape: true })(scope, { helpers })
  } catch (e) {
    throw new Error(`${what}: cannot render "${template}": ${(e as Error).message}`, { cause: e })
  }
}

function dateHelpers(ctx: TagContext): Record<string, Helper> {
  return {
    date: formatDate(ctx.now),
    commit_date: formatDate(ctx.commitDate ?? ctx.now)
  }
}

/**
 * `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`: moment format, UTC by default. A format given without
 * quotes is read by Handlebars as a (missing) path and gives the ISO 8601 default, as upstream.
 */
function formatDate(when: Date): Helper {
  return (...args: unknown[]) => {
    const options = args[args.length - 1] as { hash?: Record<string, unknown> }
    const format = typeof args[0] === 'string' && args.length > 1 ? args[0] : undefined
    const tz = typeof options.hash?.tz === 'string' ? options.hash.tz : 'UTC'
    if (!moment.tz.zone(tz)) throw new Error(`unknown time zone "${tz}"`)
    return moment.tz(when, tz).format(format)
  }
}
