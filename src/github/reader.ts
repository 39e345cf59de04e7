import type { ExistingIssueComment, ExistingThread } from '../review/reconcile.js'
import type { Fetched, FetchRequest, FileState } from '../core/ports.js'
import { decodeText, tooLarge } from '../io/source.js'
import { describeError, statusOf, type GitHubClient } from './client.js'
import {
  pageQuery,
  parsePage,
  parseRead,
  readQuery,
  type ReadRequest,
  type ReadResult
} from './queries.js'

/**
 * Reads through GraphQL: the head versions of files and folder listings at one commit, and — in
 * the same request, the first time — the pull request's head, our threads and comments.
 *
 * A request asks for at most `MAX_OBJECTS` objects, of which at most `MAX_BLOBS` files (their
 * text is what makes an answer large; a listing is names only). Folders go first: once a folder
 * is listed, a file asked for in it that the listing does not name is known to be missing and is
 * not asked for — most of what a run asks for are guesses (`.dockerignore`, `<file>.dockerignore`,
 * override files), so a very large pull request needs a read for its folders and first files and
 * one more per `MAX_BLOBS` files, not one per 400 guesses.
 */

/** Aliased objects per query: one request for pull requests up to a few hundred files. */
export const MAX_OBJECTS = 800
/** Files (blobs, with their text) per query. */
export const MAX_BLOBS = 400
/** Times a read GitHub gave up on is halved before the run gives up. */
export const MAX_SPLITS = 2

export interface PullState {
  headSha: string
  pullRequestId?: string
  threads: ExistingThread[]
  comments: ExistingIssueComment[]
}

export interface ReaderOptions {
  owner: string
  repo: string
  /** Commit the files are read at. */
  sha: string
  /** Pull request to read along with the first batch of files. */
  pull?: { number: number; review: boolean }
  /** The base commit, where a request's `basePaths` are read (with its first batch). */
  baseSha?: string
}

export class ApiReader {
  /** What the last request that included the pull request said about it. */
  pull?: PullState
  /** Requests that read the pull request so far. */
  pullReads = 0
  private pullPending: boolean

  constructor(
    private readonly client: GitHubClient,
    private readonly options: ReaderOptions
  ) {
    this.pullPending = options.pull !== undefined
  }

  private async query(request: ReadRequest): Promise<ReadResult> {
    const { query, variables } = readQuery(request)
    const data = await this.client.octokit.graphql<unknown>(query, variables)
    return parseRead(request, data)
  }

  /**
   * One read. When GitHub gives up on it — 502 or 504 (its answer to a query that ran out of its
   * 10 seconds) or no complete answer within the client's deadline, each after the retry plugin's
   * retries — it is read again as two halves, the pull request with the first; twice at most
   * (800 → 400 → 200 objects), so an outage still ends the run after a bounded number of requests.
   */
  private async readSplitting(request: ReadRequest, splits = MAX_SPLITS): Promise<ReadResult[]> {
    try {
      return [await this.query(request)]
    } catch (error) {
      if (splits === 0 || request.blobs.length + request.trees.length < 2 || !gaveUp(error))
        throw error
      const half = <T>(list: T[]): [T[], T[]] => {
        const cut = Math.ceil(list.length / 2)
        return [list.slice(0, cut), list.slice(cut)]
      }
      const [blobs1, blobs2] = half(request.blobs)
      const [trees1, trees2] = half(request.trees)
      const first = await this.readSplitting(
        { ...request, blobs: blobs1, trees: trees1 },
        splits - 1
      )
      const second = await this.readSplitting(
        { owner: request.owner, repo: request.repo, blobs: blobs2, trees: trees2 },
        splits - 1
      )
      return [...first, ...second]
    }
  }

  private remember(read: ReadResult, review: boolean): void {
    if (!read.headSha) return
    this.pullReads++
    const state: PullState = {
      headSha: read.headSha,
      threads: review ? read.threads : (this.pull?.threads ?? []),
      comments: review ? read.comments : (this.pull?.comments ?? [])
    }
    const id = read.pullRequestId ?? this.pull?.pullRequestId
    if (id) state.pullRequestId = id
    this.pull = state
  }

