import { describe, expect, it } from 'vitest'
import type { FileResult } from '../../src/lint/engine.js'
import { LineIndex } from '../../src/core/text.js'
import type { Finding, Fix, Position, Range } from '../../src/core/types.js'
import {
  checkAlone,
  checkFix,
  checkInput,
  emptyStats,
  invalidPosition,
  type FuzzInput
} from './properties.js'
import { EMPTY_WORKSPACE } from '../../src/lint/engine.js'
import { PROPERTIES, seedOf, shares } from './settings.js'

/**
 * The fuzz checks themselves: each one must catch the defect it is there for (a property that
 * cannot fail finds nothing), and let through what is legitimate.
 */

const pos = (line: number, column: number): Position => ({ line, column })
const range = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: pos(l1, c1),
  end: pos(l2, c2)
})
const fix = (...edits: Array<[Range, string]>): Fix => ({
  description: 'test fix',
  safe: true,
  edits: edits.map(([r, text]) => ({ range: r, text }))
})
const finding = (rule: string, r: Range, message = 'm', f?: Fix): Finding => ({
  rule,
  severity: 'warning',
  message,
  file: 'Dockerfile',
  range: r,
  ...(f ? { fix: f } : {})
})
const result = (...findings: Finding[]): FileResult => ({
  path: 'Dockerfile',
  kind: 'dockerfile',
  findings,
  errors: []
})
const input = (text: string, kind: 'dockerfile' | 'compose' = 'dockerfile'): FuzzInput => ({
  path: kind === 'dockerfile' ? 'Dockerfile' : 'compose.yaml',
  text,
  kind,
  workspace: EMPTY_WORKSPACE
})

describe('positions', () => {
  const lines = new LineIndex('ab\r\n😀x\ncd')
  it('accepts every real position, the end of each line included', () => {
    for (const p of [pos(1, 1), pos(1, 3), pos(2, 1), pos(2, 3), pos(2, 4), pos(3, 3)])
      expect(invalidPosition(lines, p), JSON.stringify(p)).toBeUndefined()
  })
  it('rejects columns past the line, between CR and LF, lines that do not exist', () => {
    expect(invalidPosition(lines, pos(1, 4))).toMatch(/column outside 1..3/)
    expect(invalidPosition(lines, pos(3, 4))).toMatch(/column outside/)
    expect(invalidPosition(lines, pos(4, 1))).toMatch(/line outside/)
    expect(invalidPosition(lines, pos(0, 1))).toMatch(/line outside/)
    expect(invalidPosition(lines, pos(1, 0))).toMatch(/column outside/)
  })
  it('rejects a position inside a surrogate pair', () => {
    expect(invalidPosition(lines, pos(2, 2))).toBe('inside a surrogate pair')
  })
})

describe('fixes (property 2)', () => {
  const text = 'FROM a\nRUN b\n'
  const lines = new LineIndex(text)

  it('accepts a well-formed fix and gives its text', () => {
    const checked = checkFix(text, lines, fix([range(2, 5, 2, 6), 'c'], [range(1, 6, 1, 7), 'x']))
    expect(checked.problems).toEqual([])
    expect(checked.fixed).toBe('FROM x\nRUN c\n')
  })
  it('catches overlapping edits and two insertions at one point', () => {
    expect(
      checkFix(text, lines, fix([range(2, 1, 2, 4), 'X'], [range(2, 3, 2, 6), 'Y'])).problems
    ).toEqual([expect.stringMatching(/overlap/)])
    expect(
      checkFix(text, lines, fix([range(2, 1, 2, 1), 'X'], [range(2, 1, 2, 1), 'Y'])).problems
    ).toEqual([expect.stringMatching(/overlap/)])
  })
  it('catches edits outside the text and fixes that change nothing', () => {
    expect(checkFix(text, lines, fix([range(2, 1, 2, 9), 'X'])).problems).toEqual([
      expect.stringMatching(/not a valid range: end column outside/)
    ])
    expect(checkFix(text, lines, fix([range(1, 1, 1, 5), 'FROM'])).problems).toEqual([
      'the fix changes nothing'
    ])
    expect(checkFix(text, lines, fix()).problems).toEqual(['fix has no edits'])
  })
})

