import { Ajv, type ErrorObject } from 'ajv'
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml'
import type { Precision, RuleMeta, RuleSettings, Severity, Threshold } from '../core/types.js'
import { closest } from '../core/similar.js'
import { lazy } from '../core/lazy.js'
import ownSchema from './docker-review.schema.json' with { type: 'json' }
import hadolintSchema from './hadolint.schema.json' with { type: 'json' }

/**
 * Configuration: `.docker-review.yml` and, for migration, `.hadolint.yaml`. Both are validated
 * against the JSON Schemas beside this file; unknown keys and unknown rule ids are errors that
 * name the file, line and column. Pure: callers pass file texts in.
 */

export type RuleSetting = Severity | 'off' | 'on'

/** `review:`: what the review policy (`src/review/policy.ts`) overrides; unset keys keep its defaults. */
export interface ReviewSettings {
  inline?: Precision | 'all'
  pathsSummaryOnly?: string[]
  /** Canonical id → precision level. */
  precision?: Record<string, Precision>
}

export interface ConfigLayer {
  /** Where it came from, for messages. */
  source: string
  all?: boolean
  failOn?: Threshold
  ignorePaths?: string[]
  rules?: Map<string, RuleSetting>
  settings?: Partial<LintSettings>
  review?: ReviewSettings
}

export interface LintSettings extends RuleSettings {
  disableIgnorePragma: boolean
  shellcheck: boolean
}

export interface ResolvedConfig {
  all: boolean
  failOn: Threshold
  ignorePaths: string[]
  /** Canonical id → setting, for ids the user configured. */
  rules: Map<string, RuleSetting>
  settings: LintSettings
  review: ReviewSettings
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  all: false,
  failOn: 'error',
  ignorePaths: [],
  rules: new Map(),
  review: {},
  settings: {
    trustedRegistries: [],
    labelSchema: {},
    strictLabels: false,
    disableIgnorePragma: false,
    shellcheck: true,
    ruleOptions: {}
  }
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[]
  ) {
    super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** How config files name rules: canonical ids, aliases, or ShellCheck codes. */
export interface RuleCatalog {
  resolve(name: string): string | undefined
  metas: readonly RuleMeta[]
}

export function resolveRuleName(catalog: RuleCatalog, name: string): string | undefined {
  if (/^SC\d{4}$/i.test(name)) return name.toUpperCase()
  return catalog.resolve(name)
}

const ajv = lazy(() => new Ajv({ allErrors: true, strict: false }))
const ownValidator = lazy(() => ajv().compile(ownSchema))
const hadolintValidator = lazy(() => ajv().compile(hadolintSchema))

interface Loaded {
  doc: Document.Parsed
  lineCounter: LineCounter
  data: unknown
}

function load(file: string, text: string): Loaded {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true })
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const p = lineCounter.linePos(e.pos[0])
        return `${p.line}:${p.col}: ${e.message.split('\n')[0]}`
      })
    )
  }
  return { doc, lineCounter, data: doc.toJS() ?? {} }
}

/** `line:col: ` of a key (when `key` is true) or value at `path`, '' when unknown. */
function where(loaded: Loaded, path: (string | number)[], key = false): string {
  let node: unknown = path.length === 0 ? loaded.doc.contents : loaded.doc.getIn(path, true)
  if (key && path.length > 0) {
    const parent =
      path.length === 1 ? loaded.doc.contents : loaded.doc.getIn(path.slice(0, -1), true)
    if (isMap(parent)) {
      const pair = parent.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(path[path.length - 1])
      )
      if (pair) node = pair.key
    }
  }
  const range = isNode(node) ? node.range : undefined
  if (!range) return ''
  const p = loaded.lineCounter.linePos(range[0])
  return `${p.line}:${p.col}: `
}

