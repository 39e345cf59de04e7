import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasWildcard, wildcardMatch } from '../../src/core/glob.js'

/** The same pattern as a (backtracking, so only for short inputs) regular expression. */
function reference(pattern: string, text: string): boolean {
  const body = pattern
    .replace(/[.+^${}()|\\[\]]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 's').test(text)
}

describe('wildcardMatch', () => {
  it('matches *, ? and sets like a shell glob, over whole names and paths', () => {
    expect(wildcardMatch('requirements*.txt', 'requirements-dev.txt')).toBe(true)
    expect(wildcardMatch('requirements*.txt', 'requirements.txt')).toBe(true)
    expect(wildcardMatch('requirements*.txt', 'requirements.txt.bak')).toBe(false)
    expect(wildcardMatch('*.json', 'src/package.json')).toBe(true)
    expect(wildcardMatch('package?.json', 'package1.json')).toBe(true)
    expect(wildcardMatch('package?.json', 'package.json')).toBe(false)
    expect(wildcardMatch('go.[ms][ou][dm]', 'go.mod')).toBe(true)
    expect(wildcardMatch('go.[ms][ou][dm]', 'go.sum')).toBe(true)
    expect(wildcardMatch('file[0-9]', 'file7')).toBe(true)
    expect(wildcardMatch('file[!0-9]', 'file7')).toBe(false)
    expect(wildcardMatch('file[^0-9]', 'filex')).toBe(true)
    expect(wildcardMatch('a\\*b', 'a*b')).toBe(true)
    expect(wildcardMatch('a\\*b', 'axb')).toBe(false)
    expect(wildcardMatch('[abc', '[abc')).toBe(true)
    expect(wildcardMatch('', '')).toBe(true)
    expect(wildcardMatch('*', '')).toBe(true)
    expect(hasWildcard('a[b')).toBe(true)
    expect(hasWildcard('Gemfile.lock')).toBe(false)
  })

  it('agrees with a regular expression on *, ? and literals', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '.')
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', '/', '.', '*', '?'), { maxLength: 8 }),
        fc.array(alphabet, { maxLength: 10 }),
        (p, t) => {
          const pattern = p.join('')
          const text = t.join('')
          expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text))
        }
      ),
      { seed: 11, numRuns: 3000 }
    )
  })

  it('never backtracks: the patterns that take regular expressions hours take microseconds', () => {
    const started = performance.now()
    for (const k of [9, 14, 40, 200]) {
      expect(wildcardMatch(`${'*a'.repeat(k)}*b`, 'a'.repeat(10_000))).toBe(false)
    }
    expect(performance.now() - started).toBeLessThan(2000)
  })
})
