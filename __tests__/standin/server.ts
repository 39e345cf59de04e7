import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inOneHunk, parsePatch } from '../../src/diff/patch.js'
import { execute } from './graphql.js'
import { returns, schema, type GqlContext } from './graphql-schema.js'
import { openApi } from './openapi.js'
import {
  blobSha,
  isBinary,
  type Identity,
  type IssueComment,
  type PrFile,
  type PullRequest,
  type Review,
  type ReviewComment,
  type World
} from './state.js'

/**
 * The local GitHub API stand-in: real HTTP on 127.0.0.1, REST routes checked against GitHub's
 * OpenAPI description, a GraphQL endpoint, GitHub's status codes and error texts, rate-limit
 * headers (primary limit exhaustion included), and injectable faults: error statuses (JSON or
 * GitHub's HTML error page), secondary rate limits, answers that never come or come late,
 * connections cut before or in the middle of an answer, GraphQL errors, and error bodies that echo
 * the request's credentials.
 */

export interface Fault {
  method?: string
  /** Matched against the path (REST) or `graphql:query` / `graphql:mutation`. */
  path?: RegExp
  /** Answer with this error status (unless `hang`, `reset` or `graphqlErrors` says otherwise). */
  status?: number
  /** How many matching requests fail (default 1). */
  times?: number
  /** `retry-after` header (secondary rate limits). */
  retryAfter?: number
  /** Handle the request first, then answer with the fault (a write that happened but "failed"). */
  after?: boolean
  message?: string
  /** Only requests whose JSON body passes this test. */
  when?: (body: unknown) => boolean
  /** Extra fields of the error body (`errors` of a 422). */
  extra?: Record<string, unknown>
  /** Never answer (the client's deadline must fire). With `after`, the request was handled. */
  hang?: boolean
  /** Wait this long before answering (with the fault's status, or the real answer without one). */
  delayMs?: number
  /**
   * Cut the connection: `before` any byte of the answer (with `after`, the request was handled),
   * or `during` the answer (handled; the headers and half of the body are sent).
   */
  reset?: 'before' | 'during'
  /** The error body is GitHub's HTML error page instead of JSON. */
  html?: boolean
  /** The error message echoes the request's `Authorization` header, as sent or base64-encoded. */
  echoAuthorization?: 'plain' | 'base64'
  /** GraphQL: answer 200 with these errors and no data. */
  graphqlErrors?: Array<{ type?: string; message: string }>
}

export interface LoggedRequest {
  method: string
  path: string
  query: string
  status: number
  write: boolean
  /** REST operation id, or `graphql:query` / `graphql:mutation` with the root fields. */
  operation: string
  body?: unknown
  /** The injected fault, if any (`hang`, `reset before`, `503`, …); status 0 when no answer came. */
  fault?: string
}

export interface Standin {
  url: string
  world: World
  log: LoggedRequest[]
  /** OpenAPI / GraphQL conformance problems in what the client sent (tests assert none). */
  problems: string[]
  /** Comments someone asked us to change that the requesting identity did not write. */
  foreignTouches: string[]
  fail(fault: Fault): void
  /** Called after every answered request (tests use it to push mid-run). */
  onRequest(listener: (request: LoggedRequest) => void): void
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'
/** GitHub's error page for 5xx answers that never reached the API (abridged). */
const UNICORN = `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8"><title>Unicorn! &middot; GitHub</title></head>
  <body>
    <div class="container">
      <p><strong>We had issues producing the response to your request.</strong></p>
      <p>Sorry about that. Please try refreshing and contact us if the problem persists.</p>
      <div id="suggestions"><a href="https://support.github.com">Contact Support</a> &mdash;
      <a href="https://www.githubstatus.com">GitHub Status</a></div>
    </div>
  </body>
</html>
`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333.'

class HttpError extends Error {
  /** An HTML body to answer with instead of the JSON one. */
  html?: string
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {}
  ) {
    super(String(body.message))
  }
}

const fail = (
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  doc = DOCS
): never => {
  throw new HttpError(status, { message, ...extra, documentation_url: doc, status: String(status) })
}

