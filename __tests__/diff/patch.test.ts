import { describe, expect, it } from 'vitest'
import { commentSpan, inOneHunk, lastLineOf, parsePatch } from '../../src/diff/patch.js'
import { inScope } from '../../src/diff/filter.js'

// Two hunks, CRLF content, and a "no newline" marker, as GitHub sends a CRLF file's patch.
const CRLF_PATCH = [
  '@@ -1,4 +1,5 @@\r',
  ' FROM debian:12\r',
  '-RUN apt-get update\r',
  '+RUN apt-get update \\\r',
  '+  && apt-get install -y curl\r',
  ' WORKDIR /app\r',
  ' COPY . .\r',
  '@@ -20,2 +21,2 @@ CMD x\r',
  ' USER app\r',
  '-EXPOSE 80\r',
  '\\ No newline at end of file\r',
  '+EXPOSE 8080\r',
  '\\ No newline at end of file'
].join('\n')

describe('parsePatch', () => {
  it('maps head lines of every hunk, added and context, and strips CR', () => {
    const diff = parsePatch(CRLF_PATCH)
    expect(diff.hasPatch).toBe(true)
    expect(diff.hunks.map((h) => [h.newStart, h.newLines])).toEqual([
      [1, 5],
      [21, 2]
    ])
    expect([...diff.right].map(([line, at]) => [line, at.hunk, at.added])).toEqual([
      [1, 0, false],
      [2, 0, true],
      [3, 0, true],
      [4, 0, false],
      [5, 0, false],
      [21, 1, false],
      [22, 1, true]
    ])
  })

  it('has nothing commentable without a patch (binary or too large)', () => {
    expect(parsePatch(undefined).hasPatch).toBe(false)
    expect(parsePatch(undefined).right.size).toBe(0)
  })

  it('reads a new file (@@ -0,0 +1,N @@) and a one-line hunk without counts', () => {
    const added = parsePatch('@@ -0,0 +1,2 @@\n+FROM a\n+RUN b')
    expect([...added.right.keys()]).toEqual([1, 2])
    const single = parsePatch('@@ -3 +3 @@\n-x\n+y')
    expect([...single.right]).toEqual([[3, { hunk: 0, added: true }]])
  })

  it('uses hunk lengths, so content looking like a header is not a header', () => {
    const diff = parsePatch('@@ -1,2 +1,3 @@\n a\n+@@ -9,9 +9,9 @@\n b')
    expect(diff.hunks).toHaveLength(1)
    expect([...diff.right.keys()]).toEqual([1, 2, 3])
  })
})

describe('hunk geometry', () => {
  const diff = parsePatch(CRLF_PATCH)
  it('inOneHunk needs both ends and everything between in the same hunk', () => {
    expect(inOneHunk(diff, 2, 5)).toBe(true)
    expect(inOneHunk(diff, 5, 21)).toBe(false)
    expect(inOneHunk(diff, 6, 6)).toBe(false)
    expect(inOneHunk(diff, 3, 2)).toBe(false)
  })
  it('commentSpan prefers the run with an added line, then the longest', () => {
    expect(commentSpan(diff, 4, 22)).toEqual({ start: 21, end: 22 })
    expect(commentSpan(diff, 1, 2)).toEqual({ start: 1, end: 2 })
    expect(commentSpan(diff, 6, 20)).toBeUndefined()
    expect(commentSpan(diff, 4, 7)).toEqual({ start: 4, end: 5 })
  })
  it('lastLineOf stops before an end at column 1', () => {
    expect(lastLineOf({ start: { line: 2, column: 1 }, end: { line: 4, column: 1 } })).toBe(3)
    expect(lastLineOf({ start: { line: 2, column: 1 }, end: { line: 2, column: 1 } })).toBe(2)
    expect(lastLineOf({ start: { line: 2, column: 3 }, end: { line: 4, column: 2 } })).toBe(4)
  })
})

describe('filter modes', () => {
  const diff = parsePatch(CRLF_PATCH)
  const at = (a: number, b = a) => ({ start: { line: a, column: 1 }, end: { line: b, column: 9 } })
  it('added counts only + lines', () => {
    expect(inScope(diff, at(2), 'added')).toBe(true)
    expect(inScope(diff, at(4), 'added')).toBe(false)
    expect(inScope(diff, at(4, 21), 'added')).toBe(false)
    expect(inScope(diff, at(4, 22), 'added')).toBe(true)
  })
  it('diff_context counts any hunk line', () => {
    expect(inScope(diff, at(4), 'diff_context')).toBe(true)
    expect(inScope(diff, at(10), 'diff_context')).toBe(false)
  })
  it('file counts any line of a changed file; nofilter counts everything', () => {
    expect(inScope(diff, at(10), 'file')).toBe(true)
    expect(inScope(undefined, at(10), 'file')).toBe(false)
    expect(inScope(undefined, at(10), 'nofilter')).toBe(true)
  })
  it('a range longer than the diff is checked against the diff lines', () => {
    expect(inScope(diff, at(3, 5000), 'added')).toBe(true)
    expect(inScope(diff, at(23, 5000), 'diff_context')).toBe(false)
  })
})
