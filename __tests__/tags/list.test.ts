import { describe, expect, it } from 'vitest'
import { entryText, readList, splitField } from '../../src/tags/list.js'

describe('readList', () => {
  it('splits lines, drops blank and # comment lines, trims fields', () => {
    const entries = readList('  a, b \n\n# comment\n  #also\nc # not a comment\n', 'tags')
    expect(entries.map((e) => e.fields)).toEqual([['a', 'b'], ['c # not a comment']])
    expect(entries[0].line).toBe('a, b')
  })

  it('reads each line as CSV once, so quoted commas survive', () => {
    const [entry] = readList('type=match,"pattern=^release\\d{1,2}"', 'tags')
    expect(entry.fields).toEqual(['type=match', 'pattern=^release\\d{1,2}'])
  })

  it('keeps quotes inside an unquoted field', () => {
    const [entry] = readList('description=this is a "good" example', 'labels')
    expect(entry.fields).toEqual(['description=this is a "good" example'])
  })

  it('accepts CRLF line ends', () => {
    expect(readList('a\r\nb', 'images').map((e) => e.line)).toEqual(['a', 'b'])
  })

  it('names the input and the line when a quote is not closed', () => {
    expect(() => readList('ok\n"open', 'tags')).toThrow(/tags: cannot read entry ""open"/)
  })
})

describe('entryText / splitField', () => {
  it('joins the fields back with commas', () => {
    const [entry] = readList('foo=a, b', 'labels')
    expect(entryText(entry)).toBe('foo=a,b')
  })

  it('splits at the first = and lower-cases the key', () => {
    expect(splitField(' Pattern = a=b ')).toEqual({ key: 'pattern', value: 'a=b' })
    expect(splitField('novalue')).toBeUndefined()
  })
})
