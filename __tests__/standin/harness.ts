import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  lstatSync,
  writeFileSync
} from 'node:fs'
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
 *
 * Every run is checked for token leaks before it returns (`findTokenLeaks`): stdout, stderr, every
 * file the run left in its runner folders (outputs, job summary, SARIF, report artifact) and every
 * request body and query the stand-in received, for each token as is and base64-encoded at any
 * alignment. A leak throws, so every end-to-end test asserts it.
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

/**
 * Client timings for every run: a request deadline far above any normal answer (the stand-in
 * answers in milliseconds) and a short back-off unit, so retried faults cost little time. Tests
 * override them through `env`.
 */
export const TEST_CLIENT_ENV = {
  DOCKER_REVIEW_REQUEST_TIMEOUT_MS: '10000',
  DOCKER_REVIEW_RETRY_BASE_MS: '100'
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
  /** Milliseconds from spawning the action to its exit. */
  elapsed: number
}

/** A place a token was found: `where` names the stream, file or request. */
export interface TokenLeak {
  where: string
  form: 'plain' | 'base64'
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}/g

/** Markdown's backslash escapes (`ghs\_…` renders as `ghs_…`). */
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g

/**
 * Does `text` hold `token`: as is, markdown-escaped, or inside a base64 (standard or URL-safe) run
 * at any alignment?
 */
export function tokenForm(text: string, token: string): TokenLeak['form'] | undefined {
  if (text.includes(token) || text.replace(BACKSLASH_ESCAPE, '$1').includes(token)) return 'plain'
  for (const m of text.matchAll(BASE64_RUN)) {
    const run = m[0].replace(/-/g, '+').replace(/_/g, '/')
    for (let skip = 0; skip < 4; skip++) {
      const decoded = Buffer.from(run.slice(skip), 'base64').toString('latin1')
      if (decoded.includes(token)) return 'base64'
    }
  }
  return undefined
}

/**
 * The files a run may have written: links are not followed (a test's checkout may hold links to
 * anything), and `.git/` is the runner's own (a test may store a credential there, as
 * actions/checkout does).
 */
function filesUnder(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue
    const full = join(dir, name)
    const stat = lstatSync(full)
    if (!stat.isFile() && !stat.isDirectory()) continue
    if (stat.isDirectory()) filesUnder(full, out)
    else if (stat.size < 50_000_000) out.push(full)
  }
  return out
}

/** Every place of a finished run that holds one of `tokens`. */
export function findTokenLeaks(
  tokens: readonly string[],
  places: ReadonlyArray<readonly [string, string]>
): TokenLeak[] {
  const leaks: TokenLeak[] = []
  for (const [where, text] of places) {
    for (const token of tokens) {
      const form = tokenForm(text, token)
      if (form) leaks.push({ where, form })
    }
  }
  return leaks
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
  const envPath = join(dir, 'env')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  writeFileSync(envPath, '')
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
        // A merge queue run is on the queue's branch, as on GitHub.
        GITHUB_REF:
          (options.payload.merge_group as { head_ref?: string } | undefined)?.head_ref ??
          (options.payload.ref as string | undefined) ??
          `refs/heads/${world.defaultBranch}`
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
    GITHUB_ENV: envPath,
    GITHUB_REPOSITORY: world.fullName,
    GITHUB_REPOSITORY_OWNER: world.owner,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.standin.url,
    GITHUB_GRAPHQL_URL: `${options.standin.url}/graphql`,
    GITHUB_SHA: options.sha ?? 'feedfacefeedfacefeedfacefeedfacefeedface',
    ...refs,
    GITHUB_WORKSPACE: workspace,
    ...TEST_CLIENT_ENV,
    'INPUT_GITHUB-TOKEN': options.token ?? TOKEN,
    // The posting mechanics are what these tests check: every finding may go inline unless a
    // test asks for the review policy's default (__tests__/e2e/policy.test.ts does).
    'INPUT_REVIEW-INLINE': 'all',
    ...Object.fromEntries(
      Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    ),
    ...(options.env ?? {})
  }
  const before = options.standin.log.length
  const started = Date.now()
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
    workspace,
    elapsed: Date.now() - started
  }
  const read = (path: string | undefined) =>
    path && existsSync(path) ? readFileSync(path, 'utf8') : undefined
  const sarif = read(result.outputs['sarif-file'])
  const report = read(result.outputs['report-file'])
  if (sarif !== undefined) result.sarif = sarif
  if (report !== undefined) result.report = report
  const places: Array<[string, string]> = [
    ['stdout', stdout],
    ['stderr', stderr],
    ...[...new Set([...filesUnder(dir), ...filesUnder(workspace)])].map(
      (file): [string, string] => [file, readFileSync(file, 'latin1')]
    ),
    ...result.requests.map((r, i): [string, string] => [
      `request ${i + 1} (${r.method} ${r.path}${r.query})`,
      `${r.path}${r.query}\n${JSON.stringify(r.body ?? null)}`
    ])
  ]
  if (sarif !== undefined) places.push(['sarif-file', sarif])
  if (report !== undefined) places.push(['report-file', report])
  rmSync(dir, { recursive: true, force: true })
  const tokens = [...new Set([TOKEN, READ_ONLY_TOKEN, options.token ?? TOKEN])]
  const leaks = findTokenLeaks(tokens, places)
  if (leaks.length > 0) {
    throw new Error(
      `the token leaked (${leaks.map((l) => `${l.form} in ${l.where}`).join('; ')}):\n${stdout}`
    )
  }
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
