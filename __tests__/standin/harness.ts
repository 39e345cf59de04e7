import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LoggedRequest, Standin } from './server.js'
import type { Content, World } from './state.js'

/**
 * Runs the built action (`dist/index.js`) the way a runner does: a child process with `INPUT_*`
 * variables (hyphens kept), `GITHUB_EVENT_PATH`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, the API
 * URLs pointing at the stand-in, and a `GITHUB_SHA` that is a merge commit the stand-in does not
 * know (so using it fails loudly).
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DIST = join(ROOT, 'dist/index.js')

export const TOKEN = 'ghs_standinWriteToken000000000000000000'
export const READ_ONLY_TOKEN = 'ghs_standinReadOnlyToken0000000000000'
export const BOT = { login: 'github-actions[bot]', type: 'Bot' as const, write: true }

export function requireDist(): void {
  if (!existsSync(DIST)) {
    throw new Error(`${DIST} is missing: run \`npm run package\` before the end-to-end tests`)
  }
}

export interface RunOptions {
  standin: Standin
  event: string
  payload: Record<string, unknown>
  inputs?: Record<string, string>
  token?: string
  /** A folder to use as GITHUB_WORKSPACE (default: an empty temporary folder, no checkout). */
  workspace?: string
  env?: Record<string, string>
  /** GITHUB_SHA; default a merge commit unknown to the stand-in. */
  sha?: string
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Requests this run made. */
  requests: LoggedRequest[]
  workspace: string
  /** Contents of the files named by the `sarif-file` and `report-file` outputs. */
  sarif?: string
  report?: string
}

/** Parse a GITHUB_OUTPUT file (`name<<delimiter` blocks and `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i++])
      out[heredoc[1]] = value.join('\n')
      continue
    }
    const eq = lines[i].indexOf('=')
    if (eq > 0) out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1)
  }
  return out
}

export async function runAction(options: RunOptions): Promise<RunResult> {
  requireDist()
  const dir = mkdtempSync(join(tmpdir(), 'docker-review-e2e-'))
  const workspace = options.workspace ?? join(dir, 'workspace')
  mkdirSync(workspace, { recursive: true })
  const eventPath = join(dir, 'event.json')
  const outputPath = join(dir, 'output')
  const summaryPath = join(dir, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const world = options.standin.world
  const pull = options.payload.pull_request as
    { number: number; head: { ref: string }; base: { ref: string } } | undefined
  const refs: Record<string, string> = pull
    ? {
        GITHUB_REF: `refs/pull/${pull.number}/merge`,
        GITHUB_HEAD_REF: pull.head.ref,
        GITHUB_BASE_REF: pull.base.ref
      }
    : {
        GITHUB_REF:
          (options.payload.ref as string | undefined) ?? `refs/heads/${world.defaultBranch}`
      }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_REPOSITORY: world.fullName,
    GITHUB_REPOSITORY_OWNER: world.owner,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.standin.url,
    GITHUB_GRAPHQL_URL: `${options.standin.url}/graphql`,
    GITHUB_SHA: options.sha ?? 'feedfacefeedfacefeedfacefeedfacefeedface',
    ...refs,
    GITHUB_WORKSPACE: workspace,
    'INPUT_GITHUB-TOKEN': options.token ?? TOKEN,
    ...Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    ),
    ...(options.env ?? {})
  }
  const before = options.standin.log.length
  const child = spawn(process.execPath, [DIST], {
    env,
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  const code = await new Promise<number>((resolveCode) =>
    child.on('close', (c) => resolveCode(c ?? -1))
  )
  const result: RunResult = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    requests: options.standin.log.slice(before),
    workspace
  }
  const read = (path: string | undefined) =>
    path && existsSync(path) ? readFileSync(path, 'utf8') : undefined
  const sarif = read(result.outputs['sarif-file'])
  const report = read(result.outputs['report-file'])
  if (sarif !== undefined) result.sarif = sarif
  if (report !== undefined) result.report = report
  rmSync(dir, { recursive: true, force: true })
  return result
}

/** A checkout of `sha` in a temporary folder: the tree's files plus `.git/HEAD`. */
export function checkout(world: World, sha: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'docker-review-checkout-'))
  for (const [path, content] of world.tree(sha)!) {
    const full = join(dir, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content as Content)
  }
  mkdirSync(join(dir, '.git'))
  writeFileSync(join(dir, '.git/HEAD'), `${sha}\n`)
  return dir
}
