import { describe, expect, it } from 'vitest'
import { DEFAULT_FLAVOR, parseFlavor } from '../../src/tags/flavor.js'

describe('parseFlavor', () => {
  it('defaults to latest=auto without prefix or suffix', () => {
    expect(parseFlavor('')).toEqual(DEFAULT_FLAVOR)
  })

  it('reads onlatest for the prefix or suffix before it on the same line', () => {
    expect(parseFlavor('prefix=app-,onlatest=true\nsuffix=-alpine\nlatest=false')).toEqual({
      latest: 'false',
      prefix: 'app-',
      prefixLatest: true,
      suffix: '-alpine',
      suffixLatest: false
    })
    expect(parseFlavor('prefix=a-\nsuffix=-b,onlatest=true')).toMatchObject({
      prefixLatest: false,
      suffixLatest: true
    })
  })

  it('keeps = inside a value', () => {
    expect(parseFlavor('suffix=-a=b').suffix).toBe('-a=b')
  })

  it.each([
    ['latest=maybe', /latest must be auto, true or false/],
    ['latest', /"latest" is not key=value/],
    ['colour=red', /unknown key "colour"/],
    ['onlatest=true', /onlatest must follow prefix= or suffix=/],
    ['prefix=a,onlatest=yes', /onlatest must be true or false/]
  ])('rejects %s naming the entry', (entry, why) => {
    expect(() => parseFlavor(entry)).toThrow(why)
    expect(() => parseFlavor(entry)).toThrow(`flavor entry "${entry}"`)
  })
})
