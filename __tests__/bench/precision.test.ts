import { describe, expect, it } from 'vitest'
import { readVerdicts, score } from '../../bench/precision/score.js'
import { random, type SampledFinding } from '../../bench/precision/sample.js'

const finding = (id: string, cls: SampledFinding['class'], review: 'inline' | 'summary') =>
  ({ id, class: cls, review }) as SampledFinding

describe('bench/precision', () => {
  it('the draw is reproducible from its seed', () => {
    const a = random(13)
    const b = random(13)
    const c = random(14)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toEqual(first)
    expect([c(), c(), c()]).not.toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('scores all findings and the inline ones per class; TPs are never dropped', () => {
    const sample = [
      finding('dockerfile-1', 'dockerfile', 'inline'),
      finding('dockerfile-2', 'dockerfile', 'inline'),
      finding('dockerfile-3', 'dockerfile', 'summary'),
      finding('compose-1', 'compose', 'summary')
    ]
    const verdicts = readVerdicts(
      'dockerfile-1\tTP\tpin it\ndockerfile-2\tFP\twrong\ndockerfile-3\tTP\ttrue\ncompose-1\tNOISE\tboilerplate\n'
    )
    const s = score(sample, verdicts)
    expect(s.dockerfile).toEqual({ n: 3, tp: 2, inline: 2, inlineTp: 1, kept: 2 })
    expect(s.compose).toEqual({ n: 1, tp: 0, inline: 0, inlineTp: 0, kept: 0 })
    expect(score(sample, verdicts, () => 'inline').dockerfile.inlineTp).toBe(2)
  })

  it('refuses unjudged findings and judgments without a reason', () => {
    expect(() => readVerdicts('dockerfile-1\tTP\t\n')).toThrow(/bad judgment/)
    expect(() => readVerdicts('dockerfile-1\tMAYBE\twhy\n')).toThrow(/bad judgment/)
    expect(() => score([finding('x-1', 'compose', 'inline')], new Map())).toThrow(/not judged/)
  })
})
