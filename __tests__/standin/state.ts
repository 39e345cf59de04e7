import { createHash } from 'node:crypto'
import { parsePatch, type FileDiff } from '../../src/diff/patch.js'
import { lineMapping, unifiedPatch } from './linediff.js'

/**
 * The stand-in's world: one repository with commits (full trees), pull requests, review threads
 * and comments, issue comments, reviews, token identities and rate-limit counters. Mutated by the
 * HTTP handlers and by tests (pushes, human replies).
 */

export interface Identity {
  login: string
  type: 'Bot' | 'User'
  /** False: a read-only token (fork pull request, Dependabot, missing permission). */
  write: boolean
}

/** File content: text, or bytes for a binary file. */
export type Content = string | Uint8Array

export interface Commit {
  sha: string
  parent?: string
  tree: Map<string, Content>
  message: string
}

export interface PullRequest {
  number: number
  nodeId: string
  title: string
  baseRef: string
  headRef: string
  baseSha: string
  headSha: string
  /** Every head the pull request has had, oldest first. */
  commits: string[]
  state: 'open' | 'closed'
  author: string
}

export interface ReviewComment {
  id: number
  nodeId: string
  threadId: string
  pullNumber: number
  reviewId: number | null
  path: string
  /** Current position on the RIGHT side, null once outdated. */
  line: number | null
  startLine: number | null
  originalLine: number
  originalStartLine: number | null
  side: 'RIGHT' | 'LEFT'
  subjectType: 'line' | 'file'
  commitId: string
  originalCommitId: string
  body: string
  author: Identity
  inReplyTo: number | null
  createdAt: string
  updatedAt: string
}

export interface Thread {
  id: string
  pullNumber: number
  isResolved: boolean
  resolvedBy: string | null
  comments: ReviewComment[]
}

export interface IssueComment {
  id: number
  nodeId: string
  issueNumber: number
  body: string
  author: Identity
  createdAt: string
  updatedAt: string
}

export interface Review {
  id: number
  nodeId: string
  pullNumber: number
  commitId: string
  body: string
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING'
  author: Identity
  submittedAt: string | null
}

export interface PrFile {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  previousFilename?: string
  additions: number
  deletions: number
  changes: number
  patch?: string
  sha: string | null
  binary: boolean
}

export const isBinary = (c: Content): c is Uint8Array => typeof c !== 'string'

export function blobSha(content: Content): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

export class World {
  owner = 'octo-org'
  repo = 'hello-docker'
  defaultBranch = 'main'
  readonly commits = new Map<string, Commit>()
  readonly branches = new Map<string, string>()
  readonly pulls = new Map<number, PullRequest>()
  readonly threads: Thread[] = []
  readonly issueComments: IssueComment[] = []
  readonly reviews: Review[] = []
  readonly tokens = new Map<string, Identity>()
  /** GitHub leaves patches out for very large diffs; lines above this have no patch. */
  maxPatchLines = 20_000
  /**
   * The primary rate limit. At 0 remaining, REST answers `status` (403 by default, or 429) and
   * GraphQL answers 200 with a RATE_LIMITED error, both with `x-ratelimit-remaining: 0`.
   */
  rateLimit: { limit: number; remaining: number; reset: number; status?: 403 | 429 } = {
    limit: 5000,
    remaining: 5000,
    reset: Math.floor(Date.now() / 1000) + 3600
  }
  /** The repository was deleted (or made invisible to every token): everything answers 404. */
  deleted = false
  private nextId = 1000
  private clock = Date.parse('2026-03-01T12:00:00Z')

  id(): number {
    return this.nextId++
  }

