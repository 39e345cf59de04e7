/**
 * The ports between the flows (src/action/) and their adapters (src/github/, the disk reader): what
 * a change set and a read of the repository look like. Vocabulary only: types, no behaviour.
 */

/** One file of a change set (a pull request's files, a push's diff). */
export interface ChangedFile {
  path: string
  status: string
  /** GitHub's patch; absent for binary files, very large diffs and pure renames. */
  patch?: string
  previousPath?: string
}

/** Result of reading one path at the reviewed commit. */
export type FileState =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  /** Present but not lintable (binary, too large, not UTF-8): the reason. */
  | { kind: 'skipped'; reason: string }

export interface FetchRequest {
  paths: string[]
  dirs: string[]
  /**
   * Files to read at the pull request's base commit (the configuration, `config-from: base`), in
   * the same read. Only a fetcher that knows the base answers them (`Fetched.base`).
   */
  basePaths?: string[]
}

export interface Fetched {
  files: Map<string, FileState>
  /** Folder → entry names (null: no such folder). */
  dirs: Map<string, string[] | null>
  /** The `basePaths` asked for, read at the base commit. */
  base?: Map<string, FileState>
}

export type Fetcher = (request: FetchRequest) => Promise<Fetched>
