import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/core/types.js'
import { detectKind } from '../../src/detect.js'
import { lastLineOf, parsePatch } from '../../src/diff/patch.js'
import type { InlineComment } from '../../src/review/comment.js'
import { draftReview, type ReviewDraft } from '../../src/review/draft.js'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import { unifiedPatch } from '../standin/linediff.js'
import { readTree } from '../standin/scenario.js'
import { ROOT } from '../standin/harness.js'
import { applySuggestion, lint, suggestionOf } from './lint.js'

/**
 * Issue 13's done-when, through src/ (the e2e twin in __tests__/e2e/review.test.ts runs the built
 * dist/): one thread per instruction with one combined suggestion, and applying every suggestion
 * of a review at once leaves no safe-fixable finding on the lines they changed.
 */

type Tree = Record<string, string>
/** Lines a suggestion now occupies; `unsafe` for a "Check before applying" one. */
interface Span {
  start: number
  end: number
  unsafe: boolean
}
const docsUrl = (rule: string) => `https://docs.example/${rule}`
/** Every finding may go inline (`review-inline: all`): the suggestions are what is tested. */
const options = { filterMode: 'added' as const, maxComments: 50, suggestions: true, docsUrl }

function lintFile(path: string, text: string): Finding[] {
  return lint(text, path, detectKind(path) ?? 'dockerfile')
}

function review(base: Tree, head: Tree): ReviewDraft {
  const files = Object.keys(head)
    .filter((path) => detectKind(path) !== undefined && head[path] !== base[path])
    .map((path) => ({
      path,
      kind: detectKind(path)!,
      text: head[path],
      diff: parsePatch(unifiedPatch(base[path] ?? '', head[path])),
      findings: lintFile(path, head[path]),
      errors: []
    }))
  return draftReview(files, options)
}

/**
 * Every suggestion of the review applied at once, as GitHub's "Add suggestion to batch" does:
 * the new tree and, per file, the lines the suggestions now occupy.
 */
function applyAll(
  head: Tree,
  comments: readonly InlineComment[]
): { tree: Tree; changed: Map<string, Span[]> } {
  const tree = { ...head }
  const changed = new Map<string, Span[]>()
  const withBlock = comments.filter((c) => c.suggestion)
  for (const path of new Set(withBlock.map((c) => c.path))) {
    const mine = withBlock
      .filter((c) => c.path === path)
      .sort((a, b) => (a.startLine ?? a.line) - (b.startLine ?? b.line))
    let text = head[path]
    let delta = 0
    let previousEnd = 0
    const spans: Span[] = []
    for (const c of mine) {
      const start = c.startLine ?? c.line
      // GitHub refuses a batch whose suggestions share a line.
      expect(start, `${path}: suggestions overlap at line ${start}`).toBeGreaterThan(previousEnd)
      previousEnd = c.line
      const after = suggestionOf(c.body)!
      text = applySuggestion(text, start + delta, c.line + delta, after)
      spans.push({
        start: start + delta,
        end: start + delta + after.length - 1,
        unsafe: c.body.includes('⚠️ Check before applying:')
      })
      delta += after.length - (c.line - start + 1)
    }
    tree[path] = text
    changed.set(path, spans)
  }
  return { tree, changed }
}

/** Findings with a safe fix on the given lines. */
function safeFixableOn(path: string, text: string, spans: readonly Span[]): string[] {
  return lintFile(path, text)
    .filter((f) => f.fix?.safe)
    .filter((f) => spans.some((s) => f.range.start.line <= s.end && lastLineOf(f.range) >= s.start))
    .map((f) => `${path}:${f.range.start.line} ${f.rule}`)
}

/** No two threads on one Dockerfile instruction; each comment carries at most one suggestion. */
function expectOneThreadPerInstruction(head: Tree, draft: ReviewDraft): void {
  for (const c of draft.inline) {
    expect((c.body.match(/^`{3,}suggestion$/gm) ?? []).length, c.body).toBeLessThanOrEqual(1)
  }
  for (const path of new Set(draft.inline.map((c) => c.path))) {
    if (detectKind(path) !== 'dockerfile') continue
    const starts = parseDockerfile(path, head[path]).instructions.map((i) => i.range)
    const instructionOf = (line: number) =>
      starts.findIndex((r) => r.start.line <= line && line <= r.end.line)
    // A thread is keyed by the instruction of its lead finding's first line.
    const keys = draft.findings
      .filter((s) => s.comment?.path === path && s.comment.fingerprint === s.fingerprint)
      .map((s) => instructionOf(s.finding.range.start.line))
    expect(new Set(keys).size, path).toBe(keys.length)
  }
}

const example = {
  base: readTree(join(ROOT, 'examples/base')),
  head: readTree(join(ROOT, 'examples/head'))
}

/** update alone, install without -y/recommends, three single-command RUNs. */
const APT = {
  base: { Dockerfile: 'FROM debian:12.8\nCMD ["bash"]\n' } as Tree,
  head: {
    Dockerfile:
      'FROM debian:12.8\nRUN apt-get update\nRUN apt-get install curl\nRUN echo a\nRUN echo b\nCMD ["bash"]\n'
  } as Tree
}

describe('applying every suggestion of a review at once', () => {
  it.each([
    ['npm start’s example pull request', example],
    ['apt and consecutive RUNs', APT]
  ])(
    '%s: one thread per instruction, and no safe-fixable finding left on the changed lines',
    (_name, pr) => {
      const draft = review(pr.base, pr.head)
      expectOneThreadPerInstruction(pr.head, draft)
      // One combined suggestion carries several fixes.
      expect(draft.inline.some((c) => c.suggestion && /fixes at once/.test(c.body))).toBe(true)
      const { tree, changed } = applyAll(pr.head, draft.inline)
      expect(changed.size).toBeGreaterThan(0)
      for (const [path, spans] of changed)
        expect(safeFixableOn(path, tree[path], spans)).toEqual([])
    }
  )

  it('review, apply all, repeat: a few rounds leave no safe fix anywhere in the changed files', () => {
    for (const pr of [example, APT]) {
      let head = pr.head
      let rounds = 0
      for (; rounds < 5; rounds++) {
        const draft = review(pr.base, head)
        expectOneThreadPerInstruction(head, draft)
        if (!draft.inline.some((c) => c.suggestion)) break
        const { tree, changed } = applyAll(head, draft.inline)
        // A safe suggestion leaves nothing safe-fixable; an unsafe one (merging two RUNs) may make
        // a new finding (the merged RUN now installs: DL3009), which the next round fixes.
        for (const [path, spans] of changed) {
          const safe = spans.filter((x) => !x.unsafe)
          expect(safeFixableOn(path, tree[path], safe)).toEqual([])
        }
        head = tree
      }
      expect(rounds).toBeLessThan(5)
      for (const path of Object.keys(head).filter((p) => detectKind(p) && head[p] !== pr.base[p])) {
        expect(
          lintFile(path, head[path])
            .filter((f) => f.fix?.safe)
            .map((f) => f.rule),
          path
        ).toEqual([])
      }
    }
  })
})
