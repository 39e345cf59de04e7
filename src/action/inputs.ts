import { isThreshold } from '../core/severity.js'
import { PRECISIONS, type Precision, type Threshold } from '../core/types.js'
import { DEFAULT_PATTERNS, type DetectPatterns } from '../detect.js'
import { FILTER_MODES, type FilterMode } from '../diff/filter.js'

/**
 * The reviewer's action inputs (the tags inputs are read by the tags step): read once, validated,
 * every problem reported together with the input's name. Pure: `getInput` is injected
 * (`@actions/core` semantics: `''` when absent, trimmed).
 */

export const MODES = ['review', 'report', 'post', 'tags'] as const
export const CONFIG_FROM = ['base', 'head'] as const
export type ConfigFrom = (typeof CONFIG_FROM)[number]
export type Mode = (typeof MODES)[number]

export interface ActionInputs {
  mode: Mode
  token: string
  filterMode: FilterMode
  /** Undefined: the configuration file's `fail-on`, else `error`. */
  failOn?: Threshold
  /** Undefined: the configuration file's `review.inline`, else `high`. */
  reviewInline?: Precision | 'all'
  maxComments: number
  suggestions: boolean
  patterns: DetectPatterns
  /** Explicit configuration file (repository-relative); undefined: look for the usual names. */
  config?: string
  /**
   * On pull requests, the commit the configuration is read at: `base` (default: a pull request
   * cannot relax the check it is judged by) or `head`.
   */
  configFrom: ConfigFrom
  /** Where to write the SARIF log; '' (input `none`) writes none. */
  sarifFile: string
  /** The results artifact of `mode: report` / `mode: post`. */
  reportFile: string
}

export const INPUT_NAMES = [
  'mode',
  'github-token',
  'filter-mode',
  'fail-on',
  'review-inline',
  'max-comments',
  'suggestions',
  'dockerfile-patterns',
  'compose-patterns',
  'config',
  'config-from',
  'sarif-file',
  'report-file'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

const REVIEW_INLINE = [...PRECISIONS, 'all'] as const

export const DEFAULT_SARIF_FILE = 'docker-review.sarif'
export const DEFAULT_REPORT_FILE = 'docker-review-report.json'
export const DEFAULT_MAX_COMMENTS = 30

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`
    )
    this.name = 'InputError'
  }
}

/** A list input: one entry per line or comma, `#` comments and blank entries ignored. */
export function listInput(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, ''))
    .flatMap((line) => line.split(','))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}

function oneOf<T extends string>(
  name: InputName,
  value: string,
  allowed: readonly T[],
  problems: string[]
): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T
  problems.push(`\`${name}\` must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`)
  return undefined
}

function sarifFile(value: string): string {
  if (value === '') return DEFAULT_SARIF_FILE
  return value.toLowerCase() === 'none' ? '' : value
}

export function readActionInputs(getInput: (name: InputName) => string): ActionInputs {
  const problems: string[] = []
  const get = (name: InputName): string => getInput(name).trim()

  const mode = oneOf('mode', get('mode') || 'review', MODES, problems) ?? 'review'
  const filterMode =
    oneOf('filter-mode', (get('filter-mode') || 'added').toLowerCase(), FILTER_MODES, problems) ??
    'added'

  const failOnText = get('fail-on').toLowerCase()
  let failOn: Threshold | undefined
  if (failOnText !== '') {
    if (isThreshold(failOnText)) failOn = failOnText
    else {
      problems.push(
        `\`fail-on\` must be one of error, warning, info, style, none (got ${JSON.stringify(failOnText)})`
      )
    }
  }

  const inlineText = get('review-inline').toLowerCase()
  const reviewInline =
    inlineText === '' ? undefined : oneOf('review-inline', inlineText, REVIEW_INLINE, problems)

  const maxText = get('max-comments')
  let maxComments = DEFAULT_MAX_COMMENTS
  if (maxText !== '') {
    if (/^\d+$/.test(maxText) && Number(maxText) <= 1000) maxComments = Number(maxText)
    else
      problems.push(
        `\`max-comments\` must be a whole number from 0 to 1000 (got ${JSON.stringify(maxText)})`
      )
  }

  const suggestionsText = get('suggestions').toLowerCase()
  let suggestions = true
  if (suggestionsText === 'false') suggestions = false
  else if (suggestionsText !== '' && suggestionsText !== 'true') {
    problems.push(
      `\`suggestions\` must be true or false (got ${JSON.stringify(get('suggestions'))})`
    )
  }

  const token = get('github-token')
  if (token === '' && (mode === 'review' || mode === 'post')) {
    problems.push(
      '`github-token` is empty; pass `${{ github.token }}` (the default) with `pull-requests: write` permission'
    )
  }

  const configFromText = get('config-from').toLowerCase()
  const configFrom = (CONFIG_FROM as readonly string[]).includes(configFromText)
    ? (configFromText as ConfigFrom)
    : configFromText === ''
      ? 'base'
      : undefined
  if (!configFrom) {
    problems.push(
      `\`config-from\` must be base or head (got ${JSON.stringify(get('config-from'))})`
    )
  }

  const dockerfile = listInput(getInput('dockerfile-patterns'))
  const compose = listInput(getInput('compose-patterns'))
  const config = get('config')
  for (const [name, value] of [
    ['config', config],
    ['sarif-file', get('sarif-file')],
    ['report-file', get('report-file')]
  ] as const) {
    if (value.includes('\0')) problems.push(`\`${name}\` contains a NUL character`)
  }
  if (config !== '' && (config.startsWith('/') || config.split(/[\\/]/).includes('..'))) {
    problems.push(`\`config\` must be a path inside the repository (got ${JSON.stringify(config)})`)
  }
  if (problems.length > 0) throw new InputError(problems)

  const inputs: ActionInputs = {
    mode,
    token,
    filterMode,
    maxComments,
    suggestions,
    patterns: {
      dockerfile: dockerfile.length > 0 ? dockerfile : DEFAULT_PATTERNS.dockerfile,
      compose: compose.length > 0 ? compose : DEFAULT_PATTERNS.compose
    },
    configFrom: configFrom!,
    sarifFile: sarifFile(get('sarif-file')),
    reportFile: get('report-file') || DEFAULT_REPORT_FILE
  }
  if (failOn) inputs.failOn = failOn
  if (reviewInline) inputs.reviewInline = reviewInline
  if (config !== '') inputs.config = config.replace(/^\.\//, '')
  return inputs
}
