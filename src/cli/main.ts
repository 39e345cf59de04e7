import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { ConfigError } from '../config/config.js'
import type { Budget } from '../lint/engine.js'
import type { Tools } from '../core/tools.js'
import { VERSION } from '../version.js'
import { CliError, UsageError } from './args.js'
import { runLint } from './lint.js'
import type { LintWorkers } from './pool.js'
import type { runTagsCli } from './tags.js'

export const USAGE = `docker-review ${VERSION}: review Dockerfiles and compose files; compute PR-safe image tags.

Usage:
  docker-review lint [paths… | -] [--format FORMAT] [--fix] [--config FILE]
                     [--kind dockerfile|compose] [--fail-on LEVEL] [--enable-all]
                     (FORMAT: tty, json, sarif, github, gitlab, checkstyle, rdjson)
  docker-review tags [--event-name NAME --ref REF --sha SHA] [--images …] [--tags …] [--format lines|json|env]
  docker-review --version | --help

Run 'docker-review <command> --help' for the options of a command.
`

export interface CliIO {
  cwd: string
  env: Record<string, string | undefined>
  /** Text, or UTF-8 bytes (a report made in a worker comes as bytes). */
  stdout(text: string | Uint8Array): void
  stderr(text: string): void
  /** Is stdout a terminal (colours)? */
  isTTY: boolean
  /** Is stderr a terminal (the progress line)? Default false. */
  stderrIsTTY?: boolean
  /** The whole standard input, for `lint -`. */
  readStdin?: () => Buffer
  /** Milliseconds on a monotonic clock, for the progress line (default performance.now). */
  clock?: () => number
  tools: () => Tools
  now(): Date
  /** Time budget per file for `lint` (default: 10 s on the process clock). */
  budget?: Budget
  /**
   * The `tags` command (src/cli/tags.ts). Injected rather than imported: it brings Handlebars and
   * moment-timezone (1.8 MB of the bundle), which a `lint` never needs; the process edge loads it
   * only for `tags` (src/cli/start.ts).
   */
  tags?: typeof runTagsCli
  /** Worker threads for a `lint` of many files (src/cli/pool.ts); none: all in this thread. */
  workers?: LintWorkers
}

/**
 * The CLI: returns the exit code (0 ok; 1 findings at/above --fail-on or a file not linted; 2 usage,
 * path or configuration error, or a crash). Every exit-2 error is one line on stderr (a config
 * file's schema problems follow it, one per line, located), never a stack trace. A promise when a
 * `lint` ran in worker threads (io.workers).
 */
export function runCli(
  argv: string[],
  io: CliIO & { workers: LintWorkers }
): number | Promise<number>
export function runCli(argv: string[], io: CliIO): number
export function runCli(argv: string[], io: CliIO): number | Promise<number> {
  const [command, ...rest] = argv
  const failed = (error: unknown): number => {
    if (error instanceof UsageError) {
      io.stderr(`docker-review: ${error.message} (see 'docker-review ${command} --help')\n`)
    } else if (error instanceof CliError || error instanceof ConfigError) {
      io.stderr(`docker-review: ${error.message}\n`)
    } else {
      io.stderr(
        `docker-review: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
      )
    }
    return 2
  }
  try {
    switch (command) {
      case 'lint': {
        const { workers } = io
        const code = workers ? runLint(rest, { ...io, workers }) : runLint(rest, io)
        return typeof code === 'number' ? code : code.catch(failed)
      }
      case 'tags':
        if (!io.tags) throw new Error('the tags command was not loaded')
        io.workers?.did?.('tags')
        return io.tags(rest, {
          env: io.env,
          readFile: (path) => readFileSync(path, 'utf8'),
          writeFile: (path, text) => {
            mkdirSync(dirname(path), { recursive: true })
            writeFileSync(path, text)
          },
          stdout: io.stdout,
          stderr: io.stderr,
          now: io.now
        })
      case '--version':
      case '-v':
      case 'version':
        io.stdout(`${VERSION}\n`)
        return 0
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE)
        return command === undefined ? 2 : 0
      default:
        io.stderr(`docker-review: unknown command '${command}'\n\n${USAGE}`)
        return 2
    }
  } catch (error) {
    return failed(error)
  }
}
