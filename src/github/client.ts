import { getOctokit } from '@actions/github'
import { defaults as actionsDefaults } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { redact, redactDeep, secretFormsOf } from './redact.js'

/**
 * The one octokit the action uses: `@actions/github` (proxy-aware fetch) with the retry plugin
 * (5xx, timeouts, connection resets and GraphQL "something went wrong" retried with back-off) and
 * the throttling plugin (writes serialised and spaced, secondary rate limits waited out per
 * `retry-after`; an exhausted primary rate limit is never waited for beyond `maxRetryAfter`).
 * Requests that create content are sent with `retries: 0`: a 5xx may hide a write that happened,
 * so the reporter checks what exists before trying again instead of posting twice.
 *
 * Every request has a deadline (`timeoutMs`, headers and body together), and a response is read
 * whole inside it: a stalled or cut connection becomes a retryable request error instead of a hung
 * job or a half-read body. Errors never carry the token, in any form: their messages and bodies
 * are redacted before anyone sees them.
 */

export interface ClientOptions {
  token: string
  apiUrl: string
  /** How long to wait for a rate limit before giving up (seconds). */
  maxRetryAfter?: number
  /** Deadline of one request attempt, in milliseconds (default 30 s). */
  timeoutMs?: number
  /** Back-off unit of the retry plugin, in milliseconds: waits of 1, 4, 9 units (default 1 s). */
  retryBaseMs?: number
  /** Other credentials of the run, redacted from everything sent and every error, like the token. */
  secrets?: ReadonlyArray<string | undefined>
  log(message: string): void
}

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubClient {
  octokit: Octokit
  /** API calls made so far (automatic retries not counted), for the run's log line. */
  readonly requests: number
  /** `text` without the token. */
  redact(text: string): string
}

export const DEFAULT_TIMEOUT_MS = 30_000
export const DEFAULT_RETRY_BASE_MS = 1000

type Fetch = typeof globalThis.fetch

/** Statuses whose responses carry no body. */
const NO_BODY = new Set([101, 103, 204, 205, 304])

/**
 * `inner` with a deadline per call and the body read inside it: octokit turns anything thrown here
 * into a RequestError with status 500, which the retry plugin retries (reads) and the reporter
 * checks (writes).
 */
export function deadlineFetch(inner: Fetch, timeoutMs: number): Fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline
    try {
      const response = await inner(input, { ...init, signal })
      const body =
        NO_BODY.has(response.status) || init.method === 'HEAD' ? null : await response.arrayBuffer()
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers
      })
      Object.defineProperty(copy, 'url', { value: response.url })
      return copy
    } catch (error) {
      if (deadline.aborted) {
        throw new Error(`no complete answer from GitHub within ${timeoutMs / 1000}s`, {
          cause: error
        })
      }
      throw error
    }
  }
}

export function createClient(options: ClientOptions): GitHubClient {
  const maxWait = options.maxRetryAfter ?? 120
  const forms = secretFormsOf([options.token, ...(options.secrets ?? [])])
  const baseFetch = (actionsDefaults.request?.fetch as Fetch | undefined) ?? globalThis.fetch
  let requests = 0
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      userAgent: 'docker-review',
      retry: {
        doNotRetry: [400, 401, 403, 404, 410, 422, 451],
        retryAfterBaseValue: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS
      },
      throttle: {
        onRateLimit: (retryAfter: number, _opts: unknown, _o: unknown, retryCount: number) => {
          const wait = retryCount < 1 && retryAfter <= maxWait
          options.log(
            wait
              ? `GitHub API rate limit reached; waiting ${retryAfter}s until it resets`
              : `GitHub API rate limit exhausted for ${retryAfter}s; not waiting`
          )
          return wait
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          _opts: unknown,
          _o: unknown,
          retryCount: number
        ) => {
          options.log(`GitHub secondary rate limit; waiting ${retryAfter}s before retrying`)
          return retryCount < 3 && retryAfter <= maxWait
        }
      },
      // @actions/github's defaults are replaced, not merged: keep its proxy-aware fetch.
      request: { fetch: deadlineFetch(baseFetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) }
    },
    retry,
    throttling
  )
  octokit.hook.before('request', (request) => {
    requests++
    redactRequest(request as unknown as Record<string, unknown>, forms)
  })
  // Registered last, so outermost: sees the final error after every retry.
  octokit.hook.error('request', (error) => {
    throw redactError(error, forms)
  })
  // GraphQL errors come back in a 200 answer and become an error later, from their messages.
  octokit.hook.after('request', (response) => {
    const data = response.data as { errors?: unknown } | undefined
    if (data && typeof data === 'object' && Array.isArray(data.errors))
      redactDeep(data.errors, forms)
  })
  return {
    octokit,
    get requests() {
      return requests
    },
    redact: (text) => redact(text, forms)
  }
}

