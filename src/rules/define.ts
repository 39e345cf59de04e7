import type {
  FileKind,
  Precision,
  Rule,
  RuleContext,
  RuleMeta,
  RuleSettings,
  Severity
} from '../core/types.js'
import type { Tools } from '../core/tools.js'
import type { DockerfileDoc } from '../dockerfile/model.js'
import type { ComposeDoc } from '../parse/compose.js'

/** Where rule documentation lives; `docs/rules/<ID>.md` in this repository. */
export const DOCS_BASE = 'https://github.com/docker-review/docker-review/blob/main/docs/rules/'

export interface RuleSpec<Doc> {
  id: string
  aliases?: string[]
  severity: Severity
  description: string
  fixable?: boolean
  /** Default true. */
  enabledByDefault?: boolean
  /** JSON Schema of the options object (`rules: { ID: [severity, {…}] }` in the config). */
  options?: Record<string, unknown>
  check(doc: Doc, ctx: RuleContext): void
}

function define<Doc>(kind: FileKind, spec: RuleSpec<Doc>): Rule<Doc> {
  const meta: RuleMeta = {
    id: spec.id,
    aliases: spec.aliases ?? [],
    kind,
    defaultSeverity: spec.severity,
    fixable: spec.fixable ?? false,
    docsUrl: `${DOCS_BASE}${spec.id}.md`,
    description: spec.description,
    enabledByDefault: spec.enabledByDefault ?? true
  }
  if (spec.options) meta.options = spec.options
  return { meta, check: spec.check }
}

export function defineDockerfileRule(spec: RuleSpec<DockerfileDoc>): Rule<DockerfileDoc> {
  return define('dockerfile', spec)
}

export function defineComposeRule(spec: RuleSpec<ComposeDoc>): Rule<ComposeDoc> {
  return define('compose', spec)
}

/** Declarative cases beside each rule (`<ID>.cases.ts`), run by `__tests__/rules/rules.test.ts`. */
export interface RuleCases {
  valid: Array<string | ValidCase>
  invalid: InvalidCase[]
}

export interface CaseEnv {
  /** File name the code is linted as (default `Dockerfile` / `compose.yaml`). */
  path?: string
  /** Other files of the workspace, path → content (build context, override files). */
  files?: Record<string, string>
  /** Rule settings (`trustedRegistries`, `labelSchema`, `strictLabels`). */
  settings?: Partial<RuleSettings>
  /** External tools the rule may call (a deterministic ShellCheck stand-in, say). */
  tools?: Tools
}

export interface ValidCase extends CaseEnv {
  code: string
  /** Why this must not fire (shown in the test name). */
  name?: string
}

export interface ExpectedError {
  line: number
  column?: number
  endLine?: number
  endColumn?: number
  /** Substring or pattern the message must contain. */
  message?: string | RegExp
  /** For rules that report other ids (ShellCheck). */
  rule?: string
  /**
   * The finding's own precision (`Finding.precision`); `null` asserts it has none, i.e. it
   * stands at its rule's level. Unchecked when absent.
   */
  precision?: Precision | null
}

export interface InvalidCase extends CaseEnv {
  code: string
  name?: string
  errors: ExpectedError[]
  /**
   * The text after applying this rule's fixes (safe and unsafe) until stable; `null` or absent
   * when the rule offers no fix for this case.
   */
  output?: string | null
}

/** The configured options of a rule (validated against its `options` schema), `{}` when none. */
export function ruleOptions<T extends object>(ctx: RuleContext, id: string): Partial<T> {
  return (ctx.settings.ruleOptions?.[id] ?? {}) as Partial<T>
}
