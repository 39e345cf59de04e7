import fc from 'fast-check'
import type { FileKind, Workspace } from '../../src/core/types.js'
import { corpusFiles, corpusWorkspace } from '../shared.js'
import { composeFile, composeLine } from './compose-grammar.js'
import { dockerfile, instructionLine } from './dockerfile-grammar.js'
import { applyMutations, mutant, type Mutant } from './mutate.js'
import type { FuzzInput } from './properties.js'
import type { PropertyName } from './settings.js'

/**
 * What each property generates and how a generated value becomes a linted file. Corpus mutants
 * are linted at their corpus path inside a workspace of the whole corpus (their build contexts,
 * overrides and includes around them); grammar-built files as `Dockerfile` / `compose.yaml` in a
 * small project with the files the templates refer to.
 */

export interface Target<T> {
  arbitrary: fc.Arbitrary<T>
  toInput(value: T): FuzzInput
}

const files = (entries: Array<[string, string]>): Workspace =>
  corpusWorkspace(entries.map(([path, text]) => ({ path, text })))

/** The build context of grammar-built Dockerfiles, with or without a `.dockerignore`. */
const CONTEXT_FILES: Array<[string, string]> = [
  ['package.json', '{"name": "app"}'],
  ['package-lock.json', '{}'],
  ['requirements.txt', 'flask==3.0.0\n'],
  ['src/index.js', 'console.log(1)\n'],
  ['app.tar.gz', ''],
  ['README.md', '# app\n'],
  ['.env', 'TOKEN=abc\n'],
  ['.npmrc', '//registry.npmjs.org/:_authToken=abc\n'],
  ['id_rsa', '-----BEGIN OPENSSH PRIVATE KEY-----\n'],
  ['entrypoint.sh', '#!/bin/sh\nexec "$@"\n'],
  ['compose.yaml', 'services:\n  app:\n    build: .\n']
]
const BUILD_CONTEXTS = [
  files(CONTEXT_FILES),
  files([...CONTEXT_FILES, ['.dockerignore', 'node_modules\n*.md\n.env\n']])
]

/** The project around grammar-built compose files. */
const PROJECT = files([
  ['Dockerfile', 'FROM alpine:3.19\nUSER app\n'],
  ['app/Dockerfile', 'FROM node:20\n'],
  ['.env', 'TAG=1\nPORT=8080\n'],
  ['other.yml', 'services:\n  other:\n    image: busybox\n'],
  ['common.yml', 'services:\n  web:\n    image: nginx\n'],
  ['app.conf', 'x=1\n'],
  ['secrets/db.txt', 'pw\n']
])

function mutation(kind: FileKind): Target<Mutant> {
  const corpus = corpusFiles(kind)
  const workspace = corpusWorkspace([...corpusFiles('dockerfile'), ...corpusFiles('compose')])
  return {
    arbitrary: mutant(kind, corpus.length, kind === 'dockerfile' ? instructionLine : composeLine),
    toInput: (m) => ({
      path: corpus[m.file].path,
      text: applyMutations(corpus[m.file].text, m.mutations, (i) => corpus[i].text),
      kind,
      workspace
    })
  }
}

const grammar = (
  arbitrary: fc.Arbitrary<string>,
  path: string,
  kind: FileKind,
  workspace: Workspace
): Target<string> => ({ arbitrary, toInput: (text) => ({ path, text, kind, workspace }) })

/** Grammar-built Dockerfiles, in a build context with or without a `.dockerignore`. */
const dockerfileGrammar: Target<[string, boolean]> = {
  arbitrary: fc.tuple(dockerfile, fc.boolean()),
  toInput: ([text, ignoreFile]) => ({
    path: 'Dockerfile',
    text,
    kind: 'dockerfile',
    workspace: BUILD_CONTEXTS[ignoreFile ? 1 : 0]
  })
}

export function target(
  name: PropertyName
): Target<Mutant> | Target<string> | Target<[string, boolean]> {
  switch (name) {
    case 'dockerfile/corpus-mutation':
      return mutation('dockerfile')
    case 'compose/corpus-mutation':
      return mutation('compose')
    case 'dockerfile/grammar':
      return dockerfileGrammar
    case 'compose/grammar':
      return grammar(composeFile, 'compose.yaml', 'compose', PROJECT)
  }
}