  now(): string {
    this.clock += 1000
    return new Date(this.clock).toISOString()
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`
  }

  addToken(token: string, identity: Identity): void {
    this.tokens.set(token, identity)
  }

  /** Create a commit whose tree is `parent`'s with `changes` applied (null deletes a path). */
  commit(
    changes: Record<string, Content | null>,
    options: { parent?: string; message?: string } = {}
  ): string {
    const tree = new Map(options.parent ? this.commits.get(options.parent)!.tree : [])
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) tree.delete(path)
      else tree.set(path, content)
    }
    const listing = [...tree]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([p, c]) => `${p}:${blobSha(c)}`)
      .join('\n')
    const sha = createHash('sha1')
      .update(`${options.parent ?? ''}\n${options.message ?? ''}\n${listing}\n${this.commits.size}`)
      .digest('hex')
    this.commits.set(sha, {
      sha,
      parent: options.parent,
      tree,
      message: options.message ?? 'commit'
    })
    return sha
  }

  openPull(input: {
    number: number
    base: string
    head: string
    baseRef?: string
    headRef?: string
    title?: string
    author?: string
  }): PullRequest {
    const pr: PullRequest = {
      number: input.number,
      nodeId: `PR_kwDO${input.number.toString(36).padStart(6, '0')}`,
      title: input.title ?? 'Update Docker setup',
      baseRef: input.baseRef ?? this.defaultBranch,
      headRef: input.headRef ?? `feature-${input.number}`,
      baseSha: input.base,
      headSha: input.head,
      commits: [input.head],
      state: 'open',
      author: input.author ?? 'octocat'
    }
    this.pulls.set(pr.number, pr)
    return pr
  }

  /**
   * Push `changes` on top of the pull request's head. Review comments move with their lines, as on
   * GitHub: a commented line the push left alone keeps its comment (at its new number, if it is
   * still in the diff); a changed line makes the thread outdated.
   */
  push(number: number, changes: Record<string, Content | null>): string {
    const pr = this.pulls.get(number)!
    const oldHead = pr.headSha
    const head = this.commit(changes, { parent: oldHead, message: 'push' })
    pr.headSha = head
    pr.commits.push(head)
    const oldTree = this.commits.get(oldHead)!.tree
    const newTree = this.commits.get(head)!.tree
    const diffs = new Map(this.pullFiles(pr).map((f) => [f.filename, parsePatch(f.patch)]))
    const mappings = new Map<string, Map<number, number>>()
    for (const thread of this.threads.filter((t) => t.pullNumber === number)) {
      for (const c of thread.comments) {
        if (c.line === null || c.subjectType === 'file') continue
        const before = oldTree.get(c.path)
        const after = newTree.get(c.path)
        if (before === undefined || after === undefined || isBinary(before) || isBinary(after)) {
          c.line = null
          c.startLine = null
          continue
        }
        let map = mappings.get(c.path)
        if (!map) mappings.set(c.path, (map = lineMapping(before, after)))
        const diff = diffs.get(c.path)
        const line = map.get(c.line)
        const start = c.startLine === null ? null : map.get(c.startLine)
        const contiguous =
          line !== undefined &&
          (c.startLine === null || (start != null && line - start === c.line - c.startLine))
        if (!contiguous || !diff?.right.has(line) || (start != null && !diff.right.has(start))) {
          c.line = null
          c.startLine = null
        } else {
          c.line = line
          c.startLine = start ?? null
        }
      }
    }
    return head
  }

  tree(sha: string): Map<string, Content> | undefined {
    return this.commits.get(sha)?.tree
  }

  /** The pull request's files as `GET /pulls/{n}/files` lists them (base…head). */
  pullFiles(pr: PullRequest): PrFile[] {
    return this.compareFiles(pr.baseSha, pr.headSha)
  }

  /** Files changed from `baseSha` (null: the empty tree) to `headSha`. */
  compareFiles(baseSha: string | null, headSha: string): PrFile[] {
    const base = baseSha === null ? new Map<string, Content>() : this.tree(baseSha)!
    const head = this.tree(headSha)!
    const files: PrFile[] = []
    const removed: string[] = []
    const added: string[] = []
    for (const [path, content] of head) {
      const before = base.get(path)
      if (before === undefined) added.push(path)
      else if (blobSha(before) !== blobSha(content)) files.push(this.entry(path, before, content))
    }
    for (const path of base.keys()) if (!head.has(path)) removed.push(path)
    // A removed and an added file with the same content are a rename.
    for (const path of added) {
      const content = head.get(path)!
      const from = removed.findIndex((r) => blobSha(base.get(r)!) === blobSha(content))
      if (from >= 0) {
        const [previous] = removed.splice(from, 1)
        files.push({
          filename: path,
          status: 'renamed',
          previousFilename: previous,
          additions: 0,
          deletions: 0,
          changes: 0,
          sha: blobSha(content),
          binary: isBinary(content)
        })
      } else files.push(this.entry(path, undefined, content))
    }
    for (const path of removed) {
      const entry = this.entry(path, base.get(path), undefined)
      files.push(entry)
    }
    files.sort((a, b) => (a.filename < b.filename ? -1 : 1))
    return files
  }

  private entry(path: string, before: Content | undefined, after: Content | undefined): PrFile {
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified'
    const binary =
      (before !== undefined && isBinary(before)) || (after !== undefined && isBinary(after))
    const file: PrFile = {
      filename: path,
      status,
      additions: 0,
      deletions: 0,
      changes: 0,
      sha: after === undefined ? null : blobSha(after),
      binary
    }
    if (binary) return file
    const patch = unifiedPatch(
      (before as string | undefined) ?? '',
      (after as string | undefined) ?? ''
    )
    const lines = patch.split('\n')
    file.additions = lines.filter((l) => l.startsWith('+')).length
    file.deletions = lines.filter((l) => l.startsWith('-')).length
    file.changes = file.additions + file.deletions
    if (lines.length <= this.maxPatchLines && patch !== '') file.patch = patch
    return file
  }

  /** The RIGHT-side geometry of a file in a pull request at one of its commits. */
  diffAt(pr: PullRequest, commit: string, path: string): FileDiff | undefined {
    const file = this.compareFiles(pr.baseSha, commit).find((f) => f.filename === path)
    return file && file.status !== 'removed' ? parsePatch(file.patch) : undefined
  }

  threadsOf(number: number): Thread[] {
    return this.threads.filter((t) => t.pullNumber === number)
  }

  reviewComments(number: number): ReviewComment[] {
    return this.threadsOf(number)
      .flatMap((t) => t.comments)
      .sort((a, b) => a.id - b.id)
  }

  findReviewComment(id: number): { thread: Thread; comment: ReviewComment } | undefined {
    for (const thread of this.threads) {
      const comment = thread.comments.find((c) => c.id === id)
      if (comment) return { thread, comment }
    }
    return undefined
  }

  deleteReviewComment(id: number): boolean {
    const found = this.findReviewComment(id)
    if (!found) return false
    found.thread.comments.splice(found.thread.comments.indexOf(found.comment), 1)
    if (found.thread.comments.length === 0)
      this.threads.splice(this.threads.indexOf(found.thread), 1)
    return true
  }

  addIssueComment(issueNumber: number, body: string, author: Identity): IssueComment {
    const id = this.id()
    const at = this.now()
    const comment: IssueComment = {
      id,
      nodeId: `IC_${id}`,
      issueNumber,
      body,
      author,
      createdAt: at,
      updatedAt: at
    }
    this.issueComments.push(comment)
    return comment
  }

  /** A human answers in a thread (tests). */
  reply(threadOrCommentId: number, login: string, body: string): ReviewComment {
    const found = this.findReviewComment(threadOrCommentId)!
    const first = found.thread.comments[0]
    const at = this.now()
    const id = this.id()
    const reply: ReviewComment = {
      ...first,
      id,
      nodeId: `PRRC_${id}`,
      reviewId: null,
      body,
      author: { login, type: 'User', write: true },
      inReplyTo: first.id,
      createdAt: at,
      updatedAt: at
    }
    found.thread.comments.push(reply)
    return reply
  }
}
