import { parseArgs } from 'node:util'
import type { TagInputName } from '../tags/inputs.js'
import { loadPayload, runTags } from '../tags/run.js'

/** What `docker-review tags` needs from the process. */
export interface CliIO {
  env: Record<string, string | undefined>
  readFile(path: string): string
  stdout(text: string): void
  stderr(text: string): void
  now(): Date
}

/** Flags that take list text (newline-separated entries, as the action inputs); may repeat. */
const LIST_FLAGS = [
  'images',
  'tags',
  'flavor',
  'labels',
  'annotations',
  'stable-tags',
  'existing-versions'
] as const
const SEPARATOR_FLAGS = ['sep-tags', 'sep-labels', 'sep-annotations'] as const
const SWITCH_FLAGS = ['unique-branch-tags', 'latest-if-highest'] as const
const CONTEXT_FLAGS = {
  'event-name': 'GITHUB_EVENT_NAME',
  ref: 'GITHUB_REF',
  sha: 'GITHUB_SHA',
  'event-path': 'GITHUB_EVENT_PATH',
  repository: 'GITHUB_REPOSITORY',
  'server-url': 'GITHUB_SERVER_URL'
} as const

export const TAGS_USAGE = `Usage: docker-review tags [options]

Compute PR-safe image tags, OCI labels and annotations (docker/metadata-action compatible).
Context flags fall back to the GITHUB_* variables when absent.

Context:
  --event-name <name>        push, pull_request, pull_request_target, merge_group, schedule, ...
  --ref <ref>                refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge
  --sha <sha>                the commit being built
  --event-path <file>        event payload JSON (default branch, PR data, repository)
  --repository <owner/name>  for labels when the payload has no repository
  --server-url <url>         default https://github.com
  --default-branch <name>    the default branch, when there is no payload

Configuration (same text as the action inputs; list flags take newline-separated
entries and may be repeated):
  --images <list>            image names; without them tags are bare names
  --tags <list>              type=ref,event=branch / type=semver,pattern={{version}} / ...
  --flavor <list>            latest=auto|true|false, prefix=..., suffix=...[,onlatest=true]
  --labels <list>            extra labels key=value
  --annotations <list>       extra annotations key=value
  --stable-tags <list>       globs a pull-request run must never produce
  --existing-versions <list> released versions, for --latest-if-highest
  --latest-if-highest        move latest / X / X.Y only for the highest release
  --unique-branch-tags       add a hash of the ref when a branch name had to be changed
  --sep-tags <s>, --sep-labels <s>, --sep-annotations <s>   separators (lines format)

Output:
  --format lines|json        lines: one tag per line (default); json: one document
                             {"version","tags","labels","annotations"}
  --help

Exit status: 0 on success, 2 on a usage or input error.
`

/** `docker-review tags …`; `argv` holds the arguments after `tags`. Returns the exit code. */
export function runTagsCli(argv: string[], io: CliIO): number {
  let values: Record<string, string | string[] | boolean | undefined>
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(LIST_FLAGS.map((f) => [f, { type: 'string', multiple: true }])),
        ...Object.fromEntries(SEPARATOR_FLAGS.map((f) => [f, { type: 'string' }])),
        ...Object.fromEntries(SWITCH_FLAGS.map((f) => [f, { type: 'boolean' }])),
        ...Object.fromEntries(Object.keys(CONTEXT_FLAGS).map((f) => [f, { type: 'string' }])),
        'default-branch': { type: 'string' },
        format: { type: 'string', default: 'lines' },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
  } catch (e) {
    io.stderr(`docker-review tags: ${(e as Error).message}\n\n${TAGS_USAGE}`)
    return 2
  }
  if (values.help) {
    io.stdout(TAGS_USAGE)
    return 0
  }
  const format = values.format as string
  if (format !== 'lines' && format !== 'json') {
    io.stderr(`docker-review tags: --format must be lines or json, got "${format}"\n`)
    return 2
  }

  try {
    const env = { ...io.env }
    for (const [flag, name] of Object.entries(CONTEXT_FLAGS)) {
      if (typeof values[flag] === 'string') env[name] = values[flag] as string
    }
    const payload = withDefaultBranch(
      loadPayload(env.GITHUB_EVENT_PATH ?? '', (path) => io.readFile(path)),
      values['default-branch'] as string | undefined
    )
    const input = (name: TagInputName): string | undefined => {
      const value = values[name]
      if (Array.isArray(value)) return value.join('\n')
      if (typeof value === 'boolean') return String(value)
      return value
    }
    const { result, outputs } = runTags({ env, payload, input, now: io.now() })
    for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`)
    if (format === 'json') {
      const { version, tags, labels, annotations } = result
      io.stdout(`${JSON.stringify({ version, tags, labels, annotations }, null, 2)}\n`)
    } else if (outputs.tags !== '') {
      io.stdout(`${outputs.tags}\n`)
    }
    return 0
  } catch (e) {
    io.stderr(`docker-review tags: ${(e as Error).message}\n`)
    return 2
  }
}

/** `--default-branch` goes where the action finds it: the payload's `repository.default_branch`. */
function withDefaultBranch(payload: unknown, defaultBranch: string | undefined): unknown {
  if (defaultBranch === undefined) return payload
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >
  const repository = (
    typeof p.repository === 'object' && p.repository !== null ? p.repository : {}
  ) as object
  return { ...p, repository: { ...repository, default_branch: defaultBranch } }
}
