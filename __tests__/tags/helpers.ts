import { buildContext, type TagContext } from '../../src/tags/context.js'
import { readTagInputs, type TagInputName, type TagInputs } from '../../src/tags/inputs.js'

export const SHA = '0123456789abcdef0123456789abcdef01234567'
export const HEAD_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
export const NOW = new Date('2025-01-02T03:04:05.000Z')

export const REPOSITORY = {
  name: 'app',
  full_name: 'acme/app',
  default_branch: 'main',
  description: 'Acme app',
  html_url: 'https://github.com/acme/app',
  license: { spdx_id: 'Apache-2.0' }
}

const PR_PAYLOAD = (n: number) => ({
  number: n,
  repository: REPOSITORY,
  pull_request: {
    number: n,
    head: { ref: 'feature/x', sha: HEAD_SHA },
    base: { ref: 'main', sha: SHA }
  }
})

/** A context for a typical run of `event` on `ref`; payload and env can be overridden. */
export function ctxFor(
  event: string,
  ref: string,
  options: { payload?: Record<string, unknown>; env?: Record<string, string> } = {}
): TagContext {
  const payload =
    options.payload ??
    (/^pull_request/.test(event) ? PR_PAYLOAD(7) : { ref, repository: REPOSITORY })
  return buildContext(
    {
      GITHUB_EVENT_NAME: event,
      GITHUB_REF: ref,
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/app',
      ...options.env
    },
    payload,
    NOW
  )
}

export const prPayload = PR_PAYLOAD

/** Inputs as the action would read them; list inputs may be given as arrays of lines. */
export function inputsFor(
  given: Partial<Record<TagInputName, string | string[]>> = {},
  env: Record<string, string> = {}
): TagInputs {
  return readTagInputs((name) => {
    const v = given[name]
    return Array.isArray(v) ? v.join('\n') : v
  }, env)
}
