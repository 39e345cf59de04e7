import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { parse } from 'yaml'
import { READ_ONLY_TOKEN, ROOT, TOKEN, type RunResult } from '../standin/harness.js'
import {
  checkSuggestion,
  ourComments,
  stickyComments,
  suggestionLines
} from '../standin/scenario.js'
import type { Standin } from '../standin/server.js'

/** Checks every end-to-end run makes on what GitHub and the runner would show. */

/** The token appears nowhere: logs, outputs, summary, files written, comments. */
export function expectNoTokenLeak(run: RunResult, standin: Standin): void {
  const places = [
    run.stdout,
    run.stderr,
    run.summary,
    JSON.stringify(run.outputs),
    ...standin.world.issueComments.map((c) => c.body),
    ...standin.world.threads.flatMap((t) => t.comments.map((c) => c.body))
  ]
  if (run.sarif) places.push(run.sarif)
  if (run.report) places.push(run.report)
  for (const text of places) {
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain(READ_ONLY_TOKEN)
  }
}

/** The stand-in saw only requests GitHub's API description allows, and nothing foreign was touched. */
export function expectCleanTraffic(run: RunResult, standin: Standin): void {
  expect(standin.problems).toEqual([])
  expect(standin.foreignTouches).toEqual([])
  // GITHUB_SHA is the merge commit on pull requests: it must never reach the API.
  for (const r of run.requests) expect(JSON.stringify(r)).not.toContain('feedface')
  const reviews = run.requests.filter(
    (r) => r.operation.startsWith('pulls/create-review ') || r.operation === 'pulls/create-review'
  )
  for (const r of reviews) {
    const body = r.body as { event?: string; commit_id?: string }
    expect(body.event).toBe('COMMENT')
    expect(body.commit_id).toMatch(/^[0-9a-f]{40}$/)
  }
}

/** Every suggestion applies to the head file and makes its finding go away. */
export function expectSuggestionsFix(standin: Standin, number: number): number {
  const world = standin.world
  const head = world.pulls.get(number)!.headSha
  let count = 0
  for (const comment of ourComments(world, number)) {
    if (comment.line === null || !suggestionLines(comment.body)) continue
    expect(
      checkSuggestion(world, head, comment),
      `${comment.path}:${comment.line}\n${comment.body}`
    ).toBeUndefined()
    count++
  }
  return count
}

/** Exactly one sticky summary comment. */
export function expectOneSticky(standin: Standin, number: number): string {
  const sticky = stickyComments(standin.world, number)
  expect(sticky).toHaveLength(1)
  return sticky[0]
}

export const writes = (run: RunResult) => run.requests.filter((r) => r.write)

/** Annotation commands the run printed, as `{level, file, line}`. */
export function annotations(
  run: RunResult
): Array<{ level: string; file: string; line: number; message: string }> {
  return [
    ...run.stdout.matchAll(/^::(error|warning|notice) file=([^,]*),line=(\d+)[^:]*::(.*)$/gm)
  ].map((m) => ({
    level: m[1],
    file: m[2],
    line: Number(m[3]),
    message: m[4]
  }))
}

const declared = (() => {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  return new Set(Object.keys((parse(text) as { outputs: Record<string, unknown> }).outputs))
})()

/** Every output the run set is declared (and so documented) in action.yml. */
export function expectDeclaredOutputs(run: RunResult): void {
  for (const name of Object.keys(run.outputs))
    expect(declared.has(name), `output ${name}`).toBe(true)
}
