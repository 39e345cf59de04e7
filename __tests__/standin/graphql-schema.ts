import { FieldError, type ReturnTypes, type Schema } from './graphql.js'
import {
  blobSha,
  isBinary,
  type Content,
  type Identity,
  type IssueComment,
  type PullRequest,
  type ReviewComment,
  type Thread,
  type World
} from './state.js'

/**
 * The part of GitHub's GraphQL schema docker-review reads and writes: repository objects (blobs,
 * trees), pull requests with review threads and conversation comments, and the comment mutations.
 * Read-only tokens get GitHub's FORBIDDEN errors on every mutation.
 */

export interface GqlContext {
  world: World
  viewer: Identity
  /** Comments we were asked to change that someone else wrote (tests assert this stays empty). */
  foreignTouches: string[]
}

/** GitHub truncates `Blob.text` for large blobs. */
export const BLOB_TEXT_LIMIT = 512 * 1024

type Obj = { __type: string } & Record<string, unknown>
const obj = (type: string, value: Record<string, unknown>): Obj => ({ __type: type, ...value })

interface ConnArgs {
  first?: number
  after?: string
  last?: number
  before?: string
}

function connection<T>(type: string, items: T[], args: ConnArgs, wrap: (item: T) => unknown): Obj {
  const cursor = (i: number) => Buffer.from(`cursor:${i}`).toString('base64')
  const index = (c: string | undefined) =>
    c === undefined ? undefined : Number(Buffer.from(c, 'base64').toString().split(':')[1])
  if (args.first !== undefined && (args.first < 0 || args.first > 100)) {
    throw new FieldError(
      `Requesting ${args.first} records on the connection exceeds the \`first\` limit of 100 records.`,
      'EXCESSIVE_PAGINATION'
    )
  }
  let start = 0
  let end = items.length
  const after = index(args.after)
  const before = index(args.before)
  if (after !== undefined) start = after + 1
  if (before !== undefined) end = before
  if (args.first !== undefined) end = Math.min(end, start + args.first)
  if (args.last !== undefined) start = Math.max(start, end - args.last)
  const slice = items.slice(start, end).map((item, i) => ({ item, i: start + i }))
  return obj(type, {
    totalCount: items.length,
    nodes: slice.map((s) => wrap(s.item)),
    pageInfo: obj('PageInfo', {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      endCursor: slice.length ? cursor(slice[slice.length - 1].i) : null,
      startCursor: slice.length ? cursor(slice[0].i) : null
    })
  })
}

const graphqlLogin = (identity: Identity): string => identity.login.replace(/\[bot\]$/, '')

function actor(identity: Identity): Obj {
  return obj(identity.type, { login: graphqlLogin(identity) })
}

function requireWrite(ctx: GqlContext, id?: unknown): void {
  // Nodes of a deleted repository are gone.
  if (ctx.world.deleted) notFound(id)
  if (!ctx.viewer.write) throw new FieldError('Resource not accessible by integration', 'FORBIDDEN')
}

function notFound(id: unknown): never {
  throw new FieldError(
    `Could not resolve to a node with the global id of '${String(id)}'`,
    'NOT_FOUND'
  )
}

function gitObject(world: World, expression: string): Obj | null {
  const colon = expression.indexOf(':')
  const rev = colon === -1 ? expression : expression.slice(0, colon)
  const path = colon === -1 ? undefined : expression.slice(colon + 1).replace(/\/+$/, '')
  const sha = world.commits.has(rev) ? rev : world.branches.get(rev)
  const tree = sha ? world.tree(sha) : undefined
  if (!sha || !tree) return null
  if (path === undefined) return obj('Commit', { oid: sha, tree: treeObject(tree, '') })
  const content = tree.get(path)
  if (content !== undefined) return blob(content)
  const prefix = path === '' ? '' : `${path}/`
  for (const p of tree.keys()) if (p.startsWith(prefix)) return treeObject(tree, path)
  return null
}

function blob(content: Content): Obj {
  const binary = isBinary(content)
  const size = binary ? content.length : Buffer.byteLength(content, 'utf8')
  const truncated = !binary && size > BLOB_TEXT_LIMIT
  return obj('Blob', {
    oid: blobSha(content),
    byteSize: size,
    isBinary: binary,
    isTruncated: truncated,
    text: binary ? null : truncated ? (content as string).slice(0, BLOB_TEXT_LIMIT) : content
  })
}

