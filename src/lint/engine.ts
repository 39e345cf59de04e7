import type {
  FileKind,
  Finding,
  Report,
  Rule,
  RuleContext,
  RuleMeta,
  RuleNames,
  SourceFile,
  Severity,
  Workspace
} from '../core/types.js'
import { FILE_START, NOT_CHECKED } from '../core/not-checked.js'
import { decodeText } from '../io/source.js'
import { compareRanges, compareText } from '../core/text.js'
import { ruleState, type ResolvedConfig } from '../config/config.js'
import { parseDockerfile, type DockerfileDoc, type Instruction } from '../dockerfile/model.js'
import { parseCompose, type ComposeDoc } from '../parse/compose.js'
import { sameFile } from '../compose/file.js'
import { dockerfilePragmas, isSuppressed } from './suppress-dockerfile.js'
import { composeDisables, isDisabled } from './suppress-compose.js'
import type { Tools } from '../core/tools.js'
import { checkSafeFixes } from '../dockerfile/effects.js'
import { checkSafeComposeFixes } from '../compose/effects.js'

/**
 * The lint pipeline for one file: parse once, run the enabled rules, then — centrally — drop
 * suppressed findings and apply configured severities. Pure: everything it needs is passed in.
 */

export interface Registry extends RuleNames {
  dockerfile: readonly Rule<DockerfileDoc>[]
  compose: readonly Rule<ComposeDoc>[]
  metas: readonly RuleMeta[]
  byId: ReadonlyMap<string, RuleMeta>
}

export interface LintInput {
  path: string
  text: string
  kind: FileKind
  /**
   * The file could not be read as lintable text (a link, outside the workspace, binary, too
   * large…): why, quoting nothing of it. It becomes a "not fully checked" finding.
   */
  notChecked?: string
}

export interface LintOptions {
  registry: Registry
  config: ResolvedConfig
  workspace?: Workspace
  tools?: Tools
  /** Run only these rule ids (the rule tester); default all enabled rules. */
  only?: ReadonlySet<string>
  /** Time budget per file; none by default (the CLI and the action always pass one). */
  budget?: Budget
  /**
   * Called after each file of `lintFiles`, whatever its outcome. The CLI and the action pace
   * garbage collection with it (src/io/heap.ts); the engine itself never looks at the heap.
   */
  afterFile?: () => void
  /**
   * Check every safe Dockerfile and compose fix against the effect model and demote those that change more
   * than they declare (default true; the corpus test turns it off to count the demotions).
   */
  checkFixEffects?: boolean
}

/**
 * A last-resort guard on how long one file may take, parsing included — not a budget that shapes
 * results: what a file costs is bounded by limits on the input (script length and nesting, node
 * counts), which give the same answer on every machine. Only a file that still runs past the
 * guard is stopped, and then it fails closed: its partial findings are dropped and it gets a "not
 * fully checked" finding (error), so a slow machine can fail a check, never pass one. The clock
 * is passed in, so the engine stays pure (tests drive it with a fake one). It is checked after
 * parsing, before every rule, on every report and on every lazy per-instruction read of the
 * Dockerfile model.
 */
export interface Budget {
  /** Milliseconds per file. */
  ms: number
  /** Monotonic milliseconds (`performance.now`). */
  now(): number
}

/** The per-file guard the CLI and the action use: far above any real file (the corpus' largest take < 2 s). */
export const DEFAULT_FILE_BUDGET_MS = 60_000

/** Thrown inside a rule by the budget checks; never escapes the engine. */
class OverBudget extends Error {}

type Check = () => void

function budgetCheck(budget: Budget | undefined, started: number): Check | undefined {
  if (!budget) return undefined
  const deadline = started + budget.ms
  return () => {
    if (budget.now() > deadline) throw new OverBudget()
  }
}

function overBudget(path: string, kind: FileKind, options: LintOptions, where: string): FileResult {
  const seconds = Math.round(options.budget!.ms / 100) / 10
  return notCheckedResult(
    path,
    kind,
    options,
    [
      `linting stopped at the ${seconds} s safety limit per file (${where}); its findings are not shown`
    ],
    true
  )
}

/**
 * The "not fully checked" findings of a file (src/core/not-checked.ts), one per reason, at its
 * configured severity; none when the configuration turned the rule off.
 */
function notCheckedFindings(
  path: string,
  kind: FileKind,
  options: LintOptions,
  reasons: readonly string[]
): Finding[] {
  const id = NOT_CHECKED[kind]
  if (reasons.length === 0 || (options.only && !options.only.has(id))) return []
  const state = ruleState(options.config, id, options.registry.byId.get(id))
  if (!state.enabled) return []
  return reasons.map((reason) => ({
    rule: id,
    severity: state.severity,
    message: `This file was not fully checked: ${reason}.`,
    file: path,
    range: FILE_START
  }))
}

