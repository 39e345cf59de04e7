import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { parse } from 'yaml'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import { lintText } from '../../src/lint/engine.js'
import { LineIndex } from '../../src/core/text.js'
import { detectKind } from '../../src/detect.js'
import { inScope, type FilterMode } from '../../src/diff/filter.js'
import type { Range } from '../../src/core/types.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { isRollUp, ownerOf, ownerSpans } from '../../src/review/rollup.js'
import { registry } from '../../src/rules/index.js'
import { findTokenLeaks, READ_ONLY_TOKEN, ROOT, TOKEN, type RunResult } from '../standin/harness.js'
import {
  checkSuggestion,
  ourComments,
  stickyComments,
  suggestionLines
} from '../standin/scenario.js'
import type { Standin } from '../standin/server.js'

/** Checks every end-to-end run makes on what GitHub and the runner would show. */

/**
 * The token appears nowhere: logs, outputs, summary, files written (the harness checked those, and
 * every request body, already) and what the pull request shows — as is or base64-encoded.
 */
export function expectNoTokenLeak(run: RunResult, standin: Standin): void {
  const places: Array<[string, string]> = [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ['outputs', JSON.stringify(run.outputs)],
    ...standin.world.issueComments.map((c): [string, string] => [`issue comment ${c.id}`, c.body]),
    ...standin.world.threads.flatMap((t) =>
      t.comments.map((c): [string, string] => [`review comment ${c.id}`, c.body])
    ),
    ...standin.world.reviews.map((r): [string, string] => [`review ${r.id}`, r.body])
  ]
  if (run.sarif) places.push(['sarif', run.sarif])
  if (run.report) places.push(['report', run.report])
  expect(findTokenLeaks([TOKEN, READ_ONLY_TOKEN], places)).toEqual([])
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

/** A workflow command's escaped property or data, decoded as the runner decodes it. */
export function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

export interface Annotation {
  level: string
  file: string
  line: number
  /** The `title` property (`RULE (severity)`). */
  title: string
  message: string
}

/** Annotation commands the run printed, decoded. */
export function annotations(run: RunResult): Annotation[] {
  return [...run.stdout.matchAll(/^::(error|warning|notice) ([^:]*)::(.*)$/gm)].flatMap((m) => {
    const props = new Map(
      m[2].split(',').map((p) => {
        const eq = p.indexOf('=')
        return [p.slice(0, eq), unescapeCommand(p.slice(eq + 1))] as const
      })
    )
    if (!props.has('file')) return []
    return [
      {
        level: m[1],
        file: props.get('file')!,
        line: Number(props.get('line')),
        title: props.get('title') ?? '',
        message: unescapeCommand(m[3])
      }
    ]
  })
}

/** A finding of the run (from its SARIF log) and where a reader finds it. */
export interface ReportedFinding {
  rule: string
  file: string
  line: number
  /** On the lines the filter mode counts (the verdict's findings; the others are summary-only). */
  inScope: boolean
  /** One of our inline comments carries it (by fingerprint). */
  inline: boolean
  /** An annotation names its file, line and rule. */
  annotation: boolean
  /** A row of the job summary names its rule and `file:line`. */
  summary: boolean
}

/**
 * Every finding of the run (SARIF, so out-of-scope ones too) with the channels that report it:
 * inline comments on the pull request (matched by fingerprint, recomputed from the head file),
 * annotations, and the job summary's tables.
 */
export function reportedFindings(
  run: RunResult,
  standin: Standin,
  number: number,
  mode: FilterMode = 'added'
): ReportedFinding[] {
  expect(run.sarif, 'the run wrote no SARIF file').toBeDefined()
  const sarif = JSON.parse(run.sarif!) as {
    runs: Array<{
      results: Array<{
        ruleId?: string
        locations?: Array<{
          physicalLocation?: {
            artifactLocation?: { uri?: string }
            region?: {
              startLine?: number
              startColumn?: number
              endLine?: number
              endColumn?: number
            }
          }
        }>
      }>
    }>
  }
  const world = standin.world
  const pull = world.pulls.get(number)!
  const head = world.tree(pull.headSha)!
  // A thread carries every finding of its instruction: its own fingerprint and the others'.
  const inlineFps = new Set(
    ourComments(world, number).flatMap((c) => {
      const marker = parseInlineMarker(c.body)!
      return [marker.fingerprint, ...marker.also]
    })
  )
  const ours = ourComments(world, number)
  /**
   * Findings of external tools (ShellCheck, and DR0010 for a script it was not given) are not
   * re-linted here: matched by rule and line.
   */
  const onLine = (rule: string, file: string, line: number): boolean =>
    (rule.startsWith('SC') || rule === 'DR0010') &&
    ours.some(
      (c) =>
        c.path === file &&
        (parseInlineMarker(c.body)!.rule === rule || c.body.includes(`${rule}]`)) &&
        c.line !== null &&
        (c.startLine ?? c.line) <= line &&
        line <= c.line
    )
  const notes = annotations(run)
  const summaryRows = run.summary.split('\n').filter((l) => l.startsWith('| '))
  const fpsByFile = new Map<string, Map<string, string>>()
  const fingerprintOf = (file: string, rule: string, line: number, column: number): string => {
    let byPlace = fpsByFile.get(file)
    if (!byPlace) {
      byPlace = new Map()
      const text = head.get(file)
      if (typeof text === 'string') {
        const findings = lintText(
          { path: file, text, kind: detectKind(file) ?? 'dockerfile' },
          { registry, config: DEFAULT_CONFIG }
        ).findings
        const fps = fingerprints(file, new LineIndex(text), findings)
        findings.forEach((f, i) =>
          byPlace!.set(`${f.rule} ${f.range.start.line}:${f.range.start.column}`, fps[i])
        )
      }
      fpsByFile.set(file, byPlace)
    }
    return byPlace.get(`${rule} ${line}:${column}`) ?? ''
  }
  /**
   * A roll-up (an absence check of a whole service or stage) is in scope when the change touches
   * its service's or stage's lines (the models delimit them), else by its own lines.
   */
  const scopeOf = (file: string, rule: string, range: Range): Range => {
    const text = head.get(file)
    if (!isRollUp(rule) || typeof text !== 'string') return range
    const owner = ownerOf(
      ownerSpans({ path: file, kind: detectKind(file) ?? 'dockerfile', text }),
      range.start.line
    )
    return owner
      ? { start: { line: owner.start, column: 1 }, end: { line: owner.end, column: 2 } }
      : range
  }
  const results = sarif.runs.flatMap((r) => r.results)
  return results
    .filter((r) => r.ruleId && r.locations?.[0]?.physicalLocation?.region?.startLine)
    .map((r) => {
      const location = r.locations![0].physicalLocation!
      const file = location.artifactLocation!.uri!.split('/').map(decodeURIComponent).join('/')
      const region = location.region!
      const line = region.startLine!
      const column = region.startColumn ?? 1
      const rule = r.ruleId!
      const range = {
        start: { line, column },
        end: { line: region.endLine ?? line, column: region.endColumn ?? column }
      }
      const place = `${file}:${line}`.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/\|/g, '\\|')
      return {
        rule,
        file,
        line,
        inScope: inScope(world.diffAt(pull, pull.headSha, file), scopeOf(file, rule, range), mode),
        inline: inlineFps.has(fingerprintOf(file, rule, line, column)) || onLine(rule, file, line),
        annotation: notes.some(
          (a) => a.file === file && a.line === line && a.title.startsWith(`${rule} `)
        ),
        summary: summaryRows.some((row) => row.includes(`[${rule}]`) && row.includes(place))
      }
    })
}