describe('fixes applied alone (property 3)', () => {
  // `RUN b` with a finding on `b`; the fix rewrites it to `bc`.
  const text = 'FROM a\nRUN b\nRUN z\n'
  const fixB = fix([range(2, 6, 2, 6), 'c'])
  const onB = finding('DL9999', range(2, 5, 2, 6), 'm', fixB)

  it('catches the rule firing again at the fixed place', () => {
    const after = result(finding('DL9999', range(2, 5, 2, 7)))
    expect(checkAlone(input(text), result(onB), after, onB)).toEqual([
      expect.stringMatching(/fires again at the fixed place/)
    ])
  })
  it('lets the rule fire elsewhere, or where it already fired besides the fixed finding', () => {
    const elsewhere = result(finding('DL9999', range(3, 5, 3, 6)))
    expect(checkAlone(input(text), result(onB), elsewhere, onB)).toEqual([])
    const twice = finding('DL9999', range(2, 1, 2, 6))
    const stillThere = result(finding('DL9999', range(2, 1, 2, 7)))
    expect(checkAlone(input(text), result(onB, twice), stillThere, onB)).toEqual([])
  })
  it('does not count the text after a deletion as the deleted place', () => {
    const del = fix([range(2, 1, 3, 1), ''])
    const line2 = finding('DL9999', range(2, 1, 2, 4), 'm', del)
    const line3 = finding('DL9999', range(3, 1, 3, 4))
    const after = result(finding('DL9999', range(2, 1, 2, 4)))
    expect(checkAlone(input(text), result(line2, line3), after, line2)).toEqual([])
  })
  it('for catch-all rules, only the same message counts as firing again', () => {
    const dc = finding('DC0002', range(2, 5, 2, 6), "Unknown key 'servics'", fixB)
    const other = result(finding('DC0002', range(2, 5, 2, 7), 'services must be a mapping'))
    const same = result(finding('DC0002', range(2, 5, 2, 7), "Unknown key 'servics'"))
    expect(checkAlone(input(text, 'compose'), result(dc), other, dc)).toEqual([])
    expect(checkAlone(input(text, 'compose'), result(dc), same, dc)).toEqual([
      expect.stringMatching(/fires again/)
    ])
  })
  it('catches a new parse error, not one that was there (renamed in its message)', () => {
    const parse = (r: Range, message: string): Finding => ({
      ...finding('DL1000', r, message),
      severity: 'error'
    })
    const fresh = result(parse(range(3, 1, 3, 4), 'Unknown instruction `RUNX`.'))
    expect(checkAlone(input(text), result(onB), fresh, onB)).toEqual([
      expect.stringMatching(/adds a parse error/)
    ])
    const before = result(onB, parse(range(3, 1, 3, 4), '`RUN` has no flag `--x`'))
    const renamed = result(parse(range(3, 1, 3, 4), '`COPY` has no flag `--x`'))
    expect(checkAlone(input(text), before, renamed, onB)).toEqual([])
  })
  it('lets a fix delete the only instruction, not leave a file DL1000 calls empty otherwise', () => {
    const noInstructions: Finding = {
      ...finding('DL1000', range(1, 1, 1, 1), 'The Dockerfile has no instructions.'),
      severity: 'error'
    }
    const only = 'ENV A=1\n'
    const drop = finding('DL9999', range(1, 5, 1, 8), 'm', fix([range(1, 1, 2, 1), '']))
    expect(checkAlone(input(only), result(drop), result(noInstructions), drop)).toEqual([])
    const partial = finding('DL9999', range(1, 5, 1, 8), 'm', fix([range(1, 5, 1, 8), 'B=2']))
    expect(checkAlone(input(only), result(partial), result(noInstructions), partial)).toEqual([
      expect.stringMatching(/adds a parse error/)
    ])
  })
  it('catches a file error after the fix', () => {
    const crashed = { ...result(), errors: ['internal error in rule DL9999: boom'] }
    expect(checkAlone(input(text), result(onB), crashed, onB)).toEqual([
      expect.stringMatching(/file error after the fix: internal error/)
    ])
  })
})

describe('whole inputs through the engine', () => {
  it('checks every fixable finding of a file alone and until stable', () => {
    const stats = emptyStats()
    checkInput(
      input('FROM debian:12\nRUN apt-get update && apt-get install curl\nRUN echo hi\n'),
      stats
    )
    expect(stats.findings).toBeGreaterThan(3)
    expect(stats.fixes).toBeGreaterThanOrEqual(3)
    expect(stats.fixPasses).toBeGreaterThanOrEqual(1)
  })
})

describe('the plan', () => {
  it('splits any FUZZ_RUNS exactly over the properties, with a seed each', () => {
    for (const total of [0, 1, 7, 1_200, 100_000]) {
      const split = shares(total)
      expect([...split.keys()]).toEqual(PROPERTIES.map((p) => p.name))
      expect([...split.values()].reduce((a, b) => a + b, 0)).toBe(total)
    }
    expect(Math.min(...shares(100_000).values())).toBe(25_000)
    expect(new Set(PROPERTIES.map((p) => seedOf(p.name))).size).toBe(PROPERTIES.length)
  })
})