function treeObject(tree: Map<string, Content>, dir: string): Obj {
  const prefix = dir === '' ? '' : `${dir}/`
  const entries = new Map<string, 'blob' | 'tree'>()
  for (const path of tree.keys()) {
    if (!path.startsWith(prefix)) continue
    const rest = path.slice(prefix.length)
    const slash = rest.indexOf('/')
    entries.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? 'blob' : 'tree')
  }
  return obj('Tree', {
    oid: `tree:${dir}`,
    entries: [...entries]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, type]) => {
        const path = `${prefix}${name}`
        return obj('TreeEntry', {
          name,
          type,
          path,
          mode: type === 'tree' ? 16384 : 33188,
          object: type === 'tree' ? treeObject(tree, path) : blob(tree.get(path)!)
        })
      })
  })
}

/** The `Comment` interface's fields, shared by review and conversation comments. */
function commentFields(c: ReviewComment | IssueComment, ctx: GqlContext): Record<string, unknown> {
  const mine = c.author.login === ctx.viewer.login
  return {
    id: c.nodeId,
    databaseId: c.id,
    fullDatabaseId: String(c.id),
    body: c.body,
    author: actor(c.author),
    viewerDidAuthor: mine,
    viewerCanUpdate: mine && ctx.viewer.write,
    viewerCanDelete: mine && ctx.viewer.write,
    createdAt: c.createdAt
  }
}
const COMMENT_FIELDS = [
  'id',
  'databaseId',
  'fullDatabaseId',
  'body',
  'author',
  'viewerDidAuthor',
  'viewerCanUpdate',
  'viewerCanDelete',
  'createdAt'
]

function reviewComment(c: ReviewComment, ctx: GqlContext): Obj {
  return obj('PullRequestReviewComment', {
    ...commentFields(c, ctx),
    path: c.path,
    line: c.line,
    originalLine: c.originalLine,
    outdated: c.line === null && c.subjectType === 'line'
  })
}

function thread(t: Thread, ctx: GqlContext): Obj {
  const first = t.comments[0]
  return obj('PullRequestReviewThread', {
    id: t.id,
    isResolved: t.isResolved,
    isOutdated: first.line === null && first.subjectType === 'line',
    path: first.path,
    line: first.line,
    startLine: first.startLine,
    originalLine: first.originalLine,
    originalStartLine: first.originalStartLine,
    diffSide: first.side,
    startDiffSide: first.startLine === null ? null : first.side,
    subjectType: first.subjectType === 'file' ? 'FILE' : 'LINE',
    viewerCanResolve: ctx.viewer.write,
    resolvedBy: t.resolvedBy ? obj('User', { login: t.resolvedBy }) : null,
    __comments: t.comments
  })
}

function issueComment(c: IssueComment, ctx: GqlContext): Obj {
  return obj('IssueComment', commentFields(c, ctx))
}

function pullRequest(pr: PullRequest, ctx: GqlContext): Obj {
  return obj('PullRequest', {
    id: pr.nodeId,
    number: pr.number,
    headRefOid: pr.headSha,
    baseRefOid: pr.baseSha,
    headRefName: pr.headRef,
    baseRefName: pr.baseRef,
    state: pr.state === 'open' ? 'OPEN' : 'CLOSED',
    changedFiles: ctx.world.pullFiles(pr).length,
    __pr: pr
  })
}

/** Plain fields read straight off the resolved object. */
function plain(...names: string[]): Record<string, { resolve: (p: unknown) => unknown }> {
  return Object.fromEntries(names.map((n) => [n, { resolve: (p: unknown) => (p as Obj)[n] }]))
}

const CONN = ['first', 'after', 'last', 'before']

