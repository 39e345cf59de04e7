import { describe, expect, it } from 'vitest'
import { applyFixes, fixToLines as linesOf, fixUntilStable } from '../../src/core/fixes.js'
import { LineIndex } from '../../src/core/text.js'
import type { Finding, Fix, Range } from '../../src/core/types.js'

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, column: sc },
  end: { line: el, column: ec }
})
const fix = (...edits: Array<[Range, string]>): Fix => ({
  description: 'd',
  safe: true,
  edits: edits.map(([range, text]) => ({ range, text }))
})

describe('applyFixes', () => {
  it('applies non-overlapping fixes in one pass, in any input order', () => {
    const out = applyFixes('abc\ndef\n', [fix([r(2, 1, 2, 2), 'D']), fix([r(1, 4, 1, 4), '!'])])
    expect(out.text).toBe('abc!\nDef\n')
    expect(out.skipped).toEqual([])
  })
  it('skips a fix that overlaps an earlier one (first wins) and keeps each fix atomic', () => {
    const a = fix([r(1, 1, 1, 3), 'XY'])
    const b = fix([r(1, 2, 1, 4), 'Q'], [r(2, 1, 2, 1), 'never'])
    const out = applyFixes('abc\ndef\n', [b, a])
    expect(out.text).toBe('XYc\ndef\n')
    expect(out.applied).toEqual([a])
    expect(out.skipped).toEqual([b])
  })
  it('treats two insertions at the same point as a conflict', () => {
    const out = applyFixes('ab', [fix([r(1, 2, 1, 2), '1']), fix([r(1, 2, 1, 2), '2'])])
    expect(out.text).toBe('a1b')
    expect(out.skipped.length).toBe(1)
  })
  it('edits CRLF text by line and column without touching line breaks', () => {
    expect(applyFixes('a\r\nb\r\n', [fix([r(2, 2, 2, 2), '!'])]).text).toBe('a\r\nb!\r\n')
  })
})

describe('fixUntilStable', () => {
  it('repeats passes until nothing changes, at most 10', () => {
    // A fake rule: every `x` becomes `y`, one per pass (so overlapping work needs several passes).
    const lint = (text: string): Finding[] => {
      const i = text.indexOf('x')
      if (i < 0) return []
      return [
        {
          rule: 'T',
          severity: 'info',
          message: '',
          file: 'f',
          range: r(1, i + 1, 1, i + 2),
          fix: fix([r(1, i + 1, 1, i + 2), 'y'])
        }
      ]
    }
    expect(fixUntilStable('xxx', lint).text).toBe('yyy')
    expect(fixUntilStable('xxx', lint).passes).toBe(3)
    expect(fixUntilStable('x'.repeat(20), lint).passes).toBe(10)
  })
  it('only applies the fixes the selector accepts', () => {
    const lint = (text: string): Finding[] =>
      text.includes('x')
        ? [
            {
              rule: 'T',
              severity: 'info',
              message: '',
              file: 'f',
              range: r(1, 1, 1, 2),
              fix: { ...fix([r(1, 1, 1, 2), 'y']), safe: false }
            }
          ]
        : []
    expect(fixUntilStable('x', lint).text).toBe('x')
    expect(fixUntilStable('x', lint, () => true).text).toBe('y')
  })
})

const fixToLines = (text: string, f: Fix): ReturnType<typeof linesOf> =>
  linesOf(new LineIndex(text), f)

describe('fixToLines', () => {
  const text = 'FROM a\nRUN x\nRUN y\n'
  it('widens an in-line edit to its whole line', () => {
    expect(fixToLines(text, fix([r(2, 6, 2, 6), ' && z']))).toEqual({
      startLine: 2,
      endLine: 2,
      before: ['RUN x'],
      after: ['RUN x && z']
    })
  })
  it('a whole-line deletion has no replacement lines', () => {
    expect(fixToLines(text, fix([r(2, 1, 3, 1), '']))).toEqual({
      startLine: 2,
      endLine: 2,
      before: ['RUN x'],
      after: []
    })
  })
  it('an insertion at a line start repeats the anchor line', () => {
    expect(fixToLines(text, fix([r(3, 1, 3, 1), 'COPY a b\n']))).toEqual({
      startLine: 3,
      endLine: 3,
      before: ['RUN y'],
      after: ['COPY a b', 'RUN y']
    })
  })
  it('a multi-line fix spans all the lines its edits touch', () => {
    expect(fixToLines(text, fix([r(2, 6, 2, 6), ' && \\'], [r(3, 1, 3, 5), '    ']))).toEqual({
      startLine: 2,
      endLine: 3,
      before: ['RUN x', 'RUN y'],
      after: ['RUN x && \\', '    y']
    })
  })
  it('CRLF lines come back without their terminators', () => {
    expect(fixToLines('a\r\nb\r\n', fix([r(1, 2, 1, 2), '!']))).toEqual({
      startLine: 1,
      endLine: 1,
      before: ['a'],
      after: ['a!']
    })
  })
})
