import { describe, expect, it } from 'vitest'
import { evaluateEntry, isEnabled, type EvalOptions } from '../../src/tags/evaluate.js'
import { parseTag } from '../../src/tags/tag.js'
import { ctxFor } from './helpers.js'

function evaluate(entry: string, event: string, ref: string) {
  const warnings: string[] = []
  const opts: EvalOptions = { shortShaLength: 7, warn: (m) => warnings.push(m) }
  const produced = evaluateEntry(parseTag(entry), ctxFor(event, ref), opts)
  return { value: produced?.value, autoLatest: produced?.autoLatest, produced, warnings }
}

describe('evaluateEntry', () => {
  it.each([
    ['type=ref,event=branch', 'push', 'refs/heads/feature/x', 'feature/x', false],
    ['type=ref,event=branch', 'push', 'refs/tags/v1', undefined, undefined],
    ['type=ref,event=tag', 'push', 'refs/tags/release1', 'release1', true],
    ['type=ref,event=pr', 'pull_request', 'refs/pull/7/merge', '7', false],
    ['type=ref,event=pr', 'pull_request', 'refs/pull/7/head', '7', false],
    ['type=edge', 'push', 'refs/heads/main', 'edge', false],
    ['type=edge', 'push', 'refs/heads/dev', undefined, undefined],
    ['type=edge,branch=dev', 'push', 'refs/heads/dev', 'edge', false],
    ['type=schedule', 'schedule', 'refs/heads/main', 'nightly', false],
    ['type=schedule', 'push', 'refs/heads/main', undefined, undefined],
    ['type=sha', 'push', 'refs/heads/main', '0123456', false],
    [
      'type=sha,format=long',
      'push',
      'refs/heads/main',
      '0123456789abcdef0123456789abcdef01234567',
      false
    ],
    ['type=raw,value={{branch}}', 'pull_request', 'refs/pull/7/merge', undefined, undefined],
    ['type=raw,value=x-{{tag}}', 'push', 'refs/tags/v1', 'x-v1', false],
    ['type=semver,pattern={{version}}', 'push', 'refs/tags/v1.2.3', '1.2.3', true],
    ['type=semver,pattern={{version}}', 'push', 'refs/tags/v1.2.3-rc.1', '1.2.3-rc.1', false],
    ['type=semver,pattern={{version}}', 'push', 'refs/heads/main', undefined, undefined],
    ['type=semver,pattern={{version}},value=v2.0.0', 'push', 'refs/heads/main', '2.0.0', true],
    ['type=pep440,pattern={{version}}', 'push', 'refs/tags/1.2post1', '1.2.post1', false],
    ['type=match,pattern=\\d+\\.\\d+', 'push', 'refs/tags/v2.0.8-beta.67', '2.0', true],
    ['type=match,pattern=v(\\d+),group=1', 'push', 'refs/tags/v2.0', '2', true]
  ])('%s on %s %s', (entry, event, ref, value, autoLatest) => {
    const r = evaluate(entry, event, ref)
    expect(r.value).toBe(value)
    expect(r.autoLatest).toBe(autoLatest)
  })

  it('marks branch values and semver releases', () => {
    expect(evaluate('type=ref,event=branch', 'push', 'refs/heads/x').produced?.fromBranch).toBe(
      true
    )
    expect(
      evaluate('type=semver,pattern={{major}}', 'push', 'refs/tags/v3.1.0').produced?.release
        ?.version
    ).toBe('3.1.0')
  })

  it('uses the semver match attribute and replaces slashes', () => {
    expect(
      evaluate(
        'type=semver,pattern={{version}},"match=v(\\d.\\d.\\d)$"',
        'push',
        'refs/tags/p1/v1.0.0'
      ).value
    ).toBe('1.0.0')
  })

  it('warns when a version or match pattern does not fit', () => {
    const semver = evaluate('type=semver,pattern={{version}}', 'push', 'refs/tags/release-2025')
    expect(semver.value).toBeUndefined()
    expect(semver.warnings).toEqual([
      'release-2025 is not a valid semver. More info: https://semver.org/'
    ])
    const match = evaluate('type=match,pattern=\\d{8}', 'push', 'refs/tags/sometag')
    expect(match.value).toBeUndefined()
    expect(match.warnings[0]).toMatch(/does not match sometag/)
  })

  it('rejects an invalid match regular expression naming the entry', () => {
    expect(() => evaluate('type=match,pattern=(', 'push', 'refs/tags/v1')).toThrow(
      /tags entry "type=match,pattern=\(": invalid pattern/
    )
  })
})

describe('isEnabled', () => {
  const opts: EvalOptions = { shortShaLength: 7, warn: () => {} }
  it('renders the enable expression', () => {
    const entry = parseTag('type=raw,value=x,enable={{is_default_branch}}')
    expect(isEnabled(entry, ctxFor('push', 'refs/heads/main'), opts)).toBe(true)
    expect(isEnabled(entry, ctxFor('push', 'refs/heads/dev'), opts)).toBe(false)
  })

  it('fails when enable gives anything but true or false', () => {
    const entry = parseTag('type=raw,value=x,enable={{branch}}')
    expect(() => isEnabled(entry, ctxFor('push', 'refs/heads/main'), opts)).toThrow(
      'tags entry "type=raw,value=x,enable={{branch}}": enable must be true or false, "{{branch}}" gave "main"'
    )
  })
})
