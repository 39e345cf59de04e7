import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Workspace } from '../src/core/types.js'

/**
 * The team's shared test material next to the repository (`../shared/`): the corpus and the peers'
 * conformance cases, read at test time and never copied into the repository. Missing data is a
 * loud failure, not a skip.
 */
export const SHARED = join(import.meta.dirname, '../../shared')
export const CORPUS = join(SHARED, 'corpus')

export interface CorpusFile {
  /** `<owner>/<repo>/<original path>`, so files of one project share folders. */
  path: string
  /** Path under ../shared/corpus. */
  corpusPath: string
  text: string
}

/** Every corpus file of a kind, by its MANIFEST.tsv row. */
export function corpusFiles(kind: 'dockerfile' | 'compose'): CorpusFile[] {
  const manifest = join(CORPUS, 'MANIFEST.tsv')
  if (!existsSync(manifest))
    throw new Error(`corpus not found: ${manifest} (expected ../shared/corpus)`)
  return readFileSync(manifest, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols[0] === kind)
    .map((cols) => ({
      path: `${cols[2]}/${cols[3]}`,
      corpusPath: cols[1],
      text: readFileSync(join(CORPUS, cols[1]), 'utf8')
    }))
}

/** A workspace over corpus files at their original paths (a repository's files see each other). */
export function corpusWorkspace(files: Array<{ path: string; text: string }>): Workspace {
  const byPath = new Map(files.map((f) => [f.path, f.text]))
  const dirs = new Map<string, Set<string>>()
  for (const f of files) {
    const parts = f.path.split('/')
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/')
      let entries = dirs.get(dir)
      if (!entries) dirs.set(dir, (entries = new Set()))
      entries.add(parts[i])
    }
  }
  return {
    readFile: (p) => byPath.get(p),
    listDir: (d) => {
      const entries = dirs.get(d)
      return entries ? [...entries] : undefined
    }
  }
}
