import type { ConfigLayer, ResolvedConfig } from '../config/config.js'
import { lazy } from '../core/lazy.js'
import type { Tools } from '../core/tools.js'
import type { Threshold } from '../core/types.js'
import { createClient, type GitHubClient } from '../github/client.js'
import { RUNNER_SECRETS } from '../github/redact.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'
import type { ActionIO } from './io.js'

/**
 * What every flow of the action shares (the pull-request review, `mode: post`, pushes and merge
 * queues): its input, the GitHub client, the configuration layers from inputs, the tools, the
 * threshold, and the lint engine loaded on first use.
 */

export interface FlowInput {
  ctx: RunContext
  inputs: ActionInputs
  io: ActionIO
  /**
   * The image tags of this run (shown in the summary and set as outputs), computed on first call:
   * after the flow's first API request, so that request is not held up by loading the tags code.
   */
  tags: () => Promise<string[]>
}

/** A positive whole number of milliseconds from the environment, else undefined. */
function millis(value: string | undefined): number | undefined {
  return value !== undefined && /^\d{1,7}$/.test(value.trim()) && Number(value) > 0
    ? Number(value)
    : undefined
}

/**
 * The run's GitHub client. `DOCKER_REVIEW_REQUEST_TIMEOUT_MS` (deadline of one request, default
 * 30 s) and `DOCKER_REVIEW_RETRY_BASE_MS` (back-off unit of retried reads, default 1 s) tune it;
 * the end-to-end tests shorten both.
 */
export function clientFor(input: FlowInput): GitHubClient {
  const timeoutMs = millis(input.io.env.DOCKER_REVIEW_REQUEST_TIMEOUT_MS)
  const retryBaseMs = millis(input.io.env.DOCKER_REVIEW_RETRY_BASE_MS)
  return createClient({
    token: input.inputs.token,
    apiUrl: input.ctx.apiUrl,
    log: input.io.info,
    secrets: RUNNER_SECRETS.map((name) => input.io.env[name]),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(retryBaseMs ? { retryBaseMs } : {})
  })
}

export function configLayers(inputs: ActionInputs): ConfigLayer[] {
  return inputs.failOn ? [{ source: 'input fail-on', failOn: inputs.failOn }] : []
}

/** ShellCheck when the configuration wants it; says once when it is missing. */
export function toolsFor(io: ActionIO, notes: string[]): (config: ResolvedConfig) => Tools {
  return (config) => {
    if (!config.settings.shellcheck) return {}
    const shellcheck = io.shellcheck()
    if (!shellcheck) {
      notes.push(
        'ShellCheck is not installed on this runner: SC checks of RUN instructions were skipped.'
      )
      return {}
    }
    return { shellcheck }
  }
}

export function failOnOf(inputs: ActionInputs, config: ResolvedConfig): Threshold {
  return inputs.failOn ?? config.failOn
}

/**
 * The lint engine and its rules, loaded on first use: the bundler puts them in a separate chunk, so
 * the action reaches its first API request without compiling them.
 */
export const loadLint = lazy(() => import('./lint.js'))
