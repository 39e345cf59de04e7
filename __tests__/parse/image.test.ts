import { describe, expect, it } from 'vitest'
import { splitImageRef } from '../../src/parse/image.js'

describe('splitImageRef', () => {
  it('splits registry, path, tag and digest', () => {
    expect(splitImageRef('ghcr.io/org/app:1.2@sha256:abc', false)).toEqual({
      registry: 'ghcr.io',
      name: 'org/app',
      tag: '1.2',
      digest: 'sha256:abc'
    })
    expect(splitImageRef('library/python', false)).toEqual({
      registry: undefined,
      name: 'library/python',
      tag: undefined,
      digest: undefined
    })
    expect(splitImageRef('localhost:5000/app', true)).toMatchObject({
      registry: 'localhost:5000',
      name: 'app',
      tag: undefined
    })
  })

  it('expanded text splits at the last colon; text with variables skips colons inside them', () => {
    expect(splitImageRef('delve-${D:-supported}', false)).toMatchObject({
      name: 'delve-${D',
      tag: '-supported}'
    })
    expect(splitImageRef('nginx:${TAG:-1.27}', true)).toMatchObject({
      name: 'nginx',
      tag: '${TAG:-1.27}'
    })
  })
})