export const schema: Schema<GqlContext> = {
  typeOf: (value) => (value as Obj).__type,
  types: {
    Query: {
      fields: {
        repository: {
          args: ['owner', 'name', 'followRenames'],
          resolve: (_p, args, ctx) => {
            const w = ctx.world
            if (w.deleted || args.owner !== w.owner || args.name !== w.repo) {
              throw new FieldError(
                `Could not resolve to a Repository with the name '${String(args.owner)}/${String(args.name)}'.`,
                'NOT_FOUND'
              )
            }
            return obj('Repository', { name: w.repo, nameWithOwner: w.fullName })
          }
        },
        viewer: { resolve: (_p, _a, ctx) => actor(ctx.viewer) },
        rateLimit: {
          resolve: (_p, _a, ctx) =>
            obj('RateLimit', {
              cost: 1,
              limit: ctx.world.rateLimit.limit,
              remaining: ctx.world.rateLimit.remaining,
              resetAt: new Date(ctx.world.rateLimit.reset * 1000).toISOString()
            })
        }
      }
    },
    Repository: {
      fields: {
        ...plain('name', 'nameWithOwner'),
        pullRequest: {
          args: ['number'],
          resolve: (_p, args, ctx) => {
            const pr = ctx.world.pulls.get(Number(args.number))
            if (!pr) {
              throw new FieldError(
                `Could not resolve to a PullRequest with the number of ${String(args.number)}.`,
                'NOT_FOUND'
              )
            }
            return pullRequest(pr, ctx)
          }
        },
        object: {
          args: ['expression', 'oid'],
          resolve: (_p, args, ctx) =>
            gitObject(ctx.world, String(args.expression ?? args.oid ?? ''))
        }
      }
    },
    PullRequest: {
      fields: {
        ...plain(
          'id',
          'number',
          'headRefOid',
          'baseRefOid',
          'headRefName',
          'baseRefName',
          'state',
          'changedFiles'
        ),
        reviewThreads: {
          args: CONN,
          resolve: (p, args, ctx) =>
            connection(
              'PullRequestReviewThreadConnection',
              ctx.world.threadsOf((p as { __pr: PullRequest }).__pr.number),
              args as ConnArgs,
              (t) => thread(t, ctx)
            )
        },
        comments: {
          args: [...CONN, 'orderBy'],
          resolve: (p, args, ctx) => {
            const number = (p as { __pr: PullRequest }).__pr.number
            const list = ctx.world.issueComments.filter((c) => c.issueNumber === number)
            return connection('IssueCommentConnection', list, args as ConnArgs, (c) =>
              issueComment(c, ctx)
            )
          }
        }
      }
    },
    PullRequestReviewThread: {
      fields: {
        ...plain(
          'id',
          'isResolved',
          'isOutdated',
          'path',
          'line',
          'startLine',
          'originalLine',
          'originalStartLine',
          'diffSide',
          'startDiffSide',
          'subjectType',
          'viewerCanResolve',
          'resolvedBy'
        ),
        comments: {
          args: CONN,
          resolve: (p, args, ctx) =>
            connection(
              'PullRequestReviewCommentConnection',
              (p as { __comments: ReviewComment[] }).__comments,
              args as ConnArgs,
              (c) => reviewComment(c, ctx)
            )
        }
      }
    },
    PullRequestReviewComment: {
      implements: ['Comment', 'Node'],
      fields: plain(...COMMENT_FIELDS, 'path', 'line', 'originalLine', 'outdated')
    },
    IssueComment: { implements: ['Comment', 'Node'], fields: plain(...COMMENT_FIELDS) },
    PullRequestReviewThreadConnection: { fields: plain('totalCount', 'nodes', 'pageInfo') },
    PullRequestReviewCommentConnection: { fields: plain('totalCount', 'nodes', 'pageInfo') },
    IssueCommentConnection: { fields: plain('totalCount', 'nodes', 'pageInfo') },
    IssueCommentEdge: { fields: plain('cursor', 'node') },
    PageInfo: { fields: plain('hasNextPage', 'hasPreviousPage', 'endCursor', 'startCursor') },
    User: { implements: ['Actor'], fields: plain('login') },
    Bot: { implements: ['Actor'], fields: plain('login') },
    RateLimit: { fields: plain('cost', 'limit', 'remaining', 'resetAt') },
    Blob: {
      implements: ['GitObject'],
      fields: plain('oid', 'byteSize', 'isBinary', 'isTruncated', 'text')
    },
    Tree: { implements: ['GitObject'], fields: plain('oid', 'entries') },
    TreeEntry: { fields: plain('name', 'type', 'path', 'mode', 'object') },
    Commit: { implements: ['GitObject'], fields: plain('oid', 'tree') },
    Mutation: {
      fields: {
        updatePullRequestReviewComment: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as {
              pullRequestReviewCommentId: string
              body: string
              clientMutationId?: string
            }
            const found = findReviewNode(ctx, input.pullRequestReviewCommentId)
            touch(ctx, found.comment.author, input.pullRequestReviewCommentId)
            found.comment.body = input.body
            found.comment.updatedAt = ctx.world.now()
            return obj('Payload', {
              clientMutationId: input.clientMutationId ?? null,
              pullRequestReviewComment: reviewComment(found.comment, ctx)
            })
          }
        },
        deletePullRequestReviewComment: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as { id: string; clientMutationId?: string }
            const found = findReviewNode(ctx, input.id)
            touch(ctx, found.comment.author, input.id)
            ctx.world.deleteReviewComment(found.comment.id)
            return obj('Payload', { clientMutationId: input.clientMutationId ?? null })
          }
        },
        resolveReviewThread: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as { threadId: string; clientMutationId?: string }
            const t =
              ctx.world.threads.find((x) => x.id === input.threadId) ?? notFound(input.threadId)
            t.isResolved = true
            t.resolvedBy = graphqlLogin(ctx.viewer)
            return obj('Payload', {
              clientMutationId: input.clientMutationId ?? null,
              thread: thread(t, ctx)
            })
          }
        },
        addComment: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as {
              subjectId: string
              body: string
              clientMutationId?: string
            }
            const pr =
              [...ctx.world.pulls.values()].find((p) => p.nodeId === input.subjectId) ??
              notFound(input.subjectId)
            const c = ctx.world.addIssueComment(pr.number, input.body, ctx.viewer)
            return obj('Payload', {
              clientMutationId: input.clientMutationId ?? null,
              commentEdge: obj('IssueCommentEdge', { cursor: 'x', node: issueComment(c, ctx) })
            })
          }
        },
        updateIssueComment: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as { id: string; body: string; clientMutationId?: string }
            const c =
              ctx.world.issueComments.find((x) => x.nodeId === input.id) ?? notFound(input.id)
            touch(ctx, c.author, input.id)
            c.body = input.body
            c.updatedAt = ctx.world.now()
            return obj('Payload', {
              clientMutationId: input.clientMutationId ?? null,
              issueComment: issueComment(c, ctx)
            })
          }
        },
        deleteIssueComment: {
          args: ['input'],
          resolve: (_p, args, ctx) => {
            requireWrite(ctx)
            const input = args.input as { id: string; clientMutationId?: string }
            const i = ctx.world.issueComments.findIndex((x) => x.nodeId === input.id)
            if (i < 0) notFound(input.id)
            touch(ctx, ctx.world.issueComments[i].author, input.id)
            ctx.world.issueComments.splice(i, 1)
            return obj('Payload', { clientMutationId: input.clientMutationId ?? null })
          }
        }
      }
    },
    Payload: {
      fields: plain(
        'clientMutationId',
        'pullRequestReviewComment',
        'thread',
        'commentEdge',
        'issueComment'
      )
    }
  }
}

