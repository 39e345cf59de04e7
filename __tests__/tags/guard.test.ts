import { describe, expect, it } from 'vitest'
import { DEFAULT_FLAVOR, parseFlavor } from '../../src/tags/flavor.js'
import { DEFAULT_STABLE_TAGS, parseGlobList, stableTags } from '../../src/tags/guard.js'

describe('stableTags', () => {
  const stable = stableTags(DEFAULT_STABLE_TAGS, 'main', DEFAULT_FLAVOR)

  it.each([
    'latest',
    'LATEST',
    'stable',
    'main',
    'v1',
    'v1.2.3',
    '1',
    '1.2',
    '1.2.3-rc.1',
    '15-bal',
    '2020-01-10'
  ])('%s is stable by default', (name) => expect(stable.matches(name)).toBe(true))
  it.each(['pr-15', 'sha-0123456', 'feature-x', 'edge', 'nightly', 'mytag-main', 'very-cool'])(
    '%s is not',
    (name) => expect(stable.matches(name)).toBe(false)
  )

  it('always keeps latest, release-looking names and the default branch, whatever the globs', () => {
    const custom = stableTags(['prod-*'], 'trunk', DEFAULT_FLAVOR)
    expect(['latest', '1.2', 'trunk', 'prod-eu'].map(custom.matches)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(custom.matches('stable')).toBe(false)
  })

  it('sees through the flavor prefix and suffix', () => {
    const s = stableTags([], 'main', parseFlavor('prefix=app-\nsuffix=-alpine'))
    expect(s.isStableTag('app-latest-alpine')).toBe(true)
    expect(s.isStableTag('1.2-alpine')).toBe(true)
    expect(s.isStableTag('pr-7-alpine')).toBe(false)
  })

  it('makes branches that look like releases, latest, PR or sha tags collide', () => {
    expect(['latest', '1.2', 'pr-5', 'sha-0123456', 'v2'].map(stable.branchCollides)).toEqual([
      true,
      true,
      true,
      true,
      true
    ])
    expect(['feature-x', 'pr-five', 'sha-fix-it'].map(stable.branchCollides)).toEqual([
      false,
      false,
      false
    ])
  })
})

describe('parseGlobList', () => {
  it('reads one glob a line and skips comments', () => {
    expect(parseGlobList('latest\n # c\n\n release-{a,b}* ')).toEqual(['latest', 'release-{a,b}*'])
  })
})
