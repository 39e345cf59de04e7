import { describe, expect, it } from 'vitest'
import { parseDockerfile } from '../../src/dockerfile/model.js'
import {
  inherited,
  localParent,
  normalizeImage,
  stageDistroIn
} from '../../src/dockerfile/parents.js'
import { workspaceOf } from '../rules/tester.js'

/** Parents in the same repository: only what a compose or bake file of the workspace says. */

const last = (path: string, text: string) => {
  const doc = parseDockerfile(path, text)
  return { doc, stage: doc.stages[doc.stages.length - 1] }
}

describe('normalizeImage', () => {
  it.each([
    ['node', 'node:latest'],
    ['docker.io/library/Node:20', 'node:20'],
    ['localhost:5000/acme/base', 'localhost:5000/acme/base:latest'],
    ['acme/base:1@sha256:abc', 'acme/base:1'],
    ['${REGISTRY}/base:1', undefined]
  ])('%s → %s', (ref, want) => expect(normalizeImage(ref)).toBe(want))
})

describe('localParent', () => {
  const files = {
    'docker-compose.yml':
      'services:\n  base:\n    build:\n      context: images\n      dockerfile: base.Dockerfile\n    image: acme/base\n  self:\n    build: app\n    image: acme/app:1\n  var:\n    build: ./x\n    image: ${R}/x:1\n',
    'images/base.Dockerfile': 'FROM alpine:3.20\nUSER 1000\nHEALTHCHECK NONE\n',
    'x/Dockerfile': 'FROM debian:12\n'
  }
  const workspace = workspaceOf(files)

  it('follows an image a compose service builds, with its context and dockerfile', () => {
    const { doc, stage } = last('app/Dockerfile', 'FROM acme/base:latest AS b\nFROM b\nRUN ls\n')
    expect(localParent(doc, stage, workspace)?.path).toBe('images/base.Dockerfile')
    const facts = inherited(doc, stage, workspace)
    expect([facts.user, facts.healthcheck, facts.baseImage]).toEqual([
      '1000',
      'none',
      'alpine:3.20'
    ])
    expect(stageDistroIn(doc, stage, workspace).family).toBe('alpine')
  })

  it('never the file itself, a name with variables, or without a workspace', () => {
    const self = last('app/Dockerfile', 'FROM acme/app:1\n')
    expect(localParent(self.doc, self.stage, workspace)).toBeUndefined()
    const v = last('y/Dockerfile', 'FROM ${R}/x:1\n')
    expect(localParent(v.doc, v.stage, workspace)).toBeUndefined()
    const none = last('app/Dockerfile', 'FROM acme/base\n')
    expect(localParent(none.doc, none.stage, undefined)).toBeUndefined()
    expect(stageDistroIn(none.doc, none.stage, undefined).family).toBe('unknown')
  })

  it('stops on a cycle of parents', () => {
    const ws = workspaceOf({
      'compose.yaml':
        'services:\n  a:\n    build: a\n    image: acme/a\n  b:\n    build: b\n    image: acme/b\n',
      'a/Dockerfile': 'FROM acme/b\n',
      'b/Dockerfile': 'FROM acme/a\n'
    })
    const { doc, stage } = last('c/Dockerfile', 'FROM acme/a\n')
    expect(inherited(doc, stage, ws).parents.map((p) => p.path)).toEqual([
      'a/Dockerfile',
      'b/Dockerfile'
    ])
  })
})
