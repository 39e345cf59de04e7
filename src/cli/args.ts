import { parseArgs } from 'node:util'
import { isThreshold } from '../core/severity.js'
import type { FileKind, Threshold } from '../core/types.js'

export const FORMATS = ['tty', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'rdjson'] as const
export type Format = (typeof FORMATS)[number]

export interface LintArgs {
  paths: string[]
  format: Format
  fix: boolean
  fixUnsafe: boolean
  config?: string
  kind?: FileKind
  /** Name to report (and detect the kind from) for `-`, the standard input. */
  stdinFilename?: string
  failOn?: Threshold
  enableAll: boolean
  color?: boolean
  /** Mark each finding inline or summary, as a pull request review would place it. */
  review: boolean
  help: boolean
}

/** Ends the run with exit code 2 and one line on stderr: a path or configuration problem. */
export class CliError extends Error {}

/** A CliError in the command line itself (bad flag or value): the message points at --help. */
export class UsageError extends CliError {}

export const LINT_USAGE = `Usage: docker-review lint [paths…] [options]

Lint Dockerfiles and compose files. Directories are walked (respecting .gitignore; symlinks to
files outside the directory are not followed); files are picked by name (Dockerfile, Dockerfile.*,
*.Dockerfile, Containerfile*, docker-compose*.y(a)ml, compose*.y(a)ml). Files named explicitly are
linted whatever their name: the kind comes from --kind, the name, or the content. '-' reads the
standard input.

Options:
  -f, --format FORMAT              tty (default), json, sarif, github, gitlab, checkstyle, rdjson
  --fix                            apply safe fixes to the files, then report what is left
  --fix-unsafe                     with --fix, also apply fixes that change behaviour
  -c, --config FILE                a .docker-review.yml or a hadolint config, told apart by name or
                                   content (default: .docker-review.yml and .hadolint.yaml in cwd)
  --kind dockerfile|compose        treat every given or found file as this kind
  --stdin-filename NAME            with '-': the path to report, and to tell the kind from
  --fail-on error|warning|info|style|none
                                   lowest severity that makes the exit code 1 (default error)
  --enable-all                     turn on every rule, including the off-by-default ones
  --review                         preview a pull request review: mark each finding [inline] or
                                   [summary] by the review policy (the config's review: section)
  --color / --no-color             force colours on or off (default: on for a terminal; NO_COLOR
                                   turns them off, FORCE_COLOR on, FORCE_COLOR=0 off)
  -h, --help                       show this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it, or a file that could not
be linted; 2 usage, path or configuration error, or a crash. See docs/cli.md.
`

export function parseLintArgs(argv: string[]): LintArgs {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        fix: { type: 'boolean' },
        'fix-unsafe': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        'stdin-filename': { type: 'string' },
        'fail-on': { type: 'string' },
        'enable-all': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        review: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    // Node's own advice about '--' after an unknown option is a second sentence: keep the first.
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''))
  }
  const v = parsed.values
  const format = (v.format ?? 'tty') as Format
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${v.format}')`)
  if (v.kind !== undefined && v.kind !== 'dockerfile' && v.kind !== 'compose') {
    throw new UsageError(`--kind must be dockerfile or compose (got '${v.kind}')`)
  }
  if (v['fail-on'] !== undefined && !isThreshold(v['fail-on'])) {
    throw new UsageError(
      `--fail-on must be one of error, warning, info, style, none (got '${v['fail-on']}')`
    )
  }
  if (v['fix-unsafe'] && !v.fix) throw new UsageError('--fix-unsafe needs --fix')
  const stdin = parsed.positionals.filter((p) => p === '-').length
  if (stdin > 1) throw new UsageError("'-' (standard input) can be given once")
  if (stdin > 0 && v.fix) throw new UsageError("--fix cannot write to '-' (standard input)")
  if (v['stdin-filename'] !== undefined && stdin === 0)
    throw new UsageError("--stdin-filename needs '-' among the paths")
  return {
    paths: parsed.positionals,
    format,
    fix: v.fix ?? false,
    fixUnsafe: v['fix-unsafe'] ?? false,
    config: v.config,
    kind: v.kind as FileKind | undefined,
    stdinFilename: v['stdin-filename'],
    failOn: v['fail-on'] as Threshold | undefined,
    enableAll: v['enable-all'] ?? false,
    color: v['no-color'] ? false : v.color,
    review: v.review ?? false,
    help: v.help ?? false
  }
}
