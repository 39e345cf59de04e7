import type {
  FileKind,
  Finding,
  Report,
  Rule,
  RuleContext,
  RuleMeta,
  Severity,
  Workspace
} from './types.js'
import { compareRanges } from './text.js'
import { ruleState, type ResolvedConfig } from '../config/config.js'
import { parseDockerfile, type DockerfileDoc, type Instruction } from '../parse/dockerfile.js'
import { parseCompose, type ComposeDoc } from '../parse/compose.js'
import { loadShellParser } from '../parse/shell.js'
import { dockerfilePragmas, isSuppressed, type RuleNames } from '../suppress/dockerfile.js'
import { composeDisables, isDisabled } from '../suppress/compose.js'
import { checkSafeFixes } from '../dockerfile/effects.js'
import { checkSafeComposeFixes } from '../compose/effects.js'
import type { Tools } from './tools.js'

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
 * How long one file may take, parsing included. The clock is passed in, so the engine stays pure
 * (tests drive it with a fake one). The budget is checked after parsing, before every rule, on
 * every report and on every lazy per-instruction read of the Dockerfile model (shell script, SHELL
 * in effect, variables in scope): a file that blows it is skipped with an error naming where it
 * stopped, and its partial findings are dropped (a verdict must not depend on machine speed
 * halfway through a file).
 */
export interface Budget {
  /** Milliseconds per file. */
  ms: number
  /** Monotonic milliseconds (`performance.now`). */
  now(): number
}

/** The per-file time budget the CLI and the action use. */
export const DEFAULT_FILE_BUDGET_MS = 10_000

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

function overBudget(path: string, kind: FileKind, budget: Budget, where: string): FileResult {
  return {
    path,
    kind,
    findings: [],
    errors: [
      `skipped: linting this file took longer than its time budget (${budget.ms} ms per file; stopped ${where})`
    ]
  }
}

export interface FileResult {
  path: string
  kind: FileKind
  findings: Finding[]
  /** Problems that are not findings: a rule that crashed on this file. */
  errors: string[]
}

export const EMPTY_WORKSPACE: Workspace = {
  readFile: () => undefined,
  listDir: () => undefined
}

export function lintText(input: LintInput, options: LintOptions): FileResult {
  const started = options.budget?.now() ?? 0
  const check = budgetCheck(options.budget, started)
  if (input.kind === 'dockerfile') {
    const doc = parseDockerfile(input.path, input.text)
    if (check && !within(check))
      return overBudget(input.path, input.kind, options.budget!, 'while parsing')
    return lintDockerfile(doc, options, started)
  }
  const doc = parseCompose(input.path, input.text)
  if (check && !within(check))
    return overBudget(input.path, input.kind, options.budget!, 'while parsing')
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
  if (inputs.some((i) => i.kind === 'dockerfile')) loadShellParser()
  return inputs.map((input) => {
    try {
      return lintText(input, options)
    } catch (error) {
      return {
        path: input.path,
        kind: input.kind,
        findings: [],
        errors: [`could not lint: ${error instanceof Error ? error.message : String(error)}`]
      }
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
  if (ran.stoppedIn) return overBudget(doc.path, 'dockerfile', options.budget!, ran.stoppedIn)
  const { findings, errors } = ran
  const pragmas = options.config.settings.disableIgnorePragma
    ? []
    : dockerfilePragmas(doc, options.registry)
  // Every safe fix must change the build only as it declares; the others become unsafe.
  const unsuppressed = findings.filter((f) => !isSuppressed(f, pragmas))
  const kept =
    options.checkFixEffects === false ? unsuppressed : checkSafeFixes(doc, unsuppressed).findings
  return finish(doc.path, 'dockerfile', kept, errors)
}

export function lintCompose(
  doc: ComposeDoc,
  options: LintOptions,
  started = options.budget?.now() ?? 0
): FileResult {
  const ran = runRules(doc, options.registry.compose, options, budgetCheck(options.budget, started))
  if (ran.stoppedIn) return overBudget(doc.path, 'compose', options.budget!, ran.stoppedIn)
  const { findings, errors } = ran
  const disables = options.config.settings.disableIgnorePragma
    ? []
    : composeDisables(doc.text, (n) => options.registry.resolve(n))
  const enabled = findings.filter((f) => !isDisabled(f, disables))
  const kept =
    options.checkFixEffects === false ? enabled : checkSafeComposeFixes(doc, enabled).findings
  return finish(doc.path, 'compose', kept, errors)
}

function finish(path: string, kind: FileKind, findings: Finding[], errors: string[]): FileResult {
  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule))
  return { path, kind, findings, errors }
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

function runRules<Doc extends { path: string }>(
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
  const report = (r: Report): void => {
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
    try {
      check?.()
      rule.check(doc, ctx)
      done++
    } catch (error) {
      if (error instanceof OverBudget) {
        return { findings, errors, stoppedIn: `in rule ${meta.id}, after ${done} rules` }
      }
      errors.push(
        `internal error in rule ${meta.id}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return { findings, errors }
}
