import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

/**
 * The one octokit the action uses: `@actions/github` (proxy-aware fetch) with the retry plugin
 * (5xx and GraphQL "something went wrong" retried with back-off) and the throttling plugin (writes
 * serialised and spaced, secondary rate limits waited out per `retry-after`). Requests that create
 * content are sent with `retries: 0`: a 5xx may hide a write that happened, so the reporter checks
 * what exists before trying again instead of posting twice.
 */

export interface ClientOptions {
  token: string
  apiUrl: string
  /** How long to wait for a secondary rate limit before giving up (seconds). */
  maxRetryAfter?: number
  log(message: string): void
}

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubClient {
  octokit: Octokit
  /** API calls made so far (automatic retries not counted), for the run's log line. */
  readonly requests: number
}

export function createClient(options: ClientOptions): GitHubClient {
  const maxWait = options.maxRetryAfter ?? 120
  let requests = 0
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl,
      userAgent: 'docker-review',
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        onRateLimit: (retryAfter: number, _opts: unknown, _o: unknown, retryCount: number) => {
          options.log(`GitHub API rate limit reached; ${retryAfter}s until it resets`)
          return retryCount < 1 && retryAfter <= maxWait
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
      // Node's fetch has no default timeout: never hang a job on a stalled connection.
      request: { timeout: 60_000 }
    },
    retry,
    throttling
  )
  octokit.hook.before('request', () => {
    requests++
  })
  return {
    octokit,
    get requests() {
      return requests
    }
  }
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
  return text.replace(/\s+/g, ' ').slice(0, 500)
}

/** A permission problem: read-only token (fork, Dependabot) or missing `pull-requests: write`. */
export function isPermissionError(error: unknown): boolean {
  const status = statusOf(error)
  if (status === 404) return true
  if (status !== 403) return false
  return !/rate limit/i.test(describeError(error))
}
