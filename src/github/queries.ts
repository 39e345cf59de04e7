import type { ExistingIssueComment, ExistingThread } from '../review/reconcile.js'

/**
 * The GraphQL documents the action sends, built from data (paths travel as variables, never
 * spliced into the query text) and their answers parsed defensively. Pure.
 *
 * One read query serves a whole run: the pull request's current head, its node id, our review
 * threads and conversation comments, and the head version of every file (blobs) and folder
 * listing (trees) the linters need — aliased fields of `repository.object(expression:)`.
 */

export interface ReadRequest {
  owner: string
  repo: string
  /** Pull request to read (head sha always; threads and comments when `review`). */
  number?: number
  review?: boolean
  /** `<sha>:<path>` expressions of files to read. */
  blobs: string[]
  /** `<sha>:<dir>` expressions of folders to list (two levels). */
  trees: string[]
}

export interface BlobResult {
  text: string | null
  isBinary: boolean
  isTruncated: boolean
  byteSize: number
}

export interface TreeEntry {
  name: string
  type: string
  /** Names inside, for a folder. */
  entries?: Array<{ name: string; type: string }>
}

export interface ReadResult {
  headSha?: string
  pullRequestId?: string
  threads: ExistingThread[]
  threadsPage?: string
  comments: ExistingIssueComment[]
  commentsPage?: string
  /** Expression → blob (null: no such file). */
  blobs: Map<string, BlobResult | null>
  /** Expression → entries (null: no such folder). */
  trees: Map<string, TreeEntry[] | null>
}

export interface GraphqlRequest {
  query: string
  variables: Record<string, unknown>
}

const THREAD_FIELDS =
  'id isResolved path line startLine comments(first: 50) { totalCount nodes { id databaseId body viewerDidAuthor } }'
const COMMENT_FIELDS = 'id databaseId body viewerDidAuthor'
const BLOB_FIELDS = '... on Blob { text isBinary isTruncated byteSize }'
const TREE_FIELDS =
  '... on Tree { entries { name type object { ... on Tree { entries { name type } } } } }'

export function readQuery(request: ReadRequest): GraphqlRequest {
  const variables: Record<string, unknown> = { owner: request.owner, repo: request.repo }
  const decls = ['$owner: String!', '$repo: String!']
  const fields: string[] = []
  if (request.number !== undefined) {
    decls.push('$number: Int!')
    variables.number = request.number
    const review = request.review
      ? ` id reviewThreads(first: 100) { pageInfo { hasNextPage endCursor } nodes { ${THREAD_FIELDS} } } comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`
      : ''
    fields.push(`pullRequest(number: $number) { headRefOid${review} }`)
  }
  request.blobs.forEach((expression, i) => {
    decls.push(`$b${i}: String!`)
    variables[`b${i}`] = expression
    fields.push(`b${i}: object(expression: $b${i}) { ${BLOB_FIELDS} }`)
  })
  request.trees.forEach((expression, i) => {
    decls.push(`$t${i}: String!`)
    variables[`t${i}`] = expression
    fields.push(`t${i}: object(expression: $t${i}) { ${TREE_FIELDS} }`)
  })
  return {
    query: `query DockerReviewRead(${decls.join(', ')}) { repository(owner: $owner, name: $repo) { ${fields.join(' ')} } }`,
    variables
  }
}

/** Follow-up page of review threads or conversation comments. */
export function pageQuery(
  request: { owner: string; repo: string; number: number },
  kind: 'threads' | 'comments',
  after: string
): GraphqlRequest {
  const field =
    kind === 'threads'
      ? `reviewThreads(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${THREAD_FIELDS} } }`
      : `comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`
  return {
    query: `query DockerReviewPage($owner: String!, $repo: String!, $number: Int!, $after: String!) { repository(owner: $owner, name: $repo) { pullRequest(number: $number) { ${field} } } }`,
    variables: { owner: request.owner, repo: request.repo, number: request.number, after }
  }
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {})
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** A comment node (review or conversation): the same four fields. */
function parseComment(node: unknown): ExistingIssueComment {
  const comment = obj(node)
  return {
    id: str(comment.id) ?? '',
    databaseId: num(comment.databaseId),
    body: str(comment.body) ?? '',
    viewerDidAuthor: comment.viewerDidAuthor === true
  }
}

function nextCursor(connection: Json): string | undefined {
  const page = obj(connection.pageInfo)
  return page.hasNextPage === true ? str(page.endCursor) : undefined
}

function parseThreads(connection: unknown): { threads: ExistingThread[]; next?: string } {
  const conn = obj(connection)
  const threads: ExistingThread[] = []
  for (const node of list(conn.nodes)) {
    const t = obj(node)
    const comments = obj(t.comments)
    const nodes = list(comments.nodes).map(parseComment)
    // More comments than we read: someone replied; never delete such a thread.
    if (typeof comments.totalCount === 'number' && comments.totalCount > nodes.length) {
      nodes.push({ id: '', databaseId: null, body: '', viewerDidAuthor: false })
    }
    if (!str(t.id)) continue
    threads.push({
      id: str(t.id)!,
      isResolved: t.isResolved === true,
      path: str(t.path) ?? '',
      line: num(t.line),
      startLine: num(t.startLine),
      comments: nodes
    })
  }
  return { threads, next: nextCursor(conn) }
}

