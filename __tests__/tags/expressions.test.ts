import { describe, expect, it } from 'vitest'
import {
  expressionScope,
  renderDates,
  renderExpressions,
  renderFields
} from '../../src/tags/expressions.js'
import { ctxFor } from './helpers.js'

describe('expressions', () => {
  it('exposes branch, tag, sha, base_ref and the default-branch flags', () => {
    expect(expressionScope(ctxFor('push', 'refs/heads/my/branch'), 7)).toEqual({
      branch: 'my/branch',
      tag: '',
      sha: '0123456',
      base_ref: '',
      is_default_branch: 'false',
      is_not_default_branch: 'true'
    })
    expect(expressionScope(ctxFor('push', 'refs/tags/v1'), 12)).toMatchObject({
      tag: 'v1',
      sha: '0123456789ab'
    })
  })

  it('renders without HTML escaping', () => {
    const ctx = ctxFor('push', 'refs/heads/a&b')
    expect(renderExpressions('x-{{branch}}', ctx, 7, 'test')).toBe('x-a&b')
  })

  it('formats date and commit_date with moment formats and time zones', () => {
    const ctx = ctxFor('push', 'refs/heads/main')
    expect(renderExpressions("{{date 'YYYYMMDD-HHmmss'}}", ctx, 7, 't')).toBe('20250102-030405')
    expect(renderExpressions("{{date 'HH' tz='Asia/Tokyo'}}", ctx, 7, 't')).toBe('12')
    expect(renderExpressions("{{commit_date 'YYYY'}}", ctx, 7, 't')).toBe('2025')
    // An unquoted format is a missing path to Handlebars: ISO 8601 default, as upstream.
    expect(renderExpressions('{{date YYYY}}', ctx, 7, 't')).toBe('2025-01-02T03:04:05Z')
  })

  it('gives schedule patterns only the date helpers', () => {
    const ctx = ctxFor('schedule', 'refs/heads/main')
    expect(renderDates("n-{{branch}}{{date 'YYYY'}}", ctx, 't')).toBe('n-2025')
  })

  it('renders plain fields', () => {
    expect(renderFields('{{major}}.{{minor}}', { major: 1, minor: 2 }, 't')).toBe('1.2')
  })

  it('names the entry on a template error or an unknown time zone', () => {
    const ctx = ctxFor('push', 'refs/heads/main')
    expect(() => renderExpressions('{{branch', ctx, 7, 'tags entry "x"')).toThrow(
      /tags entry "x": cannot render/
    )
    expect(() => renderExpressions("{{date 'YYYY' tz='Mars/Base'}}", ctx, 7, 'e')).toThrow(
      /unknown time zone/
    )
  })
})
