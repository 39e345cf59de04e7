import { describe, expect, it } from 'vitest'
import { fileModel, isLoadable } from '../../src/compose/file.js'
import {
  buildModel,
  expandedSize,
  get,
  getIn,
  str,
  toJS,
  valSpan
} from '../../src/compose/model.js'
import { parseCompose } from '../../src/parse/compose.js'

const parse = (text: string) => parseCompose('compose.yaml', text)
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length

describe('value model', () => {
  it('resolves aliases and merge keys, keeping the defining node', () => {
    const text = [
      'x-base: &base',
      '  image: nginx:latest',
      '  restart: always',
      'x-more: &more',
      '  restart: "no"',
      '  init: true',
      'services:',
      '  web:',
      '    <<: [*base, *more]',
      '    restart: unless-stopped',
      ''
    ].join('\n')
    const doc = parse(text)
    const root = buildModel(doc).root
    const web = getIn(root, ['services', 'web'])!
    // Local keys win; among merged maps the earlier one wins.
    expect(toJS(web)).toEqual({ restart: 'unless-stopped', image: 'nginx:latest', init: true })
    const image = get(web, 'image')!
    expect(lineOf(text, valSpan(image)[0])).toBe(2)
    expect(web.kind === 'map' && web.entries.get('image')!.merged).toBe(true)
    expect(web.kind === 'map' && web.entries.get('restart')!.merged).toBe(false)
  })

  it('shares aliased values instead of copying them', () => {
    const doc = parse('x: &e {A: "1"}\nservices:\n  a: {environment: *e}\n  b: {environment: *e}\n')
    const root = buildModel(doc).root
    expect(getIn(root, ['services', 'a', 'environment'])).toBe(
      getIn(root, ['services', 'b', 'environment'])
    )
  })

  it('bounds alias bombs and reports the alias that crosses the bound', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (const [prev, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g']
    ])
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`)
    const doc = parse(levels.join('\n') + '\n')
    const started = performance.now()
    const model = fileModel(doc)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(model.bomb).toBeDefined()
    expect(model.bomb!.size).toBeGreaterThan(200_000)
    expect(model.services.size).toBe(0)
    expect(isLoadable(doc)).toBe(false)
  })

  it('counts the expansion of shared values', () => {
    const doc = parse('a: &a [1, 2, 3]\nb: [*a, *a]\n')
    expect(expandedSize(buildModel(doc).root!)).toBe(1 + 4 + (1 + 4 + 4))
  })

  it('reports aliases with no anchor', () => {
    const doc = parse('services:\n  web:\n    environment:\n      PASSWORD: ******\n')
    const model = fileModel(doc)
    expect(model.badAliases.map((b) => b.message)).toEqual([
      'alias ****** has no anchor &***** before it'
    ])
    expect(isLoadable(doc)).toBe(false)
  })

  it('keeps Compose merge tags', () => {
    const root = buildModel(
      parse('services:\n  web:\n    ports: !reset []\n    command: !override [a]\n')
    ).root
    expect(getIn(root, ['services', 'web', 'ports'])!.tag).toBe('!reset')
    expect(getIn(root, ['services', 'web', 'command'])!.tag).toBe('!override')
  })

  it('gives an empty value a located null', () => {
    const text = 'volumes:\n  data:\n'
    const data = getIn(buildModel(parse(text)).root, ['volumes', 'data'])!
    expect(str(data)).toBeUndefined()
    expect(lineOf(text, valSpan(data)[0])).toBe(2)
  })
})

describe('file layout', () => {
  it('recognises the standard, legacy, fragment and empty layouts', () => {
    expect(fileModel(parse('services:\n  web: {image: a}\n')).layout).toBe('standard')
    const legacy = fileModel(
      parse('version: "1"\nweb:\n  image: nginx\n  ports: ["80:80"]\nx-a: {image: b}\n')
    )
    expect(legacy.layout).toBe('legacy')
    expect([...legacy.services.keys()]).toEqual(['web'])
    expect(fileModel(parse('networks:\n  front: {}\n')).layout).toBe('fragment')
    expect(fileModel(parse('include: [a.yaml]\n')).layout).toBe('fragment')
    expect(fileModel(parse('')).layout).toBe('empty')
    expect(fileModel(parse('- a\n- b\n')).layout).toBe('empty')
  })
})