/** Request fields that are not content: the credential header must reach GitHub as it is. */
const NOT_CONTENT = new Set(['headers', 'method', 'url', 'baseUrl', 'request', 'mediaType'])

/**
 * Everything a request sends (review bodies, comments, GraphQL variables, the sticky summary)
 * passes the redactor: file content quoted in a finding can hold a credential.
 */
export function redactRequest(options: Record<string, unknown>, forms: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!NOT_CONTENT.has(key)) options[key] = redactDeep(options[key], forms)
  }
}

function redactError(error: unknown, forms: readonly string[]): unknown {
  if (!(error instanceof Error) || forms.length === 0) return error
  try {
    error.message = redact(error.message, forms)
    if (error.stack) error.stack = redact(error.stack, forms)
  } catch {
    // a read-only message: the fields below still are redacted
  }
  const response = (error as { response?: { data?: unknown; headers?: unknown } }).response
  if (response) {
    redactDeep(response.data, forms)
    redactDeep(response.headers, forms)
  }
  return error
}

/** HTTP status of an octokit error (RequestError), if any. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** GitHub's message for a failed request, without anything that could carry credentials. */
export function describeError(error: unknown): string {
  const status = statusOf(error)
  const response = (error as { response?: { data?: unknown } } | null)?.response
  const data = response?.data as { message?: unknown; errors?: unknown } | undefined
  const message =
    typeof data?.message === 'string'
      ? data.message
      : error instanceof Error
        ? error.message
        : String(error)
  const details = Array.isArray(data?.errors)
    ? data.errors
        .map((e) => (typeof e === 'string' ? e : ((e as { message?: string })?.message ?? '')))
        .filter(Boolean)
        .join('; ')
    : ''
  const text = `${status ? `${status} ` : ''}${message}${details ? ` (${details})` : ''}`
  const limit = rateLimitOf(error)
  const when = limit?.reset
    ? ` (the limit resets at ${limit.reset.toISOString().slice(11, 19)} UTC)`
    : ''
  return `${text.replace(/\s+/g, ' ').slice(0, 500)}${when}`
}

/**
 * When GitHub's primary rate limit for the token is used up (403/429, or a GraphQL `RATE_LIMITED`
 * error, with `x-ratelimit-remaining: 0`): when it resets, if GitHub said. Undefined for anything
 * else (secondary rate limits included: those are waited out by the throttling plugin).
 */
export function rateLimitOf(error: unknown): { reset?: Date } | undefined {
  const e = error as {
    response?: { headers?: Record<string, unknown>; data?: { errors?: unknown } }
    headers?: Record<string, unknown>
    errors?: unknown
    message?: unknown
  } | null
  if (!e || typeof e !== 'object') return undefined
  const headers = e.response?.headers ?? e.headers ?? {}
  const graphqlErrors = [e.errors, e.response?.data?.errors].flatMap((x) =>
    Array.isArray(x) ? x : []
  )
  const limited =
    String(headers['x-ratelimit-remaining']) === '0' &&
    (statusOf(error) === 403 ||
      statusOf(error) === 429 ||
      graphqlErrors.some((x) => (x as { type?: unknown })?.type === 'RATE_LIMITED') ||
      /rate limit/i.test(String(e.message)))
  if (!limited) return undefined
  const reset = Number(headers['x-ratelimit-reset'])
  return Number.isFinite(reset) && reset > 0 ? { reset: new Date(reset * 1000) } : {}
}

/** The primary rate limit is exhausted (see `rateLimitOf`). */
export function isRateLimited(error: unknown): boolean {
  return rateLimitOf(error) !== undefined
}

/** A permission problem: read-only token (fork, Dependabot) or missing `pull-requests: write`. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error)
  if (status === 404) return true
  if (status !== 403) return false
  return !/rate limit/i.test(describeError(error))
}

/** The pull request, its repository, or the thing written to is gone (or invisible to the token). */
export function isNotFound(error: unknown): boolean {
  if (statusOf(error) === 404) return true
  const errors = (error as { errors?: unknown } | null)?.errors
  return (
    statusOf(error) === undefined &&
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((x) => (x as { type?: unknown })?.type === 'NOT_FOUND')
  )
}
