import { describe, expect, it } from 'vitest'
import { keyOf, readVerdicts, score, wilson } from '../../bench/precision/score.js'
import { draw, random, type SampledFinding } from '../../bench/precision/sample.js'

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

  it('draws the stratum reproducibly, all of a class when the pool is smaller', () => {
    const pool = Array.from({ length: 300 }, (_, i) => ({
      class: (i < 2 ? 'shellcheck' : i < 150 ? 'dockerfile' : 'compose') as SampledFinding['class'],
      review: 'inline' as const,
      line: i
    })) as Array<Omit<SampledFinding, 'id'>>
    const a = draw(pool, random(16), 'inline-')
    const b = draw(pool, random(16), 'inline-')
    expect(a.sizes).toEqual({ dockerfile: 148, compose: 150, shellcheck: 2 })
    expect(a.sample.filter((f) => f.class === 'dockerfile')).toHaveLength(100)
    expect(a.sample.filter((f) => f.class === 'compose')).toHaveLength(60)
    expect(
      a.sample
        .filter((f) => f.class === 'shellcheck')
        .map((f) => f.line)
        .sort()
    ).toEqual([0, 1])
    expect(a.sample[0].id).toBe('inline-dockerfile-1')
    expect(b.sample.map((f) => `${f.id}@${f.line}`)).toEqual(
      a.sample.map((f) => `${f.id}@${f.line}`)
    )
    expect(draw(pool, random(17), 'inline-').sample.map((f) => f.line)).not.toEqual(
      a.sample.map((f) => f.line)
    )
  })

  it('caps one repository at its share of a class', () => {
    const pool = Array.from({ length: 400 }, (_, i) => ({
      class: 'dockerfile' as const,
      review: 'inline' as const,
      repo: i < 300 ? 'big/repo' : `r/${i % 40}`,
      line: i
    })) as Array<Omit<SampledFinding, 'id'>>
    const uncapped = draw(pool, random(3), 'inline-')
    expect(uncapped.sample.filter((f) => f.repo === 'big/repo').length).toBeGreaterThan(50)
    const capped = draw(pool, random(3), 'inline-', 0.1)
    const perRepo = new Map<string, number>()
    for (const f of capped.sample) perRepo.set(f.repo, (perRepo.get(f.repo) ?? 0) + 1)
    expect(capped.sample).toHaveLength(100)
    expect(Math.max(...perRepo.values())).toBe(10)
    expect(capped.skipped.dockerfile).toBeGreaterThan(0)
  })

  it('gives the 95 % Wilson interval', () => {
    const [lo, hi] = wilson(54, 100)
    expect(lo).toBeCloseTo(0.443, 3)
    expect(hi).toBeCloseTo(0.634, 3)
    expect(wilson(0, 2)[0]).toBe(0)
    expect(wilson(0, 2)[1]).toBeCloseTo(0.658, 3)
    expect(wilson(10, 10)[1]).toBe(1)
    expect(wilson(0, 0)).toEqual([0, 1])
  })

  it('matches findings across draws by repository, path, line and rule', () => {
    const f = { repo: 'o/r', path: 'a/Dockerfile', line: 3, rule: 'DL3006' }
    expect(keyOf(f)).toBe(keyOf({ ...f }))
    expect(keyOf(f)).not.toBe(keyOf({ ...f, line: 4 }))
    expect(keyOf(f)).not.toBe(keyOf({ ...f, rule: 'DL3007' }))
    expect(keyOf(f)).not.toBe(keyOf({ ...f, repo: 'o/s' }))
  })
})
