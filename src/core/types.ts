import type { Tools } from './tools.js'

/**
 * The vocabulary every stage shares. One finding type crosses parsing, rules, suppression,
 * diff filtering, fix application and every reporter (reviewdog's rdf.Diagnostic model).
 *
 * Positions are 1-based; columns count UTF-16 code units (SARIF's default `utf16CodeUnits`);
 * ranges are end-exclusive.
 */

/** hadolint's scale, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info', 'style'] as const
export type Severity = (typeof SEVERITIES)[number]

/**
 * How often a rule's finding is one a competent reviewer wants as a pull-request comment (CodeQL's
 * `@precision` scale, least first): measured on the corpus sample, see `src/rules/precision.ts`.
 */
export const PRECISIONS = ['low', 'medium', 'high', 'very-high'] as const
export type Precision = (typeof PRECISIONS)[number]

/** A `fail-on` threshold: a severity, or `none` (never fail). */
export type Threshold = Severity | 'none'

export type FileKind = 'dockerfile' | 'compose'

export interface Position {
  /** 1-based line. */
  line: number
  /** 1-based column in UTF-16 code units. */
  column: number
}

export interface Range {
  start: Position
  /** Exclusive. */
  end: Position
}

/** Replace `range` of the original text with `text` (empty range = insertion, empty text = deletion). */
export interface TextEdit {
  range: Range
  text: string
}

/**
 * What a fix changes in what the build does, in the effect model's terms (src/dockerfile/effects.ts).
 * A safe fix without one declares that it changes nothing but text (layout, syntax, casing).
 */
export type FixEffect =
  /** Adds these arguments to calls of `command` (`-y`, `--no-cache-dir`, a package). */
  | { kind: 'add-args'; command: string; args: string[] }
  /** Appends this command to a RUN (`rm -rf /var/lib/apt/lists/*`, `yum clean all`). */
  | { kind: 'append-command'; argv: string[] }
  /** Replaces these words of a call by those (`apt install` → `apt-get install -y`). */
  | { kind: 'replace-words'; command: string; from: string[]; to: string[] }
  /** Sets these environment variables (to values the fix's description names). */
  | { kind: 'set-env'; names: string[] }
  /** Changes image metadata only (labels, the author field), never what runs. */
  | { kind: 'metadata' }
  /** Makes a Dockerfile that does not build (DL1000: a misspelt flag) valid: there is no build to compare. */
  | { kind: 'repair' }

export interface Fix {
  /** What the fix does; for `safe: false`, also what behaviour changes. */
  description: string
  /** True when applying it cannot change what the build does beyond the rule's intent. */
  safe: boolean
  /** Non-overlapping edits over the original file. */
  edits: TextEdit[]
  /** For safe Dockerfile fixes: what they change in the build; absent = nothing (text only). */
  effect?: FixEffect
}

export interface Finding {
  /** Canonical rule id (`DL3008`, `DR1001`, `DC1006`, `SC2086`, `DL1000`). */
  rule: string
  severity: Severity
  message: string
  /** Path as given to the linter (repository-relative in the action). */
  file: string
  range: Range
  fix?: Fix
  /**
   * This finding's own precision, when it is lower than its rule's: the rule met a case whose
   * context it cannot confirm (an unknown base image, a repository convention). The review
   * policy uses the lower of the two; it never changes the verdict.
   */
  precision?: Precision
}

/** How rule names resolve: ids and aliases, for pragmas and configuration. */
export interface RuleNames {
  /** Canonical id for an id or alias (case-insensitive), undefined when unknown. */
  resolve(name: string): string | undefined
  /** Ids that stand for BuildKit checks (for `# check=skip=all`). */
  buildkit: ReadonlySet<string>
}

export interface RuleMeta {
  /** Canonical id: `DL####` (hadolint), `DR####` (ours, Dockerfile), `DC####` (ours, compose). */
  id: string
  /** Other names for the same check: BuildKit check names, Trivy/Checkov ids, DCLint rule names. */
  aliases: string[]
  kind: FileKind
  defaultSeverity: Severity
  /** True when the rule ever attaches a fix (the engine asserts this). */
  fixable: boolean
  docsUrl: string
  /** One sentence: what the rule reports. */
  description: string
  /** False for opt-in rules (`all: true` / `--enable-all` turns them on). */
  enabledByDefault: boolean
  /** JSON Schema of the rule's options object, when it takes any (validated in the config). */
  options?: Record<string, unknown>
}

/** What a rule hands to `ctx.report`. */
export interface Report {
  message: string
  range: Range
  fix?: Fix
  /**
   * Only for rules that front a family of ids (ShellCheck's SC codes): the id to report under.
   * Everything else reports under its own `meta.id`.
   */
  rule?: string
  /** Only with `rule`: the severity the external tool assigned. */
  severity?: Severity
  /** Lower than the rule's precision for this finding only (see `Finding.precision`). */
  precision?: Precision
  /**
   * The file the reported node lives in, for rules that read more than the linted file (a compose
   * project merges overrides, includes and anchors). The engine keeps such a report only when it
   * is the linted file, and keeps one report per rule and range (a node shared through an anchor
   * is met once per service using it).
   */
  source?: SourceFile
}

/** A file by path and content (a parsed document is one). */
export interface SourceFile {
  path: string
  text: string
}

/**
 * Read-only view of files around the linted one (build context, override files, includes).
 * Supplied by the edge (disk in the CLI, a preloaded map in the action); rules never touch fs.
 * Paths are POSIX, relative to the same root as `Finding.file`.
 */
export interface Workspace {
  readFile(path: string): string | undefined
  /** Entry names of a directory (files and folders), or undefined when unknown/absent. */
  listDir(path: string): string[] | undefined
}

/** Settings rules may read (from `.docker-review.yml` `settings:` or `.hadolint.yaml`). */
export interface RuleSettings {
  /** DL3026: allowed registries; empty = rule silent. */
  trustedRegistries: string[]
  /** DL3049-DL3058: label name → type (`text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email`). */
  labelSchema: Record<string, string>
  /** DL3050 */
  strictLabels: boolean
  /** Per-rule options by canonical id (`rules: { DC1001: [warning, { prohibitedTags: [latest] }] }`). */
  ruleOptions: Record<string, Record<string, unknown>>
}

export interface RuleContext {
  report(report: Report): void
  settings: RuleSettings
  workspace: Workspace
  /** External programs (ShellCheck), injected by the edge. */
  tools: Tools
}

export interface Rule<Doc> {
  meta: RuleMeta
  check(doc: Doc, ctx: RuleContext): void
}
