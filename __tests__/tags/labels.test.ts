import { describe, expect, it } from 'vitest'
import { labelObject, mergeLabels, ociLabels, withLevels } from '../../src/tags/labels.js'
import { NOW, SHA, ctxFor } from './helpers.js'

describe('labels', () => {
  it('builds the OCI labels from the repository and the run', () => {
    expect(Object.fromEntries(ociLabels(ctxFor('push', 'refs/heads/main'), 'main'))).toEqual({
      'org.opencontainers.image.title': 'app',
      'org.opencontainers.image.description': 'Acme app',
      'org.opencontainers.image.url': 'https://github.com/acme/app',
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.created': NOW.toISOString(),
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.licenses': 'Apache-2.0'
    })
  })

  it('merges custom entries: later wins, key= keeps an empty value, no = is skipped; sorted by key', () => {
    const skipped: string[] = []
    const merged = mergeLabels(
      new Map([
        ['b', '1'],
        ['a', '2']
      ]),
      ['b=x=y', 'c=', 'nokey', 'a=3'],
      (e) => skipped.push(e)
    )
    expect(merged).toEqual(['a=3', 'b=x=y', 'c='])
    expect(skipped).toEqual(['nokey'])
  })

  it('orders keys as metadata-action does (localeCompare), not by code point', () => {
    const merged = mergeLabels(
      new Map([['org.opencontainers.image.title', 't']]),
      ['Zeta=1', 'alpha=2', 'com.example.B=3', 'com.example.a=4', '_x=5', 'a-b=6', 'a.b=7'],
      () => undefined
    )
    expect(merged.map((l) => l.slice(0, l.indexOf('=')))).toEqual([
      '_x',
      'a-b',
      'a.b',
      'alpha',
      'com.example.a',
      'com.example.B',
      'org.opencontainers.image.title',
      'Zeta'
    ])
  })

  it('copies annotations once per level', () => {
    expect(withLevels(['a=1', 'b=2'], ['index', 'manifest'])).toEqual([
      'index:a=1',
      'index:b=2',
      'manifest:a=1',
      'manifest:b=2'
    ])
  })

  it('turns key=value lines into an object', () => {
    expect(labelObject(['a=1', 'b=x=y', 'c='])).toEqual({ a: '1', b: 'x=y', c: '' })
  })
})