function parseComments(connection: unknown): { comments: ExistingIssueComment[]; next?: string } {
  const conn = obj(connection)
  const comments = list(conn.nodes)
    .map(parseComment)
    .filter((c) => c.id !== '')
  return { comments, next: nextCursor(conn) }
}

export function parseRead(request: ReadRequest, data: unknown): ReadResult {
  const repository = obj(obj(data).repository)
  const pr = obj(repository.pullRequest)
  const result: ReadResult = { threads: [], comments: [], blobs: new Map(), trees: new Map() }
  if (str(pr.headRefOid)) result.headSha = str(pr.headRefOid)
  if (str(pr.id)) result.pullRequestId = str(pr.id)
  if (request.review) {
    const threads = parseThreads(pr.reviewThreads)
    result.threads = threads.threads
    if (threads.next) result.threadsPage = threads.next
    const comments = parseComments(pr.comments)
    result.comments = comments.comments
    if (comments.next) result.commentsPage = comments.next
  }
  request.blobs.forEach((expression, i) => {
    const value = repository[`b${i}`]
    if (value === null || value === undefined) {
      result.blobs.set(expression, null)
      return
    }
    const blob = obj(value)
    if (typeof blob.isBinary !== 'boolean') {
      // A folder (or a submodule) where a file was expected.
      result.blobs.set(expression, null)
      return
    }
    result.blobs.set(expression, {
      text: str(blob.text) ?? null,
      isBinary: blob.isBinary,
      isTruncated: blob.isTruncated === true,
      byteSize: typeof blob.byteSize === 'number' ? blob.byteSize : 0
    })
  })
  request.trees.forEach((expression, i) => {
    const value = repository[`t${i}`]
    const entries = value === null || value === undefined ? undefined : obj(value).entries
    if (!Array.isArray(entries)) {
      result.trees.set(expression, null)
      return
    }
    result.trees.set(
      expression,
      entries.map((e) => {
        const entry = obj(e)
        const inner = obj(entry.object).entries
        const out: TreeEntry = { name: str(entry.name) ?? '', type: str(entry.type) ?? '' }
        if (Array.isArray(inner)) {
          out.entries = inner.map((x) => ({
            name: str(obj(x).name) ?? '',
            type: str(obj(x).type) ?? ''
          }))
        }
        return out
      })
    )
  })
  return result
}

export function parsePage(
  kind: 'threads' | 'comments',
  data: unknown
): { threads: ExistingThread[]; comments: ExistingIssueComment[]; next?: string } {
  const pr = obj(obj(obj(data).repository).pullRequest)
  if (kind === 'threads') {
    const t = parseThreads(pr.reviewThreads)
    return { threads: t.threads, comments: [], next: t.next }
  }
  const c = parseComments(pr.comments)
  return { threads: [], comments: c.comments, next: c.next }
}

// ---------------------------------------------------------------------------------------------

export type CommentChange =
  | { kind: 'update-review-comment'; id: string; body: string }
  | { kind: 'delete-review-comment'; id: string }
  | { kind: 'resolve-thread'; id: string }
  | { kind: 'update-issue-comment'; id: string; body: string }
  | { kind: 'delete-issue-comment'; id: string }

/** All comment changes of a run in one mutation (each a separately aliased field). */
export function changesMutation(changes: readonly CommentChange[]): GraphqlRequest {
  const decls: string[] = []
  const fields: string[] = []
  const variables: Record<string, unknown> = {}
  changes.forEach((c, i) => {
    decls.push(`$i${i}: ID!`)
    variables[`i${i}`] = c.id
    if ('body' in c) {
      decls.push(`$s${i}: String!`)
      variables[`s${i}`] = c.body
    }
    switch (c.kind) {
      case 'update-review-comment':
        fields.push(
          `m${i}: updatePullRequestReviewComment(input: {pullRequestReviewCommentId: $i${i}, body: $s${i}}) { clientMutationId }`
        )
        break
      case 'delete-review-comment':
        fields.push(
          `m${i}: deletePullRequestReviewComment(input: {id: $i${i}}) { clientMutationId }`
        )
        break
      case 'resolve-thread':
        fields.push(`m${i}: resolveReviewThread(input: {threadId: $i${i}}) { clientMutationId }`)
        break
      case 'update-issue-comment':
        fields.push(
          `m${i}: updateIssueComment(input: {id: $i${i}, body: $s${i}}) { clientMutationId }`
        )
        break
      case 'delete-issue-comment':
        fields.push(`m${i}: deleteIssueComment(input: {id: $i${i}}) { clientMutationId }`)
        break
    }
  })
  return {
    query: `mutation DockerReviewChanges(${decls.join(', ')}) { ${fields.join(' ')} }`,
    variables
  }
}

export interface GraphqlErrorInfo {
  type?: string
  message: string
  path?: unknown[]
}

/** Which changes failed, from a mutation's `errors` (each names its alias in `path`). */
export function failedChanges(
  changes: readonly CommentChange[],
  errors: readonly GraphqlErrorInfo[]
): Array<{ change: CommentChange; error: GraphqlErrorInfo }> {
  const out: Array<{ change: CommentChange; error: GraphqlErrorInfo }> = []
  for (const error of errors) {
    const alias = Array.isArray(error.path) ? error.path[0] : undefined
    const index = typeof alias === 'string' && /^m\d+$/.test(alias) ? Number(alias.slice(1)) : -1
    if (index >= 0 && index < changes.length) out.push({ change: changes[index], error })
  }
  return out
}
