import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { LineIndex } from '../../src/core/text.js'
import { detectKind } from '../../src/detect.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { registry } from '../../src/rules/index.js'
import {
  BOT,
  READ_ONLY_TOKEN,
  runAction,
  TOKEN,
  type RunOptions,
  type RunResult
} from './harness.js'
import { pullRequestPayload } from './payloads.js'
import { startStandin, type Standin } from './server.js'
import { World, type Content, type ReviewComment } from './state.js'

/**
 * A pull request in the stand-in, ready to be reviewed by the built action, plus the checks an
 * end-to-end test makes on what GitHub would show.
 */

export interface Scenario {
  world: World
  standin: Standin
  number: number
  /** Run the action on the pull request's current head. */
  review(
    options?: Partial<RunOptions> & { fork?: boolean; action?: 'opened' | 'synchronize' }
  ): Promise<RunResult>
  push(changes: Record<string, Content | null>): string
  close(): Promise<void>
}

export async function pullRequestScenario(
  base: Record<string, Content>,
  head: Record<string, Content | null>,
  options: { number?: number } = {}
): Promise<Scenario> {
  const world = new World()
  world.addToken(TOKEN, BOT)
  world.addToken(READ_ONLY_TOKEN, { ...BOT, write: false })
  const baseSha = world.commit(base, { message: 'base' })
  world.branches.set(world.defaultBranch, baseSha)
  const headSha = world.commit(head, { parent: baseSha, message: 'head' })
  const number = options.number ?? 1
  world.openPull({ number, base: baseSha, head: headSha })
  const standin = await startStandin(world)
  return {
    world,
    standin,
    number,
    review: (run = {}) =>
      runAction({
        standin,
        event: 'pull_request',
        payload: pullRequestPayload(world, number, { fork: run.fork, action: run.action }),
        ...run
      }),
    push: (changes) => world.push(number, changes),
    close: () => standin.close()
  }
}

/** Run `fn` on a fresh pull request scenario and always shut the stand-in down. */
export async function withPullRequest<T>(
  base: Record<string, Content>,
  head: Record<string, Content | null>,
  fn: (scenario: Scenario) => Promise<T>
): Promise<T> {
  const scenario = await pullRequestScenario(base, head)
  try {
    return await fn(scenario)
  } finally {
    await scenario.close()
  }
}

/** Files of a folder as a tree (`examples/head` → { Dockerfile: … }). */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8')
    }
  }
  walk(dir)
  return out
}

/** The tree `head` as changes over `base` (paths only in base are deleted). */
export function changesFrom(
  base: Record<string, Content>,
  head: Record<string, Content>
): Record<string, Content | null> {
  const out: Record<string, Content | null> = { ...head }
  for (const path of Object.keys(base)) if (!(path in head)) out[path] = null
  return out
}

/** Our inline comments as GitHub shows them (first comment of each thread we started). */
export function ourComments(world: World, number: number): ReviewComment[] {
  return world
    .threadsOf(number)
    .map((t) => t.comments[0])
    .filter((c) => c.author.login === BOT.login && parseInlineMarker(c.body) !== undefined)
}

export function stickyComments(world: World, number: number): string[] {
  return world.issueComments
    .filter((c) => c.issueNumber === number && c.author.login === BOT.login)
    .map((c) => c.body)
}

export function suggestionLines(body: string): string[] | undefined {
  const m = /^(`{3,})suggestion\n([\s\S]*?)^\1$/m.exec(body)
  if (!m) return undefined
  return m[2] === '' ? [] : m[2].replace(/\n$/, '').split('\n')
}

/** Apply a suggestion as GitHub's "Commit suggestion" does: lines start..end replaced, EOLs kept. */
export function applySuggestion(text: string, start: number, end: number, after: string[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  if (end > lines.length || start < 1) throw new Error(`lines ${start}-${end} are not in the file`)
  lines.splice(start - 1, end - start + 1, ...after)
  return lines.join(eol)
}

function lint(path: string, text: string) {
  return lintText(
    { path, text, kind: detectKind(path) ?? 'dockerfile' },
    { registry, config: DEFAULT_CONFIG }
  ).findings
}

/**
 * Does the comment's suggestion apply cleanly to the head file and make its finding go away?
 * Returns a reason when it does not.
 */
export function checkSuggestion(
  world: World,
  headSha: string,
  comment: ReviewComment
): string | undefined {
  const after = suggestionLines(comment.body)
  if (!after) return 'no suggestion block'
  const text = world.tree(headSha)!.get(comment.path) as string
  const start = comment.startLine ?? comment.line!
  let applied: string
  try {
    applied = applySuggestion(text, start, comment.line!, after)
  } catch (error) {
    return (error as Error).message
  }
  const marker = parseInlineMarker(comment.body)!
  const findings = lint(comment.path, applied)
  const still = fingerprints(comment.path, new LineIndex(applied), findings)
  const end = start + after.length - 1
  // The same fingerprint elsewhere is the next occurrence of the same text taking its index.
  const again = findings.filter(
    (f, i) =>
      still[i] === marker.fingerprint && f.range.start.line >= start && f.range.start.line <= end
  )
  if (again.length > 0) {
    // A thread of several findings: its suggestion combines the fixes it has, which may not
    // include the leading finding's (one without a fix); one of them must go away.
    const gone = marker.also.filter(
      (fp) =>
        !findings.some(
          (f, i) => still[i] === fp && f.range.start.line >= start && f.range.start.line <= end
        )
    )
    if (gone.length > 0) return undefined
    return `finding ${marker.rule} (${marker.fingerprint}) is still there`
  }
  const same = findings.filter(
    (f) => f.rule === marker.rule && f.range.start.line >= start && f.range.start.line <= end
  )
  if (same.length > 0) return `${marker.rule} still fires on the suggested lines`
  return undefined
}
