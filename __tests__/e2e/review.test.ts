import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../src/config/config.js'
import { LineIndex } from '../../src/core/text.js'
import { detectKind } from '../../src/detect.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { lastLineOf } from '../../src/diff/patch.js'
import { lintText } from '../../src/lint/engine.js'
import { fingerprints } from '../../src/review/fingerprint.js'
import { parseInlineMarker } from '../../src/review/marker.js'
import { registry } from '../../src/rules/index.js'
import { measureRequestBudget } from '../standin/budget.js'
import { checkout, READ_ONLY_TOKEN, ROOT } from '../standin/harness.js'
import {
  applySuggestion,
  changesFrom,
  ourComments,
  withPullRequest,
  readTree,
  stickyComments,
  suggestionLines
} from '../standin/scenario.js'
import {
  annotations,
  expectCleanTraffic,
  expectDeclaredOutputs,
  expectEveryFindingReported,
  expectNoDuplicates,
  expectNoTokenLeak,
  expectOneSticky,
  expectSuggestionsFix,
  threadFindings,
  writes
} from './checks.js'

/**
 * The built action (dist/index.js) reviewing pull requests in the GitHub API stand-in: what the
 * pull request shows after each run, how many requests it took, and what the step reported.
 */

const base = readTree(join(ROOT, 'examples/base'))
const head = readTree(join(ROOT, 'examples/head'))

const APT = 'FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo a\nRUN echo b\n'

const lintHead = (path: string, text: string) =>
  lintText(
    { path, text, kind: detectKind(path) ?? 'dockerfile' },
    { registry, config: DEFAULT_CONFIG }
  ).findings

