import { describe, expect, it } from 'vitest'
import { codeSpan, fenceFor, fenced, inert } from '../../src/review/markdown.js'

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
