import type { FileKind, Finding, Report, Rule, RuleMeta, Workspace } from './types.js'
import { compareRanges } from './text.js'
import { ruleState, type ResolvedConfig } from '../config/config.js'
import { parseDockerfile, type DockerfileDoc } from '../parse/dockerfile.js'
import { parseCompose, type ComposeDoc } from '../parse/compose.js'
import { dockerfilePragmas, isSuppressed, type RuleNames } from '../suppress/dockerfile.js'
import { composeDisables, isDisabled } from '../suppress/compose.js'
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
  return input.kind === 'dockerfile'
    ? lintDockerfile(parseDockerfile(input.path, input.text), options)
    : lintCompose(parseCompose(input.path, input.text), options)
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
      return {
        path: input.path,
        kind: input.kind,
        findings: [],
        errors: [`could not lint: ${error instanceof Error ? error.message : String(error)}`]
      }
    }
  })
}

export function lintDockerfile(doc: DockerfileDoc, options: LintOptions): FileResult {
  const { findings, errors } = runRules(doc, options.registry.dockerfile, options)
  const pragmas = options.config.settings.disableIgnorePragma
    ? []
    : dockerfilePragmas(doc, options.registry)
  return finish(
    doc.path,
    'dockerfile',
    findings.filter((f) => !isSuppressed(f, pragmas)),
    errors
  )
}

export function lintCompose(doc: ComposeDoc, options: LintOptions): FileResult {
  const { findings, errors } = runRules(doc, options.registry.compose, options)
  const disables = options.config.settings.disableIgnorePragma
    ? []
    : composeDisables(doc.text, (n) => options.registry.resolve(n))
  return finish(
    doc.path,
    'compose',
    findings.filter((f) => !isDisabled(f, disables)),
    errors
  )
}

function finish(path: string, kind: FileKind, findings: Finding[], errors: string[]): FileResult {
  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule))
  return { path, kind, findings, errors }
}

function runRules<Doc extends { path: string }>(
  doc: Doc,
  rules: readonly Rule<Doc>[],
  options: LintOptions
): { findings: Finding[]; errors: string[] } {
  const { config, registry } = options
  const findings: Finding[] = []
  const errors: string[] = []
  for (const rule of rules) {
    const meta = rule.meta
    if (options.only && !options.only.has(meta.id)) continue
    const family = meta.id === 'SHELLCHECK'
    if (!family && !ruleState(config, meta.id, meta).enabled) continue
    const report = (r: Report): void => {
      const id = r.rule ?? meta.id
      if (r.rule && !family)
        throw new Error(`rule ${meta.id} reported under another id (${r.rule})`)
      if (r.fix && !meta.fixable)
        throw new Error(`rule ${meta.id} is not marked fixable but reported a fix`)
      const state = ruleState(config, id, family ? registry.byId.get(id) : meta, r.severity)
      if (!state.enabled) return
      const finding: Finding = {
        rule: id,
        severity: state.severity,
        message: r.message,
        file: doc.path,
        range: r.range
      }
      if (r.fix) finding.fix = r.fix
      findings.push(finding)
    }
    try {
      rule.check(doc, {
        report,
        settings: config.settings,
        workspace: options.workspace ?? EMPTY_WORKSPACE,
        tools: options.tools ?? {}
      })
    } catch (error) {
      errors.push(
        `internal error in rule ${meta.id}: ${error instanceof Error ? error.message : String(error)}`
      )
    }
  }
  return { findings, errors }
}
