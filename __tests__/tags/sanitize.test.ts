import { describe, expect, it } from 'vitest'
import { TAG_PATTERN, composeTag, sanitizeChars, shortHash } from '../../src/tags/sanitize.js'

describe('sanitizeChars', () => {
  it('turns each run of characters outside the tag alphabet into one dash', () => {
    expect(sanitizeChars('my/feature#1245')).toBe('my-feature-1245')
    expect(sanitizeChars('dependabot/npm_and_yarn/@types/node-20.11.5')).toBe(
      'dependabot-npm_and_yarn-types-node-20.11.5'
    )
    expect(sanitizeChars('Feature/JIRA-123_Fix')).toBe('Feature-JIRA-123_Fix')
  })

  it('folds accents before replacing', () => {
    expect(sanitizeChars('ünïcode/straße')).toBe('unicode-stra-e')
  })
})

describe('shortHash', () => {
  it('is 7 hex characters and tells inputs apart', () => {
    expect(shortHash('refs/heads/feat/a')).toMatch(/^[0-9a-f]{7}$/)
    expect(shortHash('refs/heads/feat/a')).not.toBe(shortHash('refs/heads/feat-a'))
  })
})

describe('composeTag', () => {
  it('joins prefix, value and suffix as metadata-action does when the result is valid', () => {
    expect(composeTag({ prefix: 'pr-', value: '7', suffix: '-x' })).toEqual({
      tag: 'pr-7-x',
      changed: false,
      truncated: false
    })
  })

  it('strips leading . and -', () => {
    expect(composeTag({ prefix: '', value: '-0123456', suffix: '' })?.tag).toBe('0123456')
    expect(composeTag({ prefix: '', value: '..x', suffix: '' })).toMatchObject({
      tag: 'x',
      changed: true
    })
  })

  it('gives nothing when no valid character is left', () => {
    expect(composeTag({ prefix: '', value: '日本語', suffix: '' })).toBeUndefined()
  })

  it('cuts the value so the tag fits 128 characters with prefix and suffix whole', () => {
    const t = composeTag({ prefix: 'pre-', value: 'x'.repeat(300), suffix: '-suf' })!
    expect(t.tag).toHaveLength(128)
    expect(t.tag.startsWith('pre-x')).toBe(true)
    expect(t.tag.endsWith('x-suf')).toBe(true)
    expect(t.truncated).toBe(true)
  })

  it('appends a hash of the original when asked and sanitizing changed or cut the value', () => {
    const slash = composeTag({
      prefix: '',
      value: 'feat/a',
      suffix: '',
      uniqueBy: 'refs/heads/feat/a'
    })!
    const dash = composeTag({
      prefix: '',
      value: 'feat-a',
      suffix: '',
      uniqueBy: 'refs/heads/feat-a'
    })!
    expect(dash.tag).toBe('feat-a')
    expect(slash.tag).toBe(`feat-a-${shortHash('refs/heads/feat/a')}`)
    const long1 = composeTag({
      prefix: '',
      value: 'y'.repeat(200) + '1',
      suffix: '-s',
      uniqueBy: 'a'
    })!
    const long2 = composeTag({
      prefix: '',
      value: 'y'.repeat(200) + '2',
      suffix: '-s',
      uniqueBy: 'b'
    })!
    expect(long1.tag).toHaveLength(128)
    expect(long1.tag).not.toBe(long2.tag)
    expect(long1.tag.endsWith('-s')).toBe(true)
  })

  it('always yields Docker’s grammar', () => {
    for (const value of ['-a', '.b', 'a b', 'x'.repeat(500), '--', 'ok_1.2-3']) {
      const t = composeTag({ prefix: '', value, suffix: '' })
      if (t) expect(t.tag).toMatch(TAG_PATTERN)
    }
  })

  it('cuts a prefix that leaves no room instead of failing', () => {
    const t = composeTag({ prefix: 'p'.repeat(200) + '-', value: 'v', suffix: '-s' })!
    expect(t.tag).toBe('p'.repeat(126) + '-s')
    expect(t.truncated).toBe(true)
    const s = composeTag({ prefix: '', value: 'v', suffix: '-' + 's'.repeat(200) })!
    expect(s.tag).toMatch(TAG_PATTERN)
  })
})
