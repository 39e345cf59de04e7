import { describe, expect, it } from 'vitest'
import { imageNames, parseImages } from '../../src/tags/image.js'

describe('parseImages', () => {
  it('reads one line of comma-separated names', () => {
    expect(parseImages('a/one, b/two')).toEqual([
      { name: 'a/one', enable: true },
      { name: 'b/two', enable: true }
    ])
  })

  it('reads name=/enable= lines and bare names', () => {
    expect(parseImages('ghcr.io/Acme/App\nname=docker.io/acme/app,enable=false')).toEqual([
      { name: 'ghcr.io/Acme/App', enable: true },
      { name: 'docker.io/acme/app', enable: false }
    ])
  })

  it('accepts a registry port', () => {
    expect(parseImages('localhost:5000/app')[0].name).toBe('localhost:5000/app')
  })

  it.each([
    ['name=,enable=true', /empty image name/],
    ['a/b,enable=maybe', /enable must be true or false/],
    ['a/b,colour=red', /unknown key "colour"/],
    ['a/b,name=c/d', /more than one name/],
    ['app:1.0', /must not carry a tag or digest/],
    ['app@sha256:abc', /must not carry a tag or digest/]
  ])('rejects %s', (text, why) => {
    expect(() => parseImages(text)).toThrow(why)
  })
})

describe('imageNames', () => {
  it('keeps enabled images, lower-cased, once each', () => {
    const images = parseImages('ghcr.io/Acme/App\nghcr.io/acme/app\nname=x/y,enable=false')
    expect(imageNames(images)).toEqual(['ghcr.io/acme/app'])
  })
})