function findReviewNode(ctx: GqlContext, id: string): { thread: Thread; comment: ReviewComment } {
  for (const t of ctx.world.threads) {
    const comment = t.comments.find((c) => c.nodeId === id)
    if (comment) return { thread: t, comment }
  }
  return notFound(id)
}

function touch(ctx: GqlContext, author: Identity, id: string): void {
  if (author.login !== ctx.viewer.login) ctx.foreignTouches.push(id)
}

/** Field return types, for validating nested selections. */
export const returns: ReturnTypes = {
  'Query.repository': 'Repository',
  'Query.viewer': 'Actor',
  'Query.rateLimit': 'RateLimit',
  'Repository.pullRequest': 'PullRequest',
  'Repository.object': 'GitObject',
  'PullRequest.reviewThreads': 'PullRequestReviewThreadConnection',
  'PullRequest.comments': 'IssueCommentConnection',
  'PullRequestReviewThread.comments': 'PullRequestReviewCommentConnection',
  'PullRequestReviewThread.resolvedBy': 'Actor',
  'PullRequestReviewComment.author': 'Actor',
  'IssueComment.author': 'Actor',
  'PullRequestReviewThreadConnection.nodes': 'PullRequestReviewThread',
  'PullRequestReviewThreadConnection.pageInfo': 'PageInfo',
  'PullRequestReviewCommentConnection.nodes': 'PullRequestReviewComment',
  'PullRequestReviewCommentConnection.pageInfo': 'PageInfo',
  'IssueCommentConnection.nodes': 'IssueComment',
  'IssueCommentConnection.pageInfo': 'PageInfo',
  'IssueCommentEdge.node': 'IssueComment',
  'Tree.entries': 'TreeEntry',
  'TreeEntry.object': 'GitObject',
  'Commit.tree': 'Tree',
  'Mutation.updatePullRequestReviewComment': 'Payload',
  'Mutation.deletePullRequestReviewComment': 'Payload',
  'Mutation.resolveReviewThread': 'Payload',
  'Mutation.addComment': 'Payload',
  'Mutation.updateIssueComment': 'Payload',
  'Mutation.deleteIssueComment': 'Payload',
  'Payload.pullRequestReviewComment': 'PullRequestReviewComment',
  'Payload.thread': 'PullRequestReviewThread',
  'Payload.commentEdge': 'IssueCommentEdge',
  'Payload.issueComment': 'IssueComment'
}