export async function startStandin(world: World): Promise<Standin> {
  const log: LoggedRequest[] = []
  const problems: string[] = []
  const foreignTouches: string[] = []
  const faults: Array<Fault & { left: number }> = []
  const listeners: Array<(request: LoggedRequest) => void> = []
  let base = ''

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        problems.push(`stand-in crashed: ${(error as Error).stack}`)
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ message: 'Server Error' }))
      })
    })
  })

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void {
    const rl = world.rateLimit
    const common: Record<string, string> = {
      'x-ratelimit-limit': String(rl.limit),
      'x-ratelimit-remaining': String(rl.remaining),
      'x-ratelimit-reset': String(rl.reset),
      'x-ratelimit-used': String(rl.limit - rl.remaining),
      'x-github-request-id': `0000:${log.length}`
    }
    if (status === 204 || body === undefined) {
      res.writeHead(status, { ...common, ...headers })
      res.end()
      return
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    res.writeHead(status, {
      'content-type':
        typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...common,
      ...headers
    })
    res.end(text)
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? '/', base)
    const method = req.method ?? 'GET'
    const isGraphql = url.pathname === '/graphql'
    let body: unknown
    if (raw !== '') {
      try {
        body = JSON.parse(raw)
      } catch {
        send(res, 400, { message: 'Problems parsing JSON', documentation_url: DOCS })
        return
      }
    }
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      write: method !== 'GET' && method !== 'HEAD',
      operation: '',
      body
    }
    log.push(entry)
    const respond = (
      status: number,
      payload: unknown,
      headers: Record<string, string> = {}
    ): void => {
      entry.status = status
      for (const listener of listeners) listener(entry)
      send(res, status, payload, headers)
    }
    try {
      const identity = authenticate(req)
      let run: () => { status: number; body: unknown; headers?: Record<string, string> }
      if (isGraphql) {
        if (method !== 'POST') fail(404, 'Not Found')
        const { query, variables, operationName } = (body ?? {}) as {
          query?: string
          variables?: Record<string, unknown>
          operationName?: string
        }
        if (typeof query !== 'string')
          fail(400, 'A query attribute must be specified and must be a string.')
        const kind = /^\s*mutation\b/.test(query!) ? 'mutation' : 'query'
        entry.operation = `graphql:${kind}`
        entry.write = kind === 'mutation'
        run = () => {
          const ctx: GqlContext = { world, viewer: identity, foreignTouches }
          const result = execute(schema, returns, query!, variables ?? {}, ctx, operationName)
          entry.operation += ` ${result.operation?.selections.map((s) => (s.kind === 'field' ? s.name : '…')).join(',') ?? ''}`
          if (result.data === null)
            problems.push(`GraphQL rejected: ${JSON.stringify(result.errors)}`)
          return { status: 200, body: result }
        }
      } else {
        const checked = openApi().check(method, url.pathname, url.searchParams, body)
        problems.push(...checked.problems.map((p) => `${method} ${url.pathname}: ${p}`))
        if (checked.status === 404 || !checked.match) fail(404, 'Not Found')
        if (checked.status === 422) fail(422, `Invalid request.\n\n${checked.problems.join('\n')}`)
        const match = checked.match!
        entry.operation = match.operationId
        run = () => rest(match.operationId, match.params, url, body, identity, entry)
      }
      if (world.rateLimit.remaining <= 0) {
        entry.fault = 'rate limit'
        // GraphQL answers an exhausted primary limit with 200 and a RATE_LIMITED error.
        if (isGraphql) {
          respond(200, {
            errors: [
              {
                type: 'RATE_LIMITED',
                code: 'graphql_rate_limit',
                message: 'API rate limit already exceeded for installation ID 4242.'
              }
            ]
          })
          return
        }
        fail(
          world.rateLimit.status ?? 403,
          `API rate limit exceeded for installation ID 4242.`,
          {},
          `${DOCS}/overview/rate-limits-for-the-rest-api`
        )
      }
      world.rateLimit.remaining--
      const fault = takeFault(method, isGraphql ? entry.operation : url.pathname, body)
      if (!fault) {
        const result = run()
        respond(result.status, result.body, result.headers)
        return
      }
      entry.fault = faultName(fault)
      if (fault.delayMs) await sleep(fault.delayMs)
      const failing = fault.status !== undefined || fault.hang || fault.reset || fault.graphqlErrors
      const result = !failing || fault.after || fault.reset === 'during' ? run() : undefined
      if (fault.hang) return noAnswer()
      if (fault.reset === 'before') return noAnswer(() => req.socket.destroy())
      if (fault.reset === 'during') {
        const text = JSON.stringify(result!.body ?? {})
        noAnswer(() => {
          res.writeHead(result!.status, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': String(Buffer.byteLength(text))
          })
          res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy())
        })
        return
      }
      if (fault.graphqlErrors) {
        respond(200, { data: null, errors: fault.graphqlErrors })
        return
      }
      if (fault.status !== undefined) throw faultError(fault, req)
      respond(result!.status, result!.body, result!.headers)
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      if (error.html !== undefined) {
        entry.status = error.status
        for (const listener of listeners) listener(entry)
        res.writeHead(error.status, { 'content-type': 'text/html; charset=utf-8' })
        res.end(error.html)
        return
      }
      respond(error.status, error.body, error.headers)
    }

    /** No answer (a held or cut connection): logged with status 0. */
    function noAnswer(then?: () => void): void {
      entry.status = 0
      for (const listener of listeners) listener(entry)
      then?.()
    }
  }

  function authenticate(req: IncomingMessage): Identity {
    const header = req.headers.authorization ?? ''
    const token = header.replace(/^(token|bearer)\s+/i, '')
    const identity = world.tokens.get(token)
    if (!identity) fail(401, 'Bad credentials')
    return identity!
  }

  function takeFault(
    method: string,
    target: string,
    body: unknown
  ): (Fault & { left: number }) | undefined {
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === method) &&
        (!f.path || f.path.test(target)) &&
        (!f.when || f.when(body))
    )
    if (fault) fault.left--
    return fault
  }

  function faultName(fault: Fault): string {
    if (fault.hang) return 'hang'
    if (fault.reset) return `reset ${fault.reset}`
    if (fault.graphqlErrors) return `graphql errors ${fault.graphqlErrors.map((e) => e.type)}`
    return `${fault.delayMs ? `delay ${fault.delayMs}ms ` : ''}${fault.status ?? ''}`.trim()
  }

  function faultError(fault: Fault, req: IncomingMessage): HttpError {
    const auth = req.headers.authorization ?? ''
    if (fault.echoAuthorization) {
      const credential =
        fault.echoAuthorization === 'plain'
          ? auth
          : `Basic ${Buffer.from(`x-access-token:${auth.replace(/^(token|bearer)\s+/i, '')}`).toString('base64')}`
      return new HttpError(fault.status!, {
        message: `${fault.message ?? 'Upstream request failed'}; request headers: {"authorization": "${credential}", "accept": "application/vnd.github+json"}`,
        documentation_url: DOCS
      })
    }
    if (fault.html) {
      const error = new HttpError(fault.status!, { message: 'Unicorn!' })
      error.html = UNICORN
      return error
    }
    if (fault.retryAfter !== undefined) {
      return new HttpError(
        fault.status!,
        {
          message: fault.message ?? SECONDARY,
          documentation_url:
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        },
        { 'retry-after': String(fault.retryAfter) }
      )
    }
    return new HttpError(fault.status!, {
      message: fault.message ?? (fault.status! >= 500 ? 'Server Error' : 'Error'),
      ...(fault.extra ?? {})
    })
  }

  // -------------------------------------------------------------------------------------------
  // REST

  type Result = { status: number; body: unknown; headers?: Record<string, string> }

  function pull(params: Record<string, string>): PullRequest {
    repoOnly(params)
    const pr = world.pulls.get(Number(params.pull_number ?? params.issue_number))
    if (!pr) fail(404, 'Not Found')
    return pr!
  }

  function repoOnly(params: Record<string, string>): void {
    if (world.deleted || params.owner !== world.owner || params.repo !== world.repo)
      fail(404, 'Not Found')
  }

  function requireWrite(identity: Identity, doc: string): void {
    if (!identity.write) fail(403, 'Resource not accessible by integration', {}, doc)
  }

  function paginate<T>(items: T[], url: URL, map: (t: T) => unknown, maxPer = 100): Result {
    const per = Math.min(Number(url.searchParams.get('per_page') ?? 30), maxPer)
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / per))
    const slice = items.slice((page - 1) * per, page * per)
    const link = (p: number) => {
      const u = new URL(url.toString())
      u.searchParams.set('page', String(p))
      u.searchParams.set('per_page', String(per))
      return u.toString()
    }
    const links: string[] = []
    if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`)
    return {
      status: 200,
      body: slice.map(map),
      headers: links.length ? { link: links.join(', ') } : {}
    }
  }

  const user = (i: Identity) => ({
    login: i.login,
    id: i.login.length * 1000 + 1,
    type: i.type,
    node_id: `U_${i.login}`
  })

  function fileJson(f: PrFile): Record<string, unknown> {
    const out: Record<string, unknown> = {
      sha: f.sha,
      filename: f.filename,
      status: f.status,
      additions: f.additions,
      deletions: f.deletions,
      changes: f.changes,
      blob_url: `https://github.com/${world.fullName}/blob/x/${f.filename}`,
      raw_url: `https://github.com/${world.fullName}/raw/x/${f.filename}`,
      contents_url: `${base}/repos/${world.fullName}/contents/${f.filename}`
    }
    if (f.patch !== undefined) out.patch = f.patch
    if (f.previousFilename) out.previous_filename = f.previousFilename
    return out
  }

  function commentJson(c: ReviewComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: c.nodeId,
      pull_request_review_id: c.reviewId,
      diff_hunk: '@@',
      path: c.path,
      position: c.line,
      original_position: c.originalLine,
      commit_id: c.commitId,
      original_commit_id: c.originalCommitId,
      in_reply_to_id: c.inReplyTo ?? undefined,
      user: user(c.author),
      body: c.body,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      html_url: `https://github.com/${world.fullName}/pull/${c.pullNumber}#discussion_r${c.id}`,
      pull_request_url: `${base}/repos/${world.fullName}/pulls/${c.pullNumber}`,
      author_association: 'NONE',
      _links: {},
      start_line: c.startLine,
      original_start_line: c.originalStartLine,
      start_side: c.startLine === null ? null : c.side,
      line: c.line,
      original_line: c.originalLine,
      side: c.side,
      subject_type: c.subjectType
    }
  }

  function issueCommentJson(c: IssueComment): Record<string, unknown> {
    return {
      id: c.id,
      node_id: c.nodeId,
      url: `${base}/repos/${world.fullName}/issues/comments/${c.id}`,
      html_url: `https://github.com/${world.fullName}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${base}/repos/${world.fullName}/issues/${c.issueNumber}`,
      body: c.body,
      user: user(c.author),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: 'NONE'
    }
  }

  function reviewJson(r: Review): Record<string, unknown> {
    return {
      id: r.id,
      node_id: r.nodeId,
      user: user(r.author),
      body: r.body,
      state: r.state,
      commit_id: r.commitId,
      submitted_at: r.submittedAt,
      html_url: `https://github.com/${world.fullName}/pull/${r.pullNumber}#pullrequestreview-${r.id}`,
      pull_request_url: `${base}/repos/${world.fullName}/pulls/${r.pullNumber}`,
      author_association: 'NONE',
      _links: {}
    }
  }

  function pullJson(pr: PullRequest): Record<string, unknown> {
    return {
      id: pr.number * 7,
      node_id: pr.nodeId,
      number: pr.number,
      state: pr.state,
      title: pr.title,
      user: { login: pr.author },
      head: { ref: pr.headRef, sha: pr.headSha, repo: { full_name: world.fullName } },
      base: { ref: pr.baseRef, sha: pr.baseSha, repo: { full_name: world.fullName } },
      changed_files: world.pullFiles(pr).length
    }
  }

  interface CommentInput {
    path?: string
    line?: number
    side?: string
    start_line?: number
    start_side?: string
    position?: number
    body?: string
  }

  /** GitHub's checks for one review comment; the message it uses, or undefined when valid. */
  function commentProblem(pr: PullRequest, commit: string, c: CommentInput): string | undefined {
    if (c.position !== undefined) problems.push('client used the deprecated `position` field')
    const files = world.compareFiles(pr.baseSha, commit)
    const file = files.find((f) => f.filename === c.path && f.status !== 'removed')
    if (!file) return 'Pull request review thread path is invalid'
    if ((c.body ?? '').length > 65536) return 'Body is too long (maximum is 65536 characters)'
    if (c.side && c.side !== 'RIGHT') problems.push('client commented on the LEFT side')
    const diff = parsePatch(file.patch)
    if (c.line === undefined) return 'Pull request review thread line must be part of the diff'
    if (!diff.right.has(c.line)) return 'Pull request review thread line must be part of the diff'
    if (c.start_line !== undefined) {
      if (c.start_line >= c.line)
        return 'Pull request review thread start line must precede the end line.'
      if (!inOneHunk(diff, c.start_line, c.line)) {
        return 'Pull request review thread start line must be part of the same hunk as the line.'
      }
    }
    return undefined
  }

  function addThread(
    pr: PullRequest,
    commit: string,
    c: CommentInput,
    author: Identity,
    reviewId: number | null
  ): ReviewComment {
    const id = world.id()
    const at = world.now()
    const current = commit === pr.headSha
    const comment: ReviewComment = {
      id,
      nodeId: `PRRC_${id}`,
      threadId: `PRRT_${id}`,
      pullNumber: pr.number,
      reviewId,
      path: c.path!,
      line: current ? c.line! : null,
      startLine: current ? (c.start_line ?? null) : null,
      originalLine: c.line!,
      originalStartLine: c.start_line ?? null,
      side: 'RIGHT',
      subjectType: 'line',
      commitId: pr.headSha,
      originalCommitId: commit,
      body: c.body ?? '',
      author,
      inReplyTo: null,
      createdAt: at,
      updatedAt: at
    }
    world.threads.push({
      id: comment.threadId,
      pullNumber: pr.number,
      isResolved: false,
      resolvedBy: null,
      comments: [comment]
    })
    return comment
  }

  function rest(
    operation: string,
    params: Record<string, string>,
    url: URL,
    body: unknown,
    identity: Identity,
    entry: LoggedRequest
  ): Result {
    const input = (body ?? {}) as Record<string, unknown>
    switch (operation) {
      case 'pulls/get':
        return { status: 200, body: pullJson(pull(params)) }
      case 'pulls/list-files': {
        const files = world.pullFiles(pull(params)).slice(0, 3000)
        return paginate(files, url, fileJson)
      }
      case 'pulls/list-review-comments': {
        const pr = pull(params)
        return paginate(world.reviewComments(pr.number), url, commentJson)
      }
      case 'pulls/create-review': {
        const pr = pull(params)
        const doc = `${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`
        requireWrite(identity, doc)
        const commit = (input.commit_id as string | undefined) ?? pr.headSha
        if (!pr.commits.includes(commit)) {
          fail(
            422,
            'Unprocessable Entity',
            { errors: ['The commitOID is not part of the pull request'] },
            doc
          )
        }
        const event = input.event as string | undefined
        if (event === 'APPROVE' && identity.type === 'Bot') {
          fail(
            422,
            'Unprocessable Entity',
            { errors: ['GitHub Actions is not permitted to approve pull requests.'] },
            doc
          )
        }
        const comments = (input.comments ?? []) as CommentInput[]
        const reviewBody = (input.body as string | undefined) ?? ''
        if (
          (event === 'COMMENT' || event === 'REQUEST_CHANGES') &&
          reviewBody === '' &&
          comments.length === 0
        ) {
          fail(422, 'Unprocessable Entity', { errors: ['Review body can\u2019t be blank'] }, doc)
        }
        if (reviewBody.length > 65536) {
          fail(
            422,
            'Unprocessable Entity',
            { errors: ['Body is too long (maximum is 65536 characters)'] },
            doc
          )
        }
        const errors = comments
          .map((c) => commentProblem(pr, commit, c))
          .filter((e): e is string => !!e)
        if (errors.length > 0)
          fail(422, 'Unprocessable Entity', { errors: [...new Set(errors)] }, doc)
        if (!event) {
          problems.push('client left a review PENDING (no event)')
          if (
            world.reviews.some(
              (r) =>
                r.state === 'PENDING' &&
                r.author.login === identity.login &&
                r.pullNumber === pr.number
            )
          ) {
            fail(
              422,
              'Unprocessable Entity',
              { errors: ['User can only have one pending review per pull request'] },
              doc
            )
          }
        }
        const id = world.id()
        const review: Review = {
          id,
          nodeId: `PRR_${id}`,
          pullNumber: pr.number,
          commitId: commit,
          body: reviewBody,
          state: !event
            ? 'PENDING'
            : event === 'COMMENT'
              ? 'COMMENTED'
              : event === 'APPROVE'
                ? 'APPROVED'
                : 'CHANGES_REQUESTED',
          author: identity,
          submittedAt: event ? world.now() : null
        }
        world.reviews.push(review)
        for (const c of comments) addThread(pr, commit, c, identity, review.id)
        entry.operation += ` (${comments.length} comments)`
        return { status: 200, body: reviewJson(review) }
      }
      case 'pulls/create-review-comment': {
        const pr = pull(params)
        const doc = `${DOCS}/pulls/comments#create-a-review-comment-for-a-pull-request`
        requireWrite(identity, doc)
        const commit = input.commit_id as string
        if (!pr.commits.includes(commit)) {
          fail(
            422,
            'Validation Failed',
            {
              errors: [
                {
                  resource: 'PullRequestReviewComment',
                  code: 'custom',
                  field: 'commit_id',
                  message: 'commit_id is not part of the pull request'
                }
              ]
            },
            doc
          )
        }
        const c = input as CommentInput
        const problem = commentProblem(pr, commit, c)
        if (problem) {
          const field = problem.includes('start line')
            ? 'pull_request_review_thread.start_line'
            : problem.includes('path')
              ? 'pull_request_review_thread.path'
              : 'pull_request_review_thread.line'
          const message = problem.includes('same hunk')
            ? 'must be part of the same hunk as the line.'
            : problem.includes('precede')
              ? 'must precede the end line.'
              : 'could not be resolved'
          fail(
            422,
            'Validation Failed',
            { errors: [{ resource: 'PullRequestReviewComment', code: 'custom', field, message }] },
            doc
          )
        }
        return { status: 201, body: commentJson(addThread(pr, commit, c, identity, null)) }
      }
      case 'pulls/update-review-comment': {
        repoOnly(params)
        requireWrite(identity, `${DOCS}/pulls/comments#update-a-review-comment-for-a-pull-request`)
        const found = world.findReviewComment(Number(params.comment_id))
        if (!found) fail(404, 'Not Found')
        if (found!.comment.author.login !== identity.login)
          foreignTouches.push(found!.comment.nodeId)
        found!.comment.body = String(input.body)
        found!.comment.updatedAt = world.now()
        return { status: 200, body: commentJson(found!.comment) }
      }
      case 'pulls/delete-review-comment': {
        repoOnly(params)
        requireWrite(identity, `${DOCS}/pulls/comments#delete-a-review-comment-for-a-pull-request`)
        const found = world.findReviewComment(Number(params.comment_id))
        if (!found) fail(404, 'Not Found')
        if (found!.comment.author.login !== identity.login)
          foreignTouches.push(found!.comment.nodeId)
        world.deleteReviewComment(found!.comment.id)
        return { status: 204, body: undefined }
      }
      case 'issues/list-comments': {
        const pr = pull(params)
        return paginate(
          world.issueComments.filter((c) => c.issueNumber === pr.number),
          url,
          issueCommentJson
        )
      }
      case 'issues/create-comment': {
        const pr = pull(params)
        requireWrite(identity, `${DOCS}/issues/comments#create-an-issue-comment`)
        if (String(input.body).length > 65536) {
          fail(422, 'Validation Failed', {
            errors: [
              {
                resource: 'IssueComment',
                code: 'custom',
                field: 'body',
                message: 'Body is too long (maximum is 65536 characters)'
              }
            ]
          })
        }
        return {
          status: 201,
          body: issueCommentJson(world.addIssueComment(pr.number, String(input.body), identity))
        }
      }
      case 'issues/update-comment': {
        repoOnly(params)
        requireWrite(identity, `${DOCS}/issues/comments#update-an-issue-comment`)
        const c = world.issueComments.find((x) => x.id === Number(params.comment_id))
        if (!c) fail(404, 'Not Found')
        if (c!.author.login !== identity.login) foreignTouches.push(c!.nodeId)
        c!.body = String(input.body)
        c!.updatedAt = world.now()
        return { status: 200, body: issueCommentJson(c!) }
      }
      case 'issues/delete-comment': {
        repoOnly(params)
        requireWrite(identity, `${DOCS}/issues/comments#delete-an-issue-comment`)
        const i = world.issueComments.findIndex((x) => x.id === Number(params.comment_id))
        if (i < 0) fail(404, 'Not Found')
        if (world.issueComments[i].author.login !== identity.login)
          foreignTouches.push(world.issueComments[i].nodeId)
        world.issueComments.splice(i, 1)
        return { status: 204, body: undefined }
      }
      case 'repos/get-content': {
        repoOnly(params)
        const ref = url.searchParams.get('ref') ?? world.branches.get(world.defaultBranch)!
        const sha = world.commits.has(ref) ? ref : world.branches.get(ref)
        const tree = sha ? world.tree(sha) : undefined
        const content = tree?.get(params.path)
        if (content === undefined) fail(404, 'Not Found')
        if (isBinary(content!))
          return { status: 200, body: Buffer.from(content!).toString('latin1') }
        return { status: 200, body: content as string }
      }
      case 'repos/compare-commits':
      case 'repos/compare-commits-with-basehead': {
        repoOnly(params)
        // The description holds both templates for the same URL: `{basehead}` and `{base}...{head}`.
        const [baseRef, headRef] = params.basehead
          ? params.basehead.split('...')
          : [params.base, params.head]
        const resolve = (r: string) => (world.commits.has(r) ? r : world.branches.get(r))
        const b = resolve(baseRef)
        const h = resolve(headRef)
        if (!b || !h) fail(404, 'Not Found')
        const files = world.compareFiles(b!, h!).slice(0, 300)
        const page = paginate(files, url, fileJson, 100)
        return {
          status: 200,
          body: {
            status: 'ahead',
            ahead_by: 1,
            behind_by: 0,
            total_commits: 1,
            commits: [],
            files: page.body
          },
          headers: page.headers
        }
      }
      case 'repos/get-commit': {
        repoOnly(params)
        const c =
          world.commits.get(params.ref) ?? world.commits.get(world.branches.get(params.ref) ?? '')
        if (!c) fail(422, `No commit found for SHA: ${params.ref}`)
        const files = world.compareFiles(c!.parent ?? null, c!.sha)
        return {
          status: 200,
          body: {
            sha: c!.sha,
            parents: c!.parent ? [{ sha: c!.parent }] : [],
            commit: { message: c!.message },
            files: files.slice(0, 300).map(fileJson)
          }
        }
      }
      case 'git/get-tree': {
        repoOnly(params)
        const sha = world.commits.has(params.tree_sha)
          ? params.tree_sha
          : world.branches.get(params.tree_sha)
        const tree = sha ? world.tree(sha) : undefined
        if (!tree) fail(404, 'Not Found')
        const recursive = url.searchParams.has('recursive')
        const entries = new Map<string, Record<string, unknown>>()
        for (const [path, content] of tree!) {
          const parts = path.split('/')
          if (!recursive && parts.length > 1) {
            entries.set(parts[0], {
              path: parts[0],
              mode: '040000',
              type: 'tree',
              sha: `tree-${parts[0]}`
            })
            continue
          }
          for (let i = 1; i < parts.length; i++) {
            const dir = parts.slice(0, i).join('/')
            entries.set(dir, { path: dir, mode: '040000', type: 'tree', sha: `tree-${dir}` })
          }
          entries.set(path, {
            path,
            mode: '100644',
            type: 'blob',
            sha: blobSha(content),
            size: content.length
          })
        }
        return {
          status: 200,
          body: { sha: sha, url: '', tree: [...entries.values()], truncated: false }
        }
      }
      default:
        problems.push(`stand-in does not implement ${operation}`)
        return fail(501, `stand-in: ${operation} not implemented`)
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    world,
    log,
    problems,
    foreignTouches,
    fail: (fault) => faults.push({ ...fault, left: fault.times ?? 1 }),
    onRequest: (listener) => listeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