/**
 * Every finding is reported somewhere: inline, as an annotation, or in the job summary. Returns
 * the findings in scope (the ones the verdict counts), with where each went.
 */
export function expectEveryFindingReported(
  run: RunResult,
  standin: Standin,
  number: number
): ReportedFinding[] {
  const found = reportedFindings(run, standin, number)
  expect(found.length, 'the run found nothing to report').toBeGreaterThan(0)
  const lost = found.filter((f) => !f.inline && !f.annotation && !f.summary)
  expect(lost, 'findings reported nowhere').toEqual([])
  // Findings outside the changes do not count: the summary lists them, nothing else.
  for (const f of found.filter((x) => !x.inScope)) {
    expect(f, 'a finding outside the changes').toMatchObject({ summary: true, inline: false })
  }
  return found.filter((f) => f.inScope)
}

/** No finding has two of our comments, and there is at most one sticky summary. */
export function expectNoDuplicates(standin: Standin, number: number): void {
  const fps = ourComments(standin.world, number).map((c) => parseInlineMarker(c.body)!.fingerprint)
  expect(fps.length - new Set(fps).size, 'duplicate inline comments').toBe(0)
  expect(stickyComments(standin.world, number).length).toBeLessThanOrEqual(1)
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

/** Findings our threads carry: each thread names its own and the others of its instruction. */
export function threadFindings(standin: Standin, number: number): number {
  return ourComments(standin.world, number).reduce(
    (n, c) => n + 1 + (parseInlineMarker(c.body)?.also.length ?? 0),
    0
  )
}
