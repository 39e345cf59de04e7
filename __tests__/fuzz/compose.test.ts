import { describe, it } from 'vitest'
import { corpusFiles, corpusWorkspace } from '../shared.js'
import { composeFile, composeLine } from './compose-grammar.js'
import { applyMutations, mutant } from './mutate.js'
import { closeFile, fuzz } from './run.js'
import type { PropertyName } from './settings.js'

/**
 * Compose files from the fuzzers (properties.ts says what is checked): corpus files mutated,
 * linted at their corpus path inside the corpus workspace (their overrides, includes and build
 * contexts around them); grammar-built files linted as `compose.yaml` in a small project.
 */

const corpus = corpusFiles('compose')
const workspace = corpusWorkspace([...corpus, ...corpusFiles('dockerfile')])
const context = corpusWorkspace(
  [
    ['package.json', '{"name": "app"}'],
    ['Dockerfile', 'FROM alpine:3.19\nUSER app\n'],
    ['app/Dockerfile', 'FROM node:20\n'],
    ['.env', 'TAG=1\nPORT=8080\n'],
    ['other.yml', 'services:\n  other:\n    image: busybox\n'],
    ['common.yml', 'services:\n  web:\n    image: nginx\n'],
    ['app.conf', 'x=1\n'],
    ['secrets/db.txt', 'pw\n']
  ].map(([path, text]) => ({ path, text }))
)
const counts = new Map<PropertyName, number>()
const LONG = 3_600_000

describe('fuzz: compose files', () => {
  it('corpus files, mutated', { timeout: LONG }, () => {
    const arbitrary = mutant('compose', corpus.length, composeLine)
    counts.set(
      'compose/corpus-mutation',
      fuzz('compose/corpus-mutation', arbitrary, (m) => ({
        path: corpus[m.file].path,
        text: applyMutations(corpus[m.file].text, m.mutations, (i) => corpus[i].text),
        kind: 'compose',
        workspace
      }))
    )
  })

  it('grammar-built files', { timeout: LONG }, () => {
    counts.set(
      'compose/grammar',
      fuzz('compose/grammar', composeFile, (text) => ({
        path: 'compose.yaml',
        text,
        kind: 'compose',
        workspace: context
      }))
    )
  })

  it('generated every planned input', () => {
    closeFile(import.meta.filename, counts)
  })
})