function pathOf(instancePath: string): string[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function schemaProblems(
  loaded: Loaded,
  errors: ErrorObject[],
  knownKeys: (path: string[]) => string[]
): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue
    const path = pathOf(e.instancePath)
    let msg: string
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty: string }).additionalProperty)
      const hint = closest(key, knownKeys(path))
      msg = `${where(loaded, [...path, key], true)}unknown key '${[...path, key].join('.')}'${hint ? ` (did you mean '${hint}'?)` : ''}`
    } else if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues
      msg = `${where(loaded, path)}'${path.join('.')}' must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`
    } else {
      msg = `${where(loaded, path)}'${path.join('.') || '(root)'}' ${e.message ?? 'is invalid'}`
    }
    if (!seen.has(msg)) {
      seen.add(msg)
      out.push(msg)
    }
  }
  return out
}

/** Order problems by their `line:col:` prefix. */
function byPosition(a: string, b: string): number {
  const pa = /^(\d+):(\d+):/.exec(a)
  const pb = /^(\d+):(\d+):/.exec(b)
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0
  return Number(pa[1]) - Number(pb[1]) || Number(pa[2]) - Number(pb[2])
}

function schemaKeys(schema: unknown, path: string[]): string[] {
  let node = schema as { properties?: Record<string, unknown> }
  for (const key of path) {
    const next = node.properties?.[key]
    if (!next) return []
    node = next as typeof node
  }
  return Object.keys(node.properties ?? {})
}

type RuleEntry = RuleSetting | boolean | [RuleSetting | boolean, Record<string, unknown>]

const optionValidators = new Map<string, ReturnType<Ajv['compile']>>()

/** Validate a rule's options against its `meta.options` schema; a message, or undefined when fine. */
function checkOptions(meta: RuleMeta | undefined, options: unknown): string | undefined {
  if (!meta?.options) return 'this rule takes no options'
  let validate = optionValidators.get(meta.id)
  if (!validate) {
    validate = ajv().compile(meta.options)
    optionValidators.set(meta.id, validate)
  }
  if (validate(options)) return undefined
  return (validate.errors ?? [])
    .map((e) => {
      const at = e.instancePath ? `'${e.instancePath.slice(1).replace(/\//g, '.')}' ` : ''
      if (e.keyword === 'additionalProperties') {
        const key = String((e.params as { additionalProperty: string }).additionalProperty)
        const hint = closest(key, Object.keys((meta.options?.properties as object) ?? {}))
        return `unknown option '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`
      }
      return `${at}${e.message ?? 'is invalid'}`
    })
    .join('; ')
}

function checkRuleNames(
  loaded: Loaded,
  catalog: RuleCatalog,
  entries: Array<{ name: string; path: (string | number)[] }>
): string[] {
  const problems: string[] = []
  const known = catalog.metas.flatMap((m) => [m.id, ...m.aliases])
  for (const { name, path } of entries) {
    if (resolveRuleName(catalog, name) === undefined) {
      const hint = closest(name, known)
      problems.push(
        `${where(loaded, path, typeof path[path.length - 1] === 'string')}unknown rule '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}`
      )
    }
  }
  return problems
}

