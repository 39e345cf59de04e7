import { describe, it } from 'vitest'
import { corpusFiles, corpusWorkspace } from '../shared.js'
import { dockerfile, instructionLine } from './dockerfile-grammar.js'
import { applyMutations, mutant } from './mutate.js'
import { closeFile, fuzz } from './run.js'
import type { PropertyName } from './settings.js'

/**
 * Dockerfiles from the fuzzers (properties.ts says what is checked): corpus files mutated, linted
 * at their corpus path inside the corpus workspace; grammar-built files linted as `Dockerfile` in
 * a small build context.
 */

const corpus = corpusFiles('dockerfile')
const workspace = corpusWorkspace([...corpus, ...corpusFiles('compose')])
const context = corpusWorkspace(
  [
    ['package.json', '{"name": "app"}'],
    ['package-lock.json', '{}'],
    ['requirements.txt', 'flask==3.0.0\n'],
    ['src/index.js', 'console.log(1)\n'],
    ['app.tar.gz', ''],
    ['.dockerignore', 'node_modules\n*.md\n'],
    ['entrypoint.sh', '#!/bin/sh\nexec "$@"\n'],
    ['compose.yaml', 'services:\n  app:\n    build: .\n']
  ].map(([path, text]) => ({ path, text }))
)
const counts = new Map<PropertyName, number>()
const LONG = 3_600_000

describe('fuzz: Dockerfiles', () => {
  it('corpus files, mutated', { timeout: LONG }, () => {
    const arbitrary = mutant('dockerfile', corpus.length, instructionLine)
    counts.set(
      'dockerfile/corpus-mutation',
      fuzz('dockerfile/corpus-mutation', arbitrary, (m) => ({
        path: corpus[m.file].path,
        text: applyMutations(corpus[m.file].text, m.mutations, (i) => corpus[i].text),
        kind: 'dockerfile',
        workspace
      }))
    )
  })

  it('grammar-built files', { timeout: LONG }, () => {
    counts.set(
      'dockerfile/grammar',
      fuzz('dockerfile/grammar', dockerfile, (text) => ({
        path: 'Dockerfile',
        text,
        kind: 'dockerfile',
        workspace: context
      }))
    )
  })

  it('generated every planned input', () => {
    closeFile(import.meta.filename, counts)
  })
})
