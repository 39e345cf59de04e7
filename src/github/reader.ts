import type { ExistingIssueComment, ExistingThread } from '../review/reconcile.js'
import type { Fetched, FetchRequest, FileState } from '../action/sources.js'
import { decodeText, tooLarge } from '../io/source.js'
import type { GitHubClient } from './client.js'
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
    let first = true
    while (first || paths.length > 0 || dirs.length > 0) {
      const t = dirs.splice(0, MAX_OBJECTS)
      const b = paths.splice(0, Math.min(MAX_BLOBS, MAX_OBJECTS - t.length))
      const withPull = first && this.options.pull !== undefined
      const review = withPull && this.pullPending && this.options.pull!.review
      const read = await this.query({
        owner: this.options.owner,
        repo: this.options.repo,
        ...(withPull ? { number: this.options.pull!.number, review } : {}),
        blobs: b.map((p) => `${sha}:${p}`),
        trees: t.map((d) => `${sha}:${d}`)
      })
      if (withPull) {
        if (review) await this.morePages(read)
        this.remember(read, review)
        this.pullPending = false
      }
      for (const [expression, blob] of read.blobs) {
        fetched.files.set(expression.slice(sha.length + 1), await this.fileState(expression, blob))
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
    blob: ReadResult['blobs'] extends Map<string, infer B> ? B : never
  ): Promise<FileState> {
    if (!blob) return { kind: 'missing' }
    if (blob.isBinary) return { kind: 'skipped', reason: 'binary file' }
    const large = tooLarge(blob.byteSize)
    if (large) return { kind: 'skipped', reason: large }
    if (!blob.isTruncated && blob.text !== null) return textState(blob.text)
    // GraphQL truncates large blobs: fetch the raw file.
    const path = expression.slice(this.options.sha.length + 1)
    const response = await this.client.octokit.rest.repos.getContent({
      owner: this.options.owner,
      repo: this.options.repo,
      path,
      ref: this.options.sha,
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