/** Parse `.docker-review.yml`. */
export function parseOwnConfig(file: string, text: string, catalog: RuleCatalog): ConfigLayer {
  const loaded = load(file, text)
  const data = loaded.data as Record<string, unknown>
  const validateOwn = ownValidator()
  const problems = validateOwn(data)
    ? []
    : schemaProblems(loaded, validateOwn.errors ?? [], (p) => schemaKeys(ownSchema, p))
  const rulesIn = (
    data && typeof data.rules === 'object' && !Array.isArray(data.rules) ? data.rules : {}
  ) as Record<string, RuleEntry>
  const reviewIn = (
    data && typeof data.review === 'object' && !Array.isArray(data.review) ? data.review : {}
  ) as Record<string, unknown>
  const precisionIn = (
    reviewIn.precision && typeof reviewIn.precision === 'object' ? reviewIn.precision : {}
  ) as Record<string, Precision>
  problems.push(
    ...checkRuleNames(loaded, catalog, [
      ...Object.keys(rulesIn).map((name) => ({ name, path: ['rules', name] })),
      ...Object.keys(precisionIn).map((name) => ({ name, path: ['review', 'precision', name] }))
    ])
  )
  const rules = new Map<string, RuleSetting>()
  const ruleOptions: Record<string, Record<string, unknown>> = {}
  for (const [name, entry] of Object.entries(rulesIn)) {
    const id = resolveRuleName(catalog, name)
    if (!id) continue
    const [value, options] = Array.isArray(entry) ? entry : [entry, undefined]
    rules.set(id, value === true ? 'on' : value === false ? 'off' : (value as RuleSetting))
    if (options !== undefined) {
      const meta = catalog.metas.find((m) => m.id === id)
      const problem = checkOptions(meta, options)
      if (problem) problems.push(`${where(loaded, ['rules', name, 1])}${name} options: ${problem}`)
      else ruleOptions[id] = options
    }
  }
  if (problems.length > 0) throw new ConfigError(file, problems.sort(byPosition))
  const s = (data.settings ?? {}) as Record<string, unknown>
  const settings: Partial<LintSettings> = {}
  if (s['trusted-registries']) settings.trustedRegistries = s['trusted-registries'] as string[]
  if (s['label-schema']) settings.labelSchema = s['label-schema'] as Record<string, string>
  if (s['strict-labels'] !== undefined) settings.strictLabels = s['strict-labels'] as boolean
  if (s['disable-ignore-pragma'] !== undefined) {
    settings.disableIgnorePragma = s['disable-ignore-pragma'] as boolean
  }
  if (s.shellcheck !== undefined) settings.shellcheck = s.shellcheck as boolean
  if (Object.keys(ruleOptions).length > 0) settings.ruleOptions = ruleOptions
  const review: ReviewSettings = {}
  if (reviewIn.inline !== undefined) review.inline = reviewIn.inline as ReviewSettings['inline']
  if (reviewIn['paths-summary-only'] !== undefined) {
    review.pathsSummaryOnly = reviewIn['paths-summary-only'] as string[]
  }
  if (reviewIn.precision !== undefined) {
    review.precision = Object.fromEntries(
      Object.entries(precisionIn).map(([name, level]) => [resolveRuleName(catalog, name)!, level])
    )
  }
  return {
    source: file,
    all: data.all as boolean | undefined,
    failOn: data['fail-on'] as Threshold | undefined,
    ignorePaths: data['ignore-paths'] as string[] | undefined,
    rules,
    settings,
    review
  }
}

/** Parse `.hadolint.yaml` (the keys that matter to a migration). */
export function parseHadolintConfig(file: string, text: string, catalog: RuleCatalog): ConfigLayer {
  const loaded = load(file, text)
  const data = loaded.data as Record<string, unknown>
  const validateHadolint = hadolintValidator()
  if (!validateHadolint(data)) {
    throw new ConfigError(
      file,
      schemaProblems(loaded, validateHadolint.errors ?? [], (p) => schemaKeys(hadolintSchema, p))
    )
  }
  const entries: Array<{ name: string; path: (string | number)[]; setting: RuleSetting }> = []
  ;((data.ignored ?? []) as string[]).forEach((name, i) =>
    entries.push({ name, path: ['ignored', i], setting: 'off' })
  )
  const override = (data.override ?? {}) as Partial<Record<Severity, string[]>>
  for (const level of ['error', 'warning', 'info', 'style'] as const) {
    ;(override[level] ?? []).forEach((name, i) =>
      entries.push({ name, path: ['override', level, i], setting: level })
    )
  }
  const problems = checkRuleNames(loaded, catalog, entries)
  if (problems.length > 0) throw new ConfigError(file, problems)
  const rules = new Map<string, RuleSetting>()
  // hadolint applies `ignored` last: an ignored rule stays off whatever its override says.
  for (const e of [...entries].sort(
    (a, b) => Number(a.setting === 'off') - Number(b.setting === 'off')
  )) {
    rules.set(resolveRuleName(catalog, e.name)!, e.setting)
  }
  const threshold = data['failure-threshold'] as string | undefined
  const failOn: Threshold | undefined =
    data['no-fail'] === true
      ? 'none'
      : threshold === 'ignore'
        ? 'style'
        : (threshold as Threshold | undefined)
  const trusted = data.trustedRegistries
  const settings: Partial<LintSettings> = {}
  if (trusted !== undefined)
    settings.trustedRegistries = typeof trusted === 'string' ? [trusted] : (trusted as string[])
  if (data['label-schema']) settings.labelSchema = data['label-schema'] as Record<string, string>
  if (data['strict-labels'] !== undefined) settings.strictLabels = data['strict-labels'] as boolean
  if (data['disable-ignore-pragma'] !== undefined) {
    settings.disableIgnorePragma = data['disable-ignore-pragma'] as boolean
  }
  return { source: file, failOn, rules, settings }
}

