import { describe, expect, it } from 'vitest'
import { LineIndex } from '../../src/core/text.js'
import type { Fix, Position } from '../../src/core/types.js'
import { fixToLines } from '../../src/core/fixes.js'
import { applySuggestion, lint } from '../review/lint.js'

const at = (line: number, column: number): Position => ({ line, column })
const fix = (...edits: Array<[Position, Position, string]>): Fix => ({
  description: 'd',
  safe: true,
  edits: edits.map(([start, end, text]) => ({ range: { start, end }, text }))
})

describe('fixToLines', () => {
  const text = 'FROM a\nRUN b\nCMD c\n'
  const lines = new LineIndex(text)
  it('replaces whole lines around an in-line edit', () => {
    expect(fixToLines(lines, fix([at(2, 5), at(2, 6), 'bb']))).toEqual({
      startLine: 2,
      endLine: 2,
      before: ['RUN b'],
      after: ['RUN bb']
    })
  })
  it('deletes a whole line with an empty replacement', () => {
    expect(fixToLines(lines, fix([at(2, 1), at(3, 1), '']))).toEqual({
      startLine: 2,
      endLine: 2,
      before: ['RUN b'],
      after: []
    })
  })
  it('an insertion repeats the anchor line', () => {
    expect(fixToLines(lines, fix([at(3, 1), at(3, 1), 'USER x\n']))?.after).toEqual([
      'USER x',
      'CMD c'
    ])
  })
  it('an insertion at the end of the file anchors on the last real line', () => {
    const change = fixToLines(lines, fix([at(4, 1), at(4, 1), 'USER x\n']))
    expect(change).toMatchObject({ startLine: 3, endLine: 3, after: ['CMD c', 'USER x'] })
  })
  it('joining two lines covers both', () => {
    const change = fixToLines(lines, fix([at(2, 6), at(3, 1), ' && ']))
    expect(change).toMatchObject({ startLine: 2, endLine: 3, after: ['RUN b && CMD c'] })
  })
  it('is undefined for a fix that changes nothing or overlaps itself', () => {
    expect(fixToLines(lines, fix([at(2, 5), at(2, 6), 'b']))).toBeUndefined()
    expect(
      fixToLines(lines, fix([at(2, 1), at(2, 4), 'x'], [at(2, 2), at(2, 5), 'y']))
    ).toBeUndefined()
  })
  it('drops CR from CRLF lines', () => {
    const crlf = new LineIndex('FROM a\r\nRUN b\r\n')
    expect(fixToLines(crlf, fix([at(2, 5), at(2, 6), 'bb']))).toMatchObject({
      before: ['RUN b'],
      after: ['RUN bb']
    })
  })
})

describe('real rule fixes become suggestions that fix the finding', () => {
  const cases: Array<[string, string]> = [
    [
      'DL3014',
      'FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl=1 && rm -rf /var/lib/apt/lists/*\n'
    ],
    ['DL3059', 'FROM debian:12\nRUN echo a\nRUN echo b\n'],
    [
      'DL3009',
      'FROM debian:12\r\nRUN apt-get update \\\r\n  && apt-get install -y --no-install-recommends curl=1\r\n'
    ],
    ['DC1006', 'version: "3.8"\nservices:\n  app:\n    image: nginx:1.27\n']
  ]
  it.each(cases)('%s', (rule, text) => {
    const path = rule.startsWith('DC') ? 'compose.yaml' : 'Dockerfile'
    const kind = rule.startsWith('DC') ? 'compose' : 'dockerfile'
    const finding = lint(text, path, kind).find((f) => f.rule === rule)
    expect(finding?.fix).toBeDefined()
    const change = fixToLines(new LineIndex(text), finding!.fix!)!
    const applied = applySuggestion(text, change.startLine, change.endLine, change.after)
    expect(lint(applied, path, kind).filter((f) => f.rule === rule)).toEqual([])
  })
})
