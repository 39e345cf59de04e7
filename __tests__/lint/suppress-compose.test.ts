import { describe, expect, it } from 'vitest'
import { lintText } from '../../src/lint/engine.js'
import { resolveConfig } from '../../src/config/config.js'
import { registry } from '../../src/rules/index.js'

function rules(text: string): string[] {
  const config = resolveConfig([{ source: 't', rules: new Map([['DC1006', 'on']]) }])
  return lintText({ path: 'compose.yaml', text, kind: 'compose' }, { registry, config })
    .findings.filter((f) => f.rule === 'DC1006')
    .map((f) => `${f.range.start.line}:${f.rule}`)
}

const BODY = 'services:\n  web:\n    image: nginx:1.27\n'

describe('compose disable comments', () => {
  it('docker-review disable-line on the line itself or standing above it', () => {
    expect(rules(`version: "3" # docker-review disable-line DC1006\n${BODY}`)).toEqual([])
    expect(rules(`# docker-review disable-line DC1006\nversion: "3"\n${BODY}`)).toEqual([])
    expect(rules(`# docker-review disable-next-line\nversion: "3"\n${BODY}`)).toEqual([])
  })
  it("DCLint's comments, with DCLint's rule names", () => {
    expect(rules(`version: "3" # dclint disable-line no-version-field\n${BODY}`)).toEqual([])
    expect(rules(`# dclint disable-file\nversion: "3"\n${BODY}`)).toEqual([])
    expect(rules(`# dclint disable no-version-field\nversion: "3"\n${BODY}`)).toEqual([])
  })
  it('dclint disable only counts on the first non-empty line; other rules stay on', () => {
    expect(rules(`version: "3"\n# dclint disable\n${BODY}`)).toEqual(['1:DC1006'])
    expect(rules(`version: "3" # dclint disable-line some-other-rule\n${BODY}`)).toEqual([
      '1:DC1006'
    ])
  })
})