  /** Read files and folders; the first call also reads the pull request. */
  async fetch(request: FetchRequest): Promise<Fetched> {
    const sha = this.options.sha
    const fetched: Fetched = { files: new Map(), dirs: new Map() }
    let paths = [...new Set(request.paths)]
    const dirs = [...new Set(request.dirs)]
    const baseSha = this.options.baseSha
    const basePaths = baseSha ? [...new Set(request.basePaths ?? [])] : []
    if (baseSha && request.basePaths) fetched.base = new Map()
    let first = true
    while (first || paths.length > 0 || dirs.length > 0) {
      const t = dirs.splice(0, MAX_OBJECTS)
      const base = first ? basePaths.map((p) => `${baseSha}:${p}`) : []
      const b = paths.splice(
        0,
        Math.max(0, Math.min(MAX_BLOBS, MAX_OBJECTS - t.length) - base.length)
      )
      const withPull = first && this.options.pull !== undefined
      const review = withPull && this.pullPending && this.options.pull!.review
      const reads = await this.readSplitting({
        owner: this.options.owner,
        repo: this.options.repo,
        ...(withPull ? { number: this.options.pull!.number, review } : {}),
        blobs: [...base, ...b.map((p) => `${sha}:${p}`)],
        trees: t.map((d) => `${sha}:${d}`)
      })
      if (withPull) {
        // The pull request is always in the first part of a split read.
        if (review) await this.morePages(reads[0])
        this.remember(reads[0], review)
        this.pullPending = false
      }
      for (const read of reads) {
        for (const [expression, blob] of read.blobs) {
          if (baseSha && base.includes(expression)) {
            const path = expression.slice(baseSha.length + 1)
            fetched.base!.set(path, await this.fileState(expression, blob, baseSha))
            continue
          }
          const path = expression.slice(sha.length + 1)
          fetched.files.set(path, await this.fileState(expression, blob))
        }
        for (const [expression, entries] of read.trees) {
          const dir = expression.slice(sha.length + 1)
          fetched.dirs.set(dir, entries ? entries.map((e) => e.name) : null)
          for (const e of entries ?? []) {
            if (e.entries)
              fetched.dirs.set(
                dir === '' ? e.name : `${dir}/${e.name}`,
                e.entries.map((x) => x.name)
              )
          }
        }
      }
      // Files the listings read so far say are not there.
      paths = paths.filter((p) => {
        if (!listedAsMissing(p, fetched.dirs)) return true
        fetched.files.set(p, { kind: 'missing' })
        return false
      })
      first = false
    }
    return fetched
  }

  /**
   * Re-read the pull request's head (just before posting) — with its threads and comments when
   * never read, or when `threads` asks for a fresh copy (after a write that may have happened).
   */
  async refreshPull(options: { threads?: boolean } = {}): Promise<PullState> {
    const review = (this.pullPending || options.threads === true) && this.options.pull!.review
    const read = await this.query({
      owner: this.options.owner,
      repo: this.options.repo,
      number: this.options.pull!.number,
      review,
      blobs: [],
      trees: []
    })
    if (review) await this.morePages(read)
    this.remember(read, review)
    this.pullPending = false
    return this.pull!
  }

  get pullRead(): boolean {
    return !this.pullPending
  }

  private async morePages(read: ReadResult): Promise<void> {
    const pr = {
      owner: this.options.owner,
      repo: this.options.repo,
      number: this.options.pull!.number
    }
    const pages = [
      ['threads', read.threadsPage],
      ['comments', read.commentsPage]
    ] as const
    for (const [kind, first] of pages) {
      for (let after = first; after;) {
        const { query, variables } = pageQuery(pr, kind, after)
        const page = parsePage(kind, await this.client.octokit.graphql<unknown>(query, variables))
        read.threads.push(...page.threads)
        read.comments.push(...page.comments)
        after = page.next
      }
    }
  }

  private async fileState(
    expression: string,
    blob: ReadResult['blobs'] extends Map<string, infer B> ? B : never,
    sha = this.options.sha
  ): Promise<FileState> {
    if (!blob) return { kind: 'missing' }
    if (blob.isBinary) return { kind: 'skipped', reason: 'binary file' }
    const large = tooLarge(blob.byteSize)
    if (large) return { kind: 'skipped', reason: large }
    if (!blob.isTruncated && blob.text !== null) return textState(blob.text)
    // GraphQL truncates large blobs: fetch the raw file.
    const path = expression.slice(sha.length + 1)
    const response = await this.client.octokit.rest.repos.getContent({
      owner: this.options.owner,
      repo: this.options.repo,
      path,
      ref: sha,
      mediaType: { format: 'raw' }
    })
    const data = response.data as unknown
    return typeof data === 'string'
      ? textState(data)
      : { kind: 'skipped', reason: 'could not read the file' }
  }
}

/** API reads decide like disk reads (src/io/source.ts): size, NUL bytes, byte order mark. */
function textState(text: string): FileState {
  const decoded = decodeText(text)
  return decoded.ok
    ? { kind: 'text', text: decoded.source.text }
    : { kind: 'skipped', reason: decoded.reason }
}

/**
 * True when the listing of `path`'s folder is known and does not name it, or the folder is known
 * not to exist: the file is missing without being asked for.
 */
export function listedAsMissing(
  path: string,
  dirs: ReadonlyMap<string, readonly string[] | null>
): boolean {
  const slash = path.lastIndexOf('/')
  const listing = dirs.get(slash === -1 ? '' : path.slice(0, slash))
  if (listing === undefined) return false
  return listing === null || !listing.includes(path.slice(slash + 1))
}

/** GitHub gave up on a query (502/504), or its answer did not come in time (src/github/client.ts). */
function gaveUp(error: unknown): boolean {
  const status = statusOf(error)
  return (
    status === 502 ||
    status === 504 ||
    (status === 500 && /no complete answer from GitHub within/.test(describeError(error)))
  )
}
