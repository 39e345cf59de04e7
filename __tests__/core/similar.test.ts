import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editDistance, editDistanceAtMost } from '../../src/core/similar.js'

describe('editDistanceAtMost', () => {
  it('says whether editDistance is at most k, for every k', () => {
    // A small alphabet makes matches, transpositions and near misses common.
    const word = fc.stringMatching(/^[abAB_1]{0,9}$/)
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        expect(editDistanceAtMost(a, b, k)).toBe(editDistance(a, b) <= k)
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 5000) }
    )
  })

  it('counts an adjacent transposition as one edit', () => {
    expect(editDistanceAtMost('node_env', 'ndoe_env', 1)).toBe(true)
    expect(editDistanceAtMost('abcd', 'badc', 1)).toBe(false)
    expect(editDistanceAtMost('abcd', 'badc', 2)).toBe(true)
    expect(editDistanceAtMost('', 'ab', 2)).toBe(true)
    expect(editDistanceAtMost('', 'abc', 2)).toBe(false)
  })
})
