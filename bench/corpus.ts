import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FileKind } from '../src/core/types.js'

/** The shared corpus (`../shared/corpus/`, read at bench time, never copied) and small helpers. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CORPUS = resolve(ROOT, '../shared/corpus')

/** Corpus files of one kind, sorted (`<corpus>/<dockerfiles|compose>/<repo>/<flattened path>`). */
export function corpusFiles(kind: FileKind): string[] {
  const dir = join(CORPUS, kind === 'dockerfile' ? 'dockerfiles' : 'compose')
  if (!existsSync(dir))
    throw new Error(`corpus not found at ${dir} (expected ../shared/corpus next to the repository)`)
  const out: string[] = []
  for (const repo of readdirSync(dir).sort())
    for (const f of readdirSync(join(dir, repo)).sort()) out.push(join(dir, repo, f))
  if (out.length === 0) throw new Error(`the corpus at ${dir} is empty`)
  return out
}

/** The file's path in its source repository: `<repo>/<path>` (the corpus flattens `/` to `__`). */
export function repositoryPath(corpusFile: string): string {
  const parts = corpusFile.split('/')
  return `${parts[parts.length - 2]}/${parts[parts.length - 1].split('__').join('/')}`
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

export const round = (n: number): number => Math.round(n * 100) / 100

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