/**
 * A file the engine could not check. What the engine itself ran into (a crash, the guard) is also
 * an error of the result — the diagnostic channel that tests and `--format json` show even when
 * the "not fully checked" rule is off; a reader's reason (binary, a link…) is a finding only.
 */
function notCheckedResult(
  path: string,
  kind: FileKind,
  options: LintOptions,
  reasons: readonly string[],
  internal = false
): FileResult {
  const findings = notCheckedFindings(path, kind, options, reasons)
  return { path, kind, findings, errors: internal ? [...reasons] : [] }
}

export interface FileResult {
  path: string
  kind: FileKind
  findings: Finding[]
  /**
   * What the engine ran into on this file — a rule or parse that crashed, the time guard — for
   * diagnostics (each is also a "not fully checked" finding, which is what the verdict counts).
   */
  errors: string[]
}

export const EMPTY_WORKSPACE: Workspace = {
  readFile: () => undefined,
  listDir: () => undefined
}

export function lintText(input: LintInput, options: LintOptions): FileResult {
  const unreadable = input.notChecked ?? notLintable(input.text)
  if (unreadable !== undefined)
    return notCheckedResult(input.path, input.kind, options, [unreadable])
  const started = options.budget?.now() ?? 0
  const check = budgetCheck(options.budget, started)
  if (input.kind === 'dockerfile') {
    const doc = parseDockerfile(input.path, input.text)
    if (check && !within(check)) return overBudget(input.path, input.kind, options, 'while parsing')
    return lintDockerfile(doc, options, started)
  }
  const doc = parseCompose(input.path, input.text)
  if (check && !within(check)) return overBudget(input.path, input.kind, options, 'while parsing')
  return lintCompose(doc, options, started)
}

function within(check: Check): boolean {
  try {
    check()
    return true
  } catch {
    return false
  }
}

/**
 * The model as rules see it under a budget: the lazy per-instruction reads check the clock, so a
 * rule looping over a huge file stops at the deadline instead of running on.
 */
function watched(doc: DockerfileDoc, check: Check): DockerfileDoc {
  return Object.create(doc, {
    shell: { value: (inst: Instruction) => (check(), doc.shell(inst)) },
    shellOf: { value: (inst: Instruction) => (check(), doc.shellOf(inst)) },
    variables: { value: (inst: Instruction) => (check(), doc.variables(inst)) }
  }) as DockerfileDoc
}

/**
 * Lint several files; a file that cannot be linted (a crash in parsing) becomes an error on that
 * file and never stops the others.
 */
export function lintFiles(inputs: LintInput[], options: LintOptions): FileResult[] {
  return inputs.map((input) => {
    try {
      return lintText(input, options)
    } catch (error) {
      return notCheckedResult(
        input.path,
        input.kind,
        options,
        [`it could not be linted (${messageOf(error)})`],
        true
      )
    } finally {
      options.afterFile?.()
    }
  })
}

export function lintDockerfile(
  doc: DockerfileDoc,
  options: LintOptions,
  started = options.budget?.now() ?? 0
): FileResult {
  const check = budgetCheck(options.budget, started)
  const ran = runRules(
    check ? watched(doc, check) : doc,
    options.registry.dockerfile,
    options,
    check
  )
  if (ran.stoppedIn) return overBudget(doc.path, 'dockerfile', options, ran.stoppedIn)
  const { findings, errors } = ran
  const pragmas = options.config.settings.disableIgnorePragma
    ? []
    : dockerfilePragmas(doc, options.registry)
  // Every safe fix must change the build only as it declares; the others become unsafe.
  const unsuppressed = findings.filter((f) => !isSuppressed(f, pragmas))
  const kept =
    options.checkFixEffects === false ? unsuppressed : checkSafeFixes(doc, unsuppressed).findings
  return finish(
    doc.path,
    'dockerfile',
    kept,
    notCheckedFindings(doc.path, 'dockerfile', options, errors),
    errors
  )
}

export function lintCompose(
  doc: ComposeDoc,
  options: LintOptions,
  started = options.budget?.now() ?? 0
): FileResult {
  const ran = runRules(doc, options.registry.compose, options, budgetCheck(options.budget, started))
  if (ran.stoppedIn) return overBudget(doc.path, 'compose', options, ran.stoppedIn)
  const { findings, errors } = ran
  const disables = options.config.settings.disableIgnorePragma
    ? []
    : composeDisables(doc.text, (n) => options.registry.resolve(n))
  const enabled = findings.filter((f) => !isDisabled(f, disables))
  const kept =
    options.checkFixEffects === false ? enabled : checkSafeComposeFixes(doc, enabled).findings
  return finish(
    doc.path,
    'compose',
    kept,
    notCheckedFindings(doc.path, 'compose', options, errors),
    errors
  )
}