/** Later layers win (hadolint's layering: defaults < config files < command line). */
export function resolveConfig(layers: ConfigLayer[]): ResolvedConfig {
  const out: ResolvedConfig = {
    ...DEFAULT_CONFIG,
    rules: new Map(),
    settings: { ...DEFAULT_CONFIG.settings },
    review: {}
  }
  for (const layer of layers) {
    const review = layer.review ?? {}
    if (review.inline !== undefined) out.review.inline = review.inline
    if (review.pathsSummaryOnly !== undefined) out.review.pathsSummaryOnly = review.pathsSummaryOnly
    if (review.precision !== undefined) {
      out.review.precision = { ...out.review.precision, ...review.precision }
    }
    if (layer.all !== undefined) out.all = layer.all
    if (layer.failOn !== undefined) out.failOn = layer.failOn
    if (layer.ignorePaths) out.ignorePaths = [...out.ignorePaths, ...layer.ignorePaths]
    for (const [id, setting] of layer.rules ?? []) out.rules.set(id, setting)
    for (const [key, value] of Object.entries(layer.settings ?? {})) {
      if (value === undefined) continue
      if (key === 'ruleOptions') {
        out.settings.ruleOptions = {
          ...out.settings.ruleOptions,
          ...(value as LintSettings['ruleOptions'])
        }
      } else (out.settings as unknown as Record<string, unknown>)[key] = value
    }
  }
  return out
}

/** Is the rule on, and at which severity? `meta` is undefined for ShellCheck codes. */
export function ruleState(
  config: ResolvedConfig,
  id: string,
  meta: RuleMeta | undefined,
  reportedSeverity?: Severity
): { enabled: boolean; severity: Severity } {
  const setting = config.rules.get(id)
  const base: Severity = reportedSeverity ?? meta?.defaultSeverity ?? 'warning'
  if (setting === 'off') return { enabled: false, severity: base }
  if (setting && setting !== 'on') return { enabled: true, severity: setting }
  const enabled = setting === 'on' || config.all || (meta?.enabledByDefault ?? true)
  return { enabled, severity: base }
}

export interface ConfigTexts {
  /** `.hadolint.yaml` / `.hadolint.yml`, if present. */
  hadolint?: { file: string; text: string }
  /** `.docker-review.yml` / `.docker-review.yaml` (or the file given explicitly), if present. */
  own?: { file: string; text: string }
}

/** The repository's configuration: hadolint's file first, ours on top (ours wins). Throws ConfigError. */
export function configFromTexts(
  texts: ConfigTexts,
  catalog: RuleCatalog,
  extra: ConfigLayer[] = []
): ResolvedConfig {
  const layers: ConfigLayer[] = []
  if (texts.hadolint)
    layers.push(parseHadolintConfig(texts.hadolint.file, texts.hadolint.text, catalog))
  if (texts.own) layers.push(parseOwnConfig(texts.own.file, texts.own.text, catalog))
  return resolveConfig([...layers, ...extra])
}

/** Config file names looked up at the repository root, in order. */
export const OWN_CONFIG_FILES = ['.docker-review.yml', '.docker-review.yaml']
export const HADOLINT_CONFIG_FILES = ['.hadolint.yaml', '.hadolint.yml']
