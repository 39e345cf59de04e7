import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import {
  DEFAULT_FILE_BUDGET_MS,
  lintFiles,
  type Budget,
  type FileResult,
  type LintInput,
  type LintOptions
} from '../lint/engine.js'
import { fixUntilStable } from '../core/fixes.js'
import { reaches } from '../core/severity.js'
import type { Tools } from '../core/tools.js'
import {
  configFromTexts,
  HADOLINT_CONFIG_FILES,
  OWN_CONFIG_FILES,
  type ConfigLayer,
  type ConfigTexts,
  type ResolvedConfig
} from '../config/config.js'
import { detectKind } from '../detect.js'
import { toJsonReport } from '../format/json.js'
import { toSarif } from '../format/sarif.js'
import { annotationCommands } from '../format/github.js'
import { formatTty } from '../format/tty.js'
import { heapPacer } from '../io/heap.js'
import { decodeSource, encodeSource, type Source } from '../io/source.js'
import { diskWorkspace } from '../io/workspace.js'
import { registry } from '../rules/index.js'
import { VERSION } from '../version.js'
import { collectTargets } from './files.js'
import { LINT_USAGE, parseLintArgs } from './args.js'

export interface LintIO {
  cwd: string
  env: Record<string, string | undefined>
  stdout(text: string): void
  stderr(text: string): void
  isTTY: boolean
  /** External tools (ShellCheck), created by the entry point. */
  tools: () => Tools
  /** Time budget per file (default DEFAULT_FILE_BUDGET_MS on the process clock). */
  budget?: Budget
}

function readConfig(cwd: string, explicit: string | undefined): ConfigTexts {
  const read = (file: string): { file: string; text: string } => ({
    file,
    text: readFileSync(join(cwd, file), 'utf8')
  })
  if (explicit) {
    return /hadolint/i.test(basename(explicit))
      ? { hadolint: read(explicit) }
      : { own: read(explicit) }
  }
  const own = OWN_CONFIG_FILES.find((f) => existsSync(join(cwd, f)))
  const hadolint = HADOLINT_CONFIG_FILES.find((f) => existsSync(join(cwd, f)))
  return { own: own ? read(own) : undefined, hadolint: hadolint ? read(hadolint) : undefined }
}

/** `docker-review lint`: returns the exit code. */
export function runLint(argv: string[], io: LintIO): number {
  const args = parseLintArgs(argv)
  if (args.help) {
    io.stdout(LINT_USAGE)
    return 0
  }
  const cli: ConfigLayer = { source: 'command line' }
  if (args.failOn) cli.failOn = args.failOn
  if (args.enableAll) cli.all = true
  const config: ResolvedConfig = configFromTexts(readConfig(io.cwd, args.config), registry, [cli])

  const collected = collectTargets(args.paths, {
    cwd: io.cwd,
    detect: detectKind,
    forceKind: args.kind,
    ignorePaths: config.ignorePaths
  })
  const errors = [...collected.errors]
  const sources = new Map<string, Source>()
  const inputs: LintInput[] = []
  const fullPath = new Map<string, string>()
  for (const target of collected.targets) {
    let bytes: Buffer
    try {
      bytes = readFileSync(target.full)
    } catch (error) {
      errors.push({ file: target.path, message: `cannot read: ${(error as Error).message}` })
      continue
    }
    const decoded = decodeSource(bytes)
    if (!decoded.ok) {
      errors.push({ file: target.path, message: decoded.reason })
      continue
    }
    if (decoded.warning) errors.push({ file: target.path, message: decoded.warning })
    sources.set(target.path, decoded.source)
    fullPath.set(target.path, target.full)
    inputs.push({ path: target.path, kind: target.kind, text: decoded.source.text })
  }

  const tools = config.settings.shellcheck ? io.tools() : {}
  if (
    config.settings.shellcheck &&
    !tools.shellcheck &&
    inputs.some((i) => i.kind === 'dockerfile')
  ) {
    io.stderr(
      'docker-review: shellcheck (>= 0.7) not found on PATH: ShellCheck (SC) checks of RUN were skipped.\n'
    )
  }
  const options: LintOptions = {
    registry,
    config,
    workspace: diskWorkspace(io.cwd),
    tools,
    budget: io.budget ?? { ms: DEFAULT_FILE_BUDGET_MS, now: () => performance.now() },
    afterFile: heapPacer()
  }
  let results = lintFiles(inputs, options)

  if (args.fix) {
    const fixedInputs = inputs.map((input) => {
      const result = fixUntilStable(
        input.text,
        (text) => lintFiles([{ ...input, text }], options)[0].findings,
        (f) => f.fix !== undefined && (f.fix.safe || args.fixUnsafe)
      )
      if (result.text !== input.text) {
        const source = { ...sources.get(input.path)!, text: result.text }
        writeFileSync(fullPath.get(input.path)!, encodeSource(source))
        sources.set(input.path, source)
      }
      return { ...input, text: result.text }
    })
    results = lintFiles(fixedInputs, options)
  }

  io.stdout(render(results, args.format, errors, sources, io, args.color))
  const failing = results.some((r) => r.findings.some((f) => reaches(f.severity, config.failOn)))
  const broken =
    config.failOn !== 'none' && (errors.length > 0 || results.some((r) => r.errors.length > 0))
  return failing || broken ? 1 : 0
}

function render(
  results: FileResult[],
  format: string,
  errors: Array<{ file: string; message: string }>,
  sources: Map<string, Source>,
  io: LintIO,
  color: boolean | undefined
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toJsonReport(results, registry, errors), null, 2)}\n`
    case 'sarif':
      return `${JSON.stringify(toSarif(results, registry, { toolVersion: VERSION, extraErrors: errors }), null, 2)}\n`
    case 'github': {
      const { lines } = annotationCommands(results.flatMap((r) => r.findings))
      const problems = [
        ...errors,
        ...results.flatMap((r) => r.errors.map((message) => ({ file: r.path, message })))
      ]
      return [...lines, ...problems.map((e) => `::error file=${e.file}::${e.message}`)]
        .map((l) => `${l}\n`)
        .join('')
    }
    default: {
      const useColor = color ?? (io.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb')
      return formatTty(results, registry, {
        color: useColor,
        sources: new Map([...sources].map(([k, v]) => [k, v.text])),
        extraErrors: errors
      })
    }
  }
}