/** A file's findings in order; the "not fully checked" ones are added after suppression. */
function finish(
  path: string,
  kind: FileKind,
  findings: Finding[],
  notChecked: Finding[],
  errors: string[]
): FileResult {
  findings.push(...notChecked)
  findings.sort((a, b) => compareRanges(a.range, b.range) || compareText(a.rule, b.rule))
  return { path, kind, findings, errors }
}

/**
 * Text that reached the engine without passing a reader's checks (stdin, a test, an API answer):
 * the same size and binary decisions as src/io/source.ts.
 */
function notLintable(text: string): string | undefined {
  const decoded = decodeText(text)
  return decoded.ok ? undefined : decoded.reason
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

interface Plan<Doc> {
  rules: readonly Rule<Doc>[]
  /** Severity per rule id for rules that report under their own id. */
  severity: Map<string, Severity>
}

/** Which rules run, and at which severity, depends only on the config: work it out once per config. */
const plans = new WeakMap<ResolvedConfig, WeakMap<readonly Rule<unknown>[], Plan<unknown>>>()

function planFor<Doc>(rules: readonly Rule<Doc>[], config: ResolvedConfig): Plan<Doc> {
  let byList = plans.get(config)
  if (!byList) plans.set(config, (byList = new WeakMap()))
  let plan = byList.get(rules as readonly Rule<unknown>[]) as Plan<Doc> | undefined
  if (!plan) {
    const severity = new Map<string, Severity>()
    const enabled = rules.filter((rule) => {
      if (rule.meta.id === FAMILY) return true
      const state = ruleState(config, rule.meta.id, rule.meta)
      severity.set(rule.meta.id, state.severity)
      return state.enabled
    })
    plan = { rules: enabled, severity }
    byList.set(rules as readonly Rule<unknown>[], plan as Plan<unknown>)
  }
  return plan
}

/** The rule that fronts a family of ids (ShellCheck's SC codes): each report names its own id. */
const FAMILY = 'SHELLCHECK'

function runRules<Doc extends SourceFile>(
  doc: Doc,
  rules: readonly Rule<Doc>[],
  options: LintOptions,
  check: Check | undefined
): { findings: Finding[]; errors: string[]; stoppedIn?: string } {
  const { config, registry } = options
  const plan = planFor(rules, config)
  const findings: Finding[] = []
  const errors: string[] = []
  let meta: RuleMeta = rules[0]?.meta
  /**
   * Ranges a rule reported with a `source`, to report a node shared through an anchor once (made
   * on a rule's first such report: one set per rule and file was 33 MB over the corpus).
   */
  let reported: Set<string> | undefined
  const report = (r: Report): void => {
    if (r.source) {
      if (!sameFile(r.source, doc)) return
      const { start, end } = r.range
      const key = `${start.line}:${start.column}:${end.line}:${end.column}`
      reported ??= new Set()
      if (reported.has(key)) return
      reported.add(key)
    }
    check?.()
    let rule = meta.id
    let severity = plan.severity.get(rule)!
    if (meta.id === FAMILY) {
      if (!r.rule) throw new Error(`rule ${FAMILY} must name the id it reports under`)
      const state = ruleState(config, r.rule, registry.byId.get(r.rule), r.severity)
      if (!state.enabled) return
      rule = r.rule
      severity = state.severity
    } else if (r.rule) {
      throw new Error(`rule ${meta.id} reported under another id (${r.rule})`)
    }
    if (r.fix && !meta.fixable)
      throw new Error(`rule ${meta.id} is not marked fixable but reported a fix`)
    const finding: Finding = { rule, severity, message: r.message, file: doc.path, range: r.range }
    if (r.fix) finding.fix = r.fix
    if (r.precision) finding.precision = r.precision
    findings.push(finding)
  }
  const ctx: RuleContext = {
    report,
    settings: config.settings,
    workspace: options.workspace ?? EMPTY_WORKSPACE,
    tools: options.tools ?? {}
  }
  let done = 0
  for (const rule of plan.rules) {
    if (options.only && !options.only.has(rule.meta.id)) continue
    meta = rule.meta
    reported = undefined
    try {
      check?.()
      rule.check(doc, ctx)
      done++
    } catch (error) {
      if (error instanceof OverBudget) {
        return { findings, errors, stoppedIn: `in rule ${meta.id}, after ${done} rules` }
      }
      errors.push(`rule ${meta.id} failed on it (internal error: ${messageOf(error)})`)
    }
  }
  return { findings, errors }
}
