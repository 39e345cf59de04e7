import { describe, expect, it, vi } from 'vitest'
import { parse, parseDocument } from 'yaml'
import { yamlDocument, yamlValue } from '../../src/parse/yaml-tokens.js'
import { corpusFiles } from '../shared.js'

/**
 * Composing once-read tokens must give what the yaml library's own parse / parseDocument give, for
 * every option set the models use, one after the other on the same tokens (composing must not
 * change them).
 */

const OPTION_SETS = [
  { logLevel: 'error' as const },
  { maxAliasCount: -1, merge: true, uniqueKeys: false, logLevel: 'error' as const },
  { uniqueKeys: false },
  { logLevel: 'silent' as const }
]

/** The library's answer and ours for `text` under each option set, as comparable data. */
function both(text: string): Array<[unknown, unknown]> {
  const outcome = (f: () => unknown): unknown => {
    try {
      return { value: f() }
    } catch (error) {
      return { threw: (error as { code?: string }).code ?? String(error) }
    }
  }
  const out: Array<[unknown, unknown]> = []
  for (const options of OPTION_SETS) {
    out.push([outcome(() => parse(text, options)), outcome(() => yamlValue(text, options))])
    const lib = parseDocument(text, options)
    const ours = yamlDocument(text, options)
    out.push([
      [lib.errors.map((e) => [e.code, e.pos]), lib.warnings.map((w) => w.code)],
      [ours.errors.map((e) => [e.code, e.pos]), ours.warnings.map((w) => w.code)]
    ])
    out.push([
      outcome(() => lib.toJS({ maxAliasCount: 100 })),
      outcome(() => ours.toJS({ maxAliasCount: 100 }))
    ])
  }
  return out
}

describe('YAML composed from tokens read once', () => {
  it('gives what parse and parseDocument give, under each option set, on edge cases', () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    for (const text of [
      'a: 1\nb: [x, y]\n',
      'a: 1\na: 2\n',
      'base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n',
      '"<<": {x: 1}\n',
      'a: !reset []\nb: !override {c: 1}\n',
      'a: 1\n---\nb: 2\n',
      'a: [1\n',
      'x: &a [*a]\n',
      'k: &a [1]\nl: [*a, *a, *a]\n',
      '',
      '# only a comment\n'
    ]) {
      for (const [lib, ours] of both(text)) expect(ours, text).toEqual(lib)
    }
    vi.restoreAllMocks()
  })

  it('gives what parse and parseDocument give on every corpus compose file', () => {
    vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    let n = 0
    for (const f of corpusFiles('compose')) {
      for (const [lib, ours] of both(f.text)) expect(ours, f.path).toEqual(lib)
      n++
    }
    expect(n).toBeGreaterThan(1000)
    vi.restoreAllMocks()
  })
})
