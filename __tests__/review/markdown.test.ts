import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  codeSpan,
  fenceFor,
  fenced,
  hasInvisible,
  inert,
  visible
} from '../../src/review/markdown.js'
import { liveMarkup, markdownBlocks } from '../e2e/inert.js'

describe('inert', () => {
  it('keeps the code spans rules write and escapes everything else', () => {
    expect(inert('Use `apt-get install <pkg>=<version>` & pin <b>it</b>')).toBe(
      'Use `apt-get install <pkg>=<version>` \\& pin \\<b\\>it\\</b\\>'
    )
  })
  it('neutralises markers, mentions, links and emphasis outside code', () => {
    const out = inert('<!-- docker-review:v1 summary --> @octocat [x](http://e) *b*')
    expect(out).not.toContain('<!--')
    expect(out).not.toMatch(/@octocat/)
    expect(out).toContain('@&#8203;octocat')
    expect(out).toContain('\\[x\\]')
    expect(out).toContain('\\*b\\*')
  })
  it('escapes an unclosed backtick run instead of letting it swallow the rest', () => {
    expect(inert('a ``b` c')).toBe('a \\`\\`b\\` c')
  })
  it('puts everything on one line and cuts very long text', () => {
    expect(inert('a\nb\r\nc')).toBe('a b c')
    expect(inert('x'.repeat(50), { max: 10 })).toBe(`${'x'.repeat(10)}…`)
  })
  it('escapes pipes inside code spans in table cells', () => {
    expect(inert('run `a | b` | c', { table: true })).toBe('run `a \\| b` \\| c')
  })
})

describe('user text cannot form links or hide its direction', () => {
  it('bare URLs, www. hosts and e-mail addresses stay text', () => {
    const out = inert(
      'service web https://evil.example/x and www.evil.example, mail a@evil.example'
    )
    expect(out).not.toMatch(/https:\/\//)
    expect(out).toContain('https&#8203;://evil.example/x')
    expect(out).toContain('www&#8203;.evil.example')
    expect(out).toContain('a@&#8203;evil.example')
  })
  it('bidi overrides and invisible characters are spelled out, in text, spans and fences', () => {
    const name = 'admin\u202Etxt.exe\u2066'
    expect(hasInvisible(name)).toBe(true)
    expect(hasInvisible('plain')).toBe(false)
    expect(visible(name)).toBe('admin<U+202E>txt.exe<U+2066>')
    for (const out of [inert(`\`${name}\``), inert(name), codeSpan(name), fenced('', [name])]) {
      expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
      expect(out).toContain('U+202E')
    }
  })
})

describe('fences and spans', () => {
  it('a fence is longer than any backtick run inside', () => {
    expect(fenceFor(['plain'])).toBe('```')
    expect(fenceFor(['echo ```md', 'x'])).toBe('````')
    expect(fenceFor(['`````'])).toBe('``````')
    expect(fenced('suggestion', [])).toBe('```suggestion\n```')
    expect(fenced('suggestion', [''])).toBe('```suggestion\n\n```')
  })
  it('codeSpan survives backticks, pipes and newlines', () => {
    expect(codeSpan('a`b')).toBe('``a`b``')
    expect(codeSpan('`x')).toBe('`` `x ``')
    expect(codeSpan('a|b\nc', { table: true })).toBe('`a\\|b c`')
  })
})

describe('inert output, read back by an independent markdown reader', () => {
  const hostile = fc.oneof(
    fc.string(),
    fc
      .array(
        fc.constantFrom(
          '`',
          '``',
          '```',
          '~~~',
          '<!--',
          '-->',
          '<img src=x>',
          '@octocat',
          '@org/team',
          '[x](http://evil)',
          '|',
          '\\',
          '\n',
          ' ',
          'a',
          '*',
          '_',
          '&#64;',
          '</details>'
        ),
        { maxLength: 30 }
      )
      .map((parts) => parts.join(''))
  )

  it('the reader sees live markup where there is some', () => {
    expect(liveMarkup('hi @octocat')).toHaveLength(1)
    expect(liveMarkup('<img src=x onerror=alert(1)>')).toHaveLength(1)
    expect(liveMarkup('[x](http://evil)')).toHaveLength(1)
    expect(liveMarkup('```suggestion\nnever closed')).toHaveLength(1)
    expect(liveMarkup('`@octocat <b>` \\<b\\> @&#8203;octocat')).toEqual([])
  })

  it('inert text has no live markup, whatever it holds (messages, table cells)', () => {
    fc.assert(
      fc.property(hostile, fc.boolean(), (text, table) => {
        expect(liveMarkup(inert(text, { table }))).toEqual([])
      }),
      { numRuns: 500, seed: 11 }
    )
  })

  it('a fenced block closes exactly after its lines; a code span holds any name', () => {
    fc.assert(
      fc.property(fc.array(hostile.map((t) => t.replace(/\n/g, ' '))), hostile, (lines, name) => {
        const blocks = markdownBlocks(fenced('suggestion', lines))
        expect(blocks).toHaveLength(1)
        expect(blocks[0]).toMatchObject({ kind: 'fence', info: 'suggestion', lines, closed: true })
        expect(liveMarkup(codeSpan(name))).toEqual([])
      }),
      { numRuns: 300, seed: 12 }
    )
  })
})
