import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli, type CliIO } from '../../src/cli/main.js'

/** A temporary directory holding `files` (path → content). */
export function sandbox(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-cli-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), content)
  }
  return dir
}

export interface Run {
  code: number
  out: string
  err: string
}

/** The CLI in this process, with a quiet, non-terminal IO unless `io` says otherwise. */
export function cliWith(cwd: string, io: Partial<CliIO>, ...argv: string[]): Run {
  let out = ''
  let err = ''
  const full: CliIO = {
    cwd,
    env: {},
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
    tools: () => ({}),
    now: () => new Date('2026-01-01T00:00:00Z'),
    ...io
  }
  return { code: runCli(argv, full), out, err }
}

export function cli(cwd: string, ...argv: string[]): Run {
  return cliWith(cwd, {}, ...argv)
}

const ROOT = join(import.meta.dirname, '../..')
const ENTRY = join(ROOT, 'src/cli/index.ts')
/** tsx's loader by URL: the child runs in a sandbox, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href

/** The real entry point in a child process (through tsx), stdin from `input`. */
export function spawnCli(
  cwd: string,
  argv: string[],
  options: { input?: string; env?: Record<string, string> } = {}
): Run {
  const child = spawnSync(process.execPath, ['--import', TSX, ENTRY, ...argv], {
    cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    timeout: 60_000
  })
  return { code: child.status ?? -1, out: child.stdout, err: child.stderr }
}
