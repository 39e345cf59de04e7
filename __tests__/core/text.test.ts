import { describe, expect, it } from 'vitest'
import { LineIndex, compareNames, compareText, eolOf } from '../../src/core/text.js'

describe('LineIndex', () => {
  it('converts offsets and positions both ways, CRLF like LF', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['ab', 'cde', ''].join(eol)
      const li = new LineIndex(text)
      expect(li.position(0)).toEqual({ line: 1, column: 1 })
      expect(li.position(2 + eol.length)).toEqual({ line: 2, column: 1 })
      expect(li.offset({ line: 2, column: 3 })).toBe(2 + eol.length + 2)
      expect(li.lineText(2)).toBe('cde')
      expect(li.offset({ line: 1, column: 99 })).toBe(2)
    }
  })
  it('counts columns in UTF-16 units', () => {
    const li = new LineIndex('é😀x')
    expect(li.position(3)).toEqual({ line: 1, column: 4 })
  })
  it('finds the dominant line ending', () => {
    expect(eolOf('a\r\nb\r\nc\n')).toBe('\r\n')
    expect(eolOf('a\nb\n')).toBe('\n')
    expect(eolOf('a')).toBe('\n')
  })
})

describe('compareText / compareNames', () => {
  it('orders by code unit and by folded name, whatever the locale', () => {
    const names = ['b', 'Dockerfile', 'a.Dockerfile', '_x', 'B', 'Containerfile']
    expect([...names].sort(compareText)).toEqual([
      'B',
      'Containerfile',
      'Dockerfile',
      '_x',
      'a.Dockerfile',
      'b'
    ])
    expect([...names].sort(compareNames)).toEqual([
      '_x',
      'a.Dockerfile',
      'B',
      'b',
      'Containerfile',
      'Dockerfile'
    ])
  })
})
