import { parseArgs } from 'node:util'
import { isThreshold } from '../core/severity.js'
import type { FileKind, Threshold } from '../core/types.js'

export type Format = 'tty' | 'json' | 'sarif' | 'github'
const FORMATS: Format[] = ['tty', 'json', 'sarif', 'github']

export interface LintArgs {
  paths: string[]
  format: Format
  fix: boolean
  fixUnsafe: boolean
  config?: string
  kind?: FileKind
  failOn?: Threshold
  enableAll: boolean
  color?: boolean
  help: boolean
}

export class UsageError extends Error {}

export const LINT_USAGE = `Usage: docker-review lint [paths…] [options]

Lint Dockerfiles and compose files. Directories are walked (respecting .gitignore); files are
picked by name (Dockerfile, Dockerfile.*, *.Dockerfile, Containerfile*, docker-compose*.y(a)ml,
compose*.y(a)ml). Files named explicitly are always linted.

Options:
  --format tty|json|sarif|github   output format (default tty)
  --fix                            apply safe fixes to the files, then report what is left
  --fix-unsafe                     with --fix, also apply fixes that change behaviour
  --config FILE                    configuration file (default: .docker-review.yml and .hadolint.yaml in cwd)
  --kind dockerfile|compose        treat every given or found file as this kind
  --fail-on error|warning|info|style|none
                                   lowest severity that makes the exit code 1 (default error)
  --enable-all                     turn on every rule, including the off-by-default ones
  --color / --no-color             force colours on or off (default: on for a terminal, off with NO_COLOR)
  -h, --help                       show this help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage error or crash.
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
        'fail-on': { type: 'string' },
        'enable-all': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const v = parsed.values
  const format = (v.format ?? 'tty') as Format
  if (!FORMATS.includes(format))
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
  return {
    paths: parsed.positionals,
    format,
    fix: v.fix ?? false,
    fixUnsafe: v['fix-unsafe'] ?? false,
    config: v.config,
    kind: v.kind as FileKind | undefined,
    failOn: v['fail-on'] as Threshold | undefined,
    enableAll: v['enable-all'] ?? false,
    color: v['no-color'] ? false : v.color,
    help: v.help ?? false
  }
}
