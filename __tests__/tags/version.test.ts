import { describe, expect, it } from 'vitest'
import {
  isHighest,
  looksLikeRelease,
  parseAnyRelease,
  parseRelease,
  renderRelease,
  supersededBy
} from '../../src/tags/version.js'

const semver = (raw: string) => parseRelease('semver', raw)!
const pep = (raw: string) => parseRelease('pep440', raw)!

describe('parseRelease', () => {
  it('reads semver, final or not', () => {
    expect(semver('v1.2.3')).toEqual({
      scheme: 'semver',
      raw: 'v1.2.3',
      version: '1.2.3',
      final: true
    })
    expect(semver('1.3.0-rc.1').final).toBe(false)
    expect(parseRelease('semver', '1.2')).toBeUndefined()
    expect(parseRelease('semver', 'release-2025')).toBeUndefined()
  })

  it('reads PEP 440; pre, post and dev releases are not final', () => {
    expect(pep('v1.1.1')).toMatchObject({ version: '1.1.1', final: true })
    expect(pep('1.2post1')).toMatchObject({ version: '1.2.post1', final: false })
    expect(pep('1.1beta2')).toMatchObject({ version: '1.1b2', final: false })
    expect(pep('1.0dev4').final).toBe(false)
  })
})

describe('renderRelease', () => {
  it('renders a final release against the pattern', () => {
    expect(renderRelease(semver('v1.2.3'), '{{major}}.{{minor}}', 't')).toBe('1.2')
    expect(renderRelease(semver('v1.2.3+build.5'), '{{version}}', 't')).toBe('1.2.3')
    expect(renderRelease(pep('1.2'), '{{major}}.{{minor}}.{{patch}}', 't')).toBe('1.2.0')
  })

  it('never moves a floating tag to a prerelease', () => {
    expect(renderRelease(semver('v2.0.8-beta.67'), '{{major}}', 't')).toBe('2.0.8-beta.67')
    expect(renderRelease(semver('v2.0.8-beta.67'), '{{raw}}', 't')).toBe('v2.0.8-beta.67')
    expect(renderRelease(pep('1.2.3rc2'), '{{major}}', 't')).toBe('1.2.3rc2')
  })
})

describe('latest-if-highest helpers', () => {
  const existing = ['v2.0.0', 'v1.1.0', 'v1.0.0', 'v3.0.0-rc.1', 'junk']

  it('isHighest compares with final releases only', () => {
    expect(isHighest(semver('v2.0.1'), existing)).toBe(true)
    expect(isHighest(semver('v1.0.1'), existing)).toBe(false)
    expect(isHighest(semver('v2.0.0'), existing)).toBe(true)
  })

  it('supersededBy finds the higher release that owns a floating tag', () => {
    expect(supersededBy(semver('v1.0.1'), '{{major}}', existing, 't')?.raw).toBe('v1.1.0')
    expect(supersededBy(semver('v1.0.1'), '{{major}}.{{minor}}', existing, 't')).toBeUndefined()
    expect(supersededBy(semver('v1.0.1'), '{{version}}', existing, 't')).toBeUndefined()
    expect(supersededBy(semver('v2.1.0-rc.1'), '{{major}}', existing, 't')).toBeUndefined()
  })

  it('parseAnyRelease tries semver, then PEP 440', () => {
    expect(parseAnyRelease('v1.2.3')?.scheme).toBe('semver')
    expect(parseAnyRelease('1.2')?.scheme).toBe('pep440')
    expect(parseAnyRelease('main')).toBeUndefined()
  })
})

describe('looksLikeRelease', () => {
  it.each([
    '1',
    '15',
    'v2',
    '1.2',
    '1.2.3',
    'v1.2.3',
    '1.3.0-rc.1',
    '1.2.3rc2',
    '1.2.post1',
    '20200110'
  ])('%s looks like a release', (name) => expect(looksLikeRelease(name)).toBe(true))
  it.each(['main', 'latest', 'pr-15', 'sha-0123456', 'feature-1.2', 'v', 'version2', '0123abc'])(
    '%s does not',
    (name) => expect(looksLikeRelease(name)).toBe(false)
  )
})