describe.concurrent('pull request review (end to end)', () => {
  it('request budget of the example pull request: first run ≤ 5, re-run ≤ 3 with no writes', async () => {
    const budget = await measureRequestBudget()
    expect(budget.firstRun).toBeLessThanOrEqual(5)
    expect(budget.firstRunWrites).toBe(2)
    expect(budget.rerun).toBeLessThanOrEqual(3)
    expect(budget.rerunWrites).toBe(0)
  })

  it('first run: one review with suggestions that apply and fix, a sticky summary, ≤ 5 requests', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      const run = await s.review()
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.requests.length).toBeLessThanOrEqual(5)
      expect(run.requests.map((r) => r.operation.split(' ')[0])).toEqual([
        'pulls/list-files',
        'graphql:query',
        'graphql:query',
        'pulls/create-review',
        'issues/create-comment'
      ])
      expectCleanTraffic(run, s.standin)
      expectNoTokenLeak(run, s.standin)
      expectDeclaredOutputs(run)
      const comments = ourComments(s.world, 1)
      expect(comments.length).toBeGreaterThan(3)
      expect(s.world.reviews).toHaveLength(1)
      expect(s.world.reviews[0].state).toBe('COMMENTED')
      // Every comment sits on an added line of the diff (the stand-in enforced the hunks).
      expect(comments.every((c) => c.line !== null)).toBe(true)
      expect(expectSuggestionsFix(s.standin, 1)).toBeGreaterThanOrEqual(3)
      // Multi-line suggestion: DL3059 merges lines 5–6.
      const merge = comments.find((c) => parseInlineMarker(c.body)?.rule === 'DL3059')!
      expect([merge.startLine, merge.line]).toEqual([5, 6])
      // Deletion suggestion: an empty block.
      const version = comments.find((c) => parseInlineMarker(c.body)?.rule === 'DC1006')!
      expect(version.body).toMatch(/```suggestion\n```/)
      // The finding outside the diff (FROM node:latest, line 1) is in the summary only.
      expect(comments.some((c) => c.path === 'Dockerfile' && c.line === 1)).toBe(false)
      const sticky = expectOneSticky(s.standin, 1)
      expect(sticky).toMatch(/outside the changes \(not counted\)[\s\S]*DL3007[\s\S]*Dockerfile:1/)
      expect(sticky).toContain('`pr-1`')
      expect(run.summary).toContain('### docker-review')
      // Outputs: counts in scope, the verdict, the SARIF file, the tags.
      expect(Number(run.outputs.findings)).toBe(threadFindings(s.standin, 1))
      expect(run.outputs.result).toBe('success')
      expect(run.outputs.tags).toContain('pr-1')
      const sarif = JSON.parse(run.sarif!)
      expect(sarif.version).toBe('2.1.0')
      expect(sarif.runs[0].results.length).toBe(Number(run.outputs['all-findings']))
    })
  })

  it('applying every suggestion at once (a batch) leaves no safe-fixable finding on those lines; one thread per instruction', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      const run = await s.review()
      expect(run.code, run.stdout + run.stderr).toBe(0)
      const tree = s.world.tree(s.world.pulls.get(1)!.headSha)!
      const comments = ourComments(s.world, 1)
      let combined = 0
      for (const path of new Set(comments.map((c) => c.path))) {
        const text = tree.get(path) as string
        const found = lintHead(path, text)
        const fps = fingerprints(path, new LineIndex(text), found)
        const mine = comments.filter((c) => c.path === path)
        // One thread per instruction: the findings leading two threads never share one.
        if (detectKind(path) === 'dockerfile') {
          const instructions = parseDockerfile(path, text).instructions
          const leads = mine.map((c) => {
            const at = fps.indexOf(parseInlineMarker(c.body)!.fingerprint)
            expect(at, `the finding leading ${path}:${c.line}`).toBeGreaterThanOrEqual(0)
            const line = found[at].range.start.line
            return instructions.findIndex(
              (i) => i.range.start.line <= line && line <= i.range.end.line
            )
          })
          expect(new Set(leads).size).toBe(leads.length)
        }
        // At most one suggestion per comment; GitHub's batch needs them on distinct lines.
        const withBlock = mine
          .filter((c) => suggestionLines(c.body))
          .sort((a, b) => (a.startLine ?? a.line!) - (b.startLine ?? b.line!))
        let applied = text
        let delta = 0
        let previousEnd = 0
        const spans: Array<[number, number]> = []
        for (const c of withBlock) {
          expect(c.body.match(/^`{3,}suggestion$/gm)).toHaveLength(1)
          if (/fixes at once/.test(c.body)) combined++
          const start = c.startLine ?? c.line!
          expect(start).toBeGreaterThan(previousEnd)
          previousEnd = c.line!
          const after = suggestionLines(c.body)!
          applied = applySuggestion(applied, start + delta, c.line! + delta, after)
          spans.push([start + delta, start + delta + after.length - 1])
          delta += after.length - (c.line! - start + 1)
        }
        const left = lintHead(path, applied).filter(
          (f) =>
            f.fix?.safe &&
            spans.some(([a, b]) => f.range.start.line <= b && lastLineOf(f.range) >= a)
        )
        expect(left.map((f) => `${path}:${f.range.start.line} ${f.rule}`)).toEqual([])
      }
      // The example's apt-get line gets one suggestion combining its fixes.
      expect(combined).toBeGreaterThanOrEqual(1)
    })
  })

  it('re-runs on the same head: no writes, ≤ 3 requests; five runs leave exactly the comments of one', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      await s.review()
      const first = ourComments(s.world, 1).map((c) => `${c.id} ${c.path}:${c.line} ${c.body}`)
      for (let i = 0; i < 4; i++) {
        const run = await s.review({ action: 'synchronize' })
        expect(run.code).toBe(0)
        expect(writes(run)).toEqual([])
        expect(run.requests.length).toBeLessThanOrEqual(3)
        expectCleanTraffic(run, s.standin)
      }
      expect(ourComments(s.world, 1).map((c) => `${c.id} ${c.path}:${c.line} ${c.body}`)).toEqual(
        first
      )
      expectOneSticky(s.standin, 1)
      expect(s.world.reviews).toHaveLength(1)
    })
  })

  it('a push that fixes findings deletes their comments, and resolves the thread a human replied to', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      await s.review()
      const before = ourComments(s.world, 1)
      const merge = before.find((c) => parseInlineMarker(c.body)?.rule === 'DL3059')!
      s.world.reply(merge.id, 'octocat', 'Keeping them apart on purpose for now.')
      s.push({
        Dockerfile:
          'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\nRUN echo a && echo b\nUSER 65534\n'
      })
      const run = await s.review({ action: 'synchronize' })
      expectCleanTraffic(run, s.standin)
      const after = ourComments(s.world, 1)
      const stale = before.filter((c) => c.id !== merge.id)
      for (const c of stale) expect(after.some((a) => a.id === c.id)).toBe(false)
      const thread = s.world.threads.find((t) => t.comments[0].id === merge.id)!
      expect(thread.isResolved).toBe(true)
      expect(thread.comments).toHaveLength(2)
      expect(run.requests.filter((r) => r.operation.startsWith('graphql:mutation'))).toHaveLength(1)
      expect(run.requests.length).toBeLessThanOrEqual(5)
      expectOneSticky(s.standin, 1)
    })
  })

  it('a push that moves lines keeps every comment once, at its new line', async () => {
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: APT }, async (s) => {
      await s.review()
      const before = new Map(ourComments(s.world, 1).map((c) => [c.id, c.line!]))
      s.push({
        Dockerfile: `FROM debian:12\n# build tools\n# (pinned below)\n\n${APT.slice('FROM debian:12\n'.length)}`
      })
      const run = await s.review({ action: 'synchronize' })
      expect(run.requests.some((r) => r.operation.startsWith('pulls/create-review'))).toBe(false)
      const after = ourComments(s.world, 1)
      expect(after.map((c) => c.id).sort()).toEqual([...before.keys()].sort())
      // The FROM line stays where it was (a roll-up of the changed stage, DR1004, sits on it).
      for (const c of after) {
        const was = before.get(c.id)!
        expect(c.line).toBe(was === 1 ? 1 : was + 3)
      }
      const fps = after.map((c) => parseInlineMarker(c.body)!.fingerprint)
      expect(new Set(fps).size).toBe(fps.length)
      expectSuggestionsFix(s.standin, 1)
      expectCleanTraffic(run, s.standin)
    })
  })

  it('fork pull request (read-only token): annotations and the job summary, said once, verdict unchanged', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      const run = await s.review({
        fork: true,
        token: READ_ONLY_TOKEN,
        inputs: { 'fail-on': 'warning' }
      })
      expect(run.code).toBe(1)
      expect(run.outputs.result).toBe('failure')
      expect(writes(run)).toHaveLength(1)
      expect(writes(run)[0].status).toBe(403)
      expect(ourComments(s.world, 1)).toEqual([])
      expect(stickyComments(s.world, 1)).toEqual([])
      expect(run.stdout.match(/^::warning::Could not post review comments/gm)).toHaveLength(1)
      expect(run.summary).toContain('Resource not accessible by integration')
      const notes = annotations(run)
      expect(notes.length).toBeGreaterThan(0)
      expect(notes.filter((a) => a.level === 'warning').length).toBeLessThanOrEqual(10)
      expect(notes.some((a) => a.file === 'Dockerfile' && a.line === 4)).toBe(true)
      // The failure message is one line, and takes one of the 10 error slots.
      expect(run.stdout).toMatch(
        /^::error::\d+ findings? at or above `warning` on the changed lines \(first: [^)]+\)\.$/m
      )
      expectNoTokenLeak(run, s.standin)
      // Every finding in the job summary, marked not posted; the most severe also annotated.
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => !f.inline && f.summary)).toBe(true)
      expect(found.filter((f) => f.annotation).length).toBe(notes.length)
      expect(run.summary.match(/_\(not posted\)_/g)).toHaveLength(found.length)
    })
  })

  it('skips posting when the head moved while the run was linting', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      let pushed = false
      s.standin.onRequest((r) => {
        if (!pushed && r.operation.startsWith('graphql:query')) {
          pushed = true
          s.push({ 'Dockerfile.dev': 'FROM alpine:3.20\n' })
        }
      })
      const run = await s.review()
      expect(writes(run)).toEqual([])
      expect(ourComments(s.world, 1)).toEqual([])
      expect(run.summary).toMatch(/head moved to [0-9a-f]{7}/)
      expect(annotations(run).length).toBeGreaterThan(0)
      expect(run.code).toBe(0)
      expectNoDuplicates(s.standin, 1)
      const found = expectEveryFindingReported(run, s.standin, 1)
      expect(found.every((f) => !f.inline && (f.annotation || f.summary))).toBe(true)
    })
  })

  it('reads a checkout at the head from disk: list files, base config, one GraphQL read, review, summary', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      const workspace = checkout(s.world, s.world.pulls.get(1)!.headSha)
      const run = await s.review({ workspace })
      expect(run.stdout).toContain('Reading files from the checkout')
      // The configuration is read at the base commit (`config-from: base`), the files from disk.
      expect(run.requests.map((r) => r.operation.split(' ')[0])).toEqual([
        'pulls/list-files',
        'graphql:query',
        'graphql:query',
        'pulls/create-review',
        'issues/create-comment'
      ])
      const headOnly = await s.review({ workspace, inputs: { 'config-from': 'head' } })
      expect(headOnly.requests.map((r) => r.operation.split(' ')[0])).toEqual([
        'pulls/list-files',
        'graphql:query'
      ])
      expectSuggestionsFix(s.standin, 1)
      expect(existsSync(join(workspace, 'docker-review.sarif'))).toBe(true)
    })
  })

  it('CRLF file: suggestions carry no CR, say so, and apply cleanly', async () => {
    const crlf =
      'FROM debian:12\r\nRUN apt-get update && apt-get install -y --no-install-recommends curl=1\r\nRUN echo a\r\nRUN echo b\r\n'
    await withPullRequest({ Dockerfile: 'FROM debian:12\r\n' }, { Dockerfile: crlf }, async (s) => {
      const run = await s.review()
      expect(run.code).toBe(0)
      const comments = ourComments(s.world, 1)
      expect(comments.some((c) => c.body.includes('CRLF'))).toBe(true)
      for (const c of comments) expect(c.body).not.toContain('\r')
      expect(expectSuggestionsFix(s.standin, 1)).toBeGreaterThanOrEqual(2)
    })
  })

  it('a backtick fence inside a RUN heredoc cannot break out of the suggestion', async () => {
    const text =
      'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl=1 && echo "```" && echo "````"\nEOF\n'
    await withPullRequest({ Dockerfile: 'FROM debian:12\n' }, { Dockerfile: text }, async (s) => {
      await s.review()
      // One thread for the RUN (lines 2–5) carries the suggestion, fenced longer than any run inside.
      const onLine4 = ourComments(s.world, 1).filter(
        (c) => (c.startLine ?? c.line)! <= 4 && c.line! >= 4 && /^`{5}suggestion$/m.test(c.body)
      )
      expect(onLine4).toHaveLength(1)
      expect(expectSuggestionsFix(s.standin, 1)).toBeGreaterThanOrEqual(1)
    })
  })

  it('fail-on decides the exit code with a one-line reason; reporting still happens', async () => {
    await withPullRequest(base, changesFrom(base, head), async (s) => {
      const run = await s.review({ inputs: { 'fail-on': 'warning', 'max-comments': '2' } })
      expect(run.code).toBe(1)
      expect(ourComments(s.world, 1)).toHaveLength(2)
      const sticky = expectOneSticky(s.standin, 1)
      expect(sticky).toContain('beyond `max-comments`')
      expect(sticky).toContain('❌')
      // Findings beyond the cap are annotated.
      expect(annotations(run).length).toBeGreaterThan(0)
    })
  })
})
