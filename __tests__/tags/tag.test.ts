import { describe, expect, it } from 'vitest'
import { isRawStatement, parseTag, parseTags } from '../../src/tags/tag.js'

describe('parseTag', () => {
  it('fills type defaults', () => {
    expect(parseTag('type=sha')).toMatchObject({
      type: 'sha',
      attrs: { priority: '100', enable: 'true', prefix: 'sha-', format: 'short' },
      source: 'type=sha'
    })
    expect(parseTag('type=ref,event=pr').attrs.prefix).toBe('pr-')
    expect(parseTag('type=schedule').attrs.pattern).toBe('nightly')
  })

  it('treats a bare field as the value and a missing type as raw', () => {
    expect(parseTag('nightly-build')).toMatchObject({
      type: 'raw',
      attrs: { value: 'nightly-build' }
    })
    expect(parseTag('type=raw,foo').attrs.value).toBe('foo')
  })

  it('keeps an explicitly empty prefix (it overrides the flavor)', () => {
    expect(parseTag('type=ref,event=pr,prefix=').attrs.prefix).toBe('')
  })

  it('keeps = inside values', () => {
    expect(parseTag('type=raw,value=a=b').attrs.value).toBe('a=b')
  })

  it('accepts the tripled-quote workaround for metadata-action’s double parse', () => {
    expect(parseTag('type=match,"""pattern=^v\\d{1,2}"""').attrs.pattern).toBe('^v\\d{1,2}')
  })

  it.each([
    ['type=foo', /unknown type "foo"/],
    ['type=ref', /needs event=branch\|tag\|pr/],
    ['type=ref,event=commit', /unknown event "commit"/],
    ['type=raw', /needs a value/],
    ['type=semver', /needs a pattern/],
    ['type=match', /needs a pattern/],
    ['type=match,pattern=x,group=one', /group must be a number/],
    ['type=sha,format=medium', /format must be short or long/],
    ['type=raw,value=a,priority=high', /priority must be a whole number/],
    ['event=branch,type=raw,value=x', /unknown attribute "event" for type=raw/],
    ['type=sha,value=x', /unknown attribute "value" for type=sha/],
    ['type=raw,value=a,value=b', /attribute "value" is given twice/]
  ])('rejects %s with a message naming the entry', (entry, why) => {
    expect(() => parseTag(entry)).toThrow(why)
    expect(() => parseTag(entry)).toThrow(`tags entry "${entry}"`)
  })
})

describe('parseTags', () => {
  it('sorts by priority, highest first, keeping input order on ties', () => {
    const sorted = parseTags(
      'type=sha\ntype=raw,value=b\ntype=ref,event=branch\ntype=raw,value=a,priority=700\ntype=raw,value=c'
    )
    expect(sorted.map((t) => t.source)).toEqual([
      'type=raw,value=a,priority=700',
      'type=ref,event=branch',
      'type=raw,value=b',
      'type=raw,value=c',
      'type=sha'
    ])
  })
})

describe('isRawStatement', () => {
  it('is true only for a pattern that is exactly {{raw}}', () => {
    expect(isRawStatement('{{raw}}')).toBe(true)
    expect(isRawStatement(' {{ raw }} ')).toBe(true)
    expect(isRawStatement('{{raw}}-x')).toBe(false)
    expect(isRawStatement('{{version}}')).toBe(false)
  })
})
