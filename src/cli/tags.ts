import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Env } from '../tags/context.js'
import type { TagInputName } from '../tags/inputs.js'
import { bakeFiles, outputEnvName } from '../tags/outputs.js'
import { loadPayload, runTags } from '../tags/run.js'
import { SOURCE_NAMES, detectSource, gitlabContext, jenkinsContext } from '../tags/sources.js'

/** What `docker-review tags` needs from the process. */
export interface CliIO {
  env: Record<string, string | undefined>
  readFile(path: string): string
  /** Write a file, making its folder (for `--bake-dir`). */
  writeFile(path: string, text: string): void
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
const SEPARATOR_FLAGS = ['sep-tags', 'sep-labels', 'sep-annotations', 'bake-target'] as const
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
The run's context comes from the CI's variables — GitHub Actions (GITHUB_*), GitLab CI
(CI_PIPELINE_SOURCE, CI_COMMIT_*, CI_MERGE_REQUEST_IID, CI_DEFAULT_BRANCH, ...) or Jenkins
(BRANCH_NAME, TAG_NAME, CHANGE_ID, GIT_COMMIT) — and the context flags override them. With no
context at all the command exits 2. An event that is not a push, release, schedule or dispatch
on a branch or tag (unknown names included) is a pull request: it never gets a stable tag.

Context:
  --event-name <name>        push, pull_request, pull_request_target, merge_group, schedule, ...
                             (default with --ref alone: push, or pull_request for refs/pull/)
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
  --bake-target <name>       target name in the bake files (default docker-metadata-action)

Output:
  --format lines|json|env    lines: one tag per line (default); json: one document
                             {"version","tags","labels","annotations"}; env: every output as
                             DOCKER_METADATA_OUTPUT_<NAME>='<value>', for sh's eval or '.'
  --bake-dir <dir>           write metadata-action's four bake files there (their paths are
                             the bake-file* outputs)
  --help

Exit status: 0 on success, 2 on a usage or input error or when there is no context.
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
        'bake-dir': { type: 'string' },
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
  if (format !== 'lines' && format !== 'json' && format !== 'env') {
    io.stderr(`docker-review tags: --format must be lines, json or env, got "${format}"\n`)
    return 2
  }

  try {
    const { env, payload: found, note } = resolveContext(values, io)
    if (note) io.stderr(`note: ${note}\n`)
    const payload = withDefaultBranch(found, values['default-branch'] as string | undefined)
    const input = (name: TagInputName): string | undefined => {
      const value = values[name]
      if (Array.isArray(value)) return value.join('\n')
      if (typeof value === 'boolean') return String(value)
      return value
    }
    const { result, inputs, outputs } = runTags({ env, payload, input, now: io.now() })
    for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`)
    const bakeDir = values['bake-dir'] as string | undefined
    if (bakeDir !== undefined) {
      for (const bake of bakeFiles(result, inputs)) {
        const path = join(bakeDir, bake.file)
        io.writeFile(path, bake.content)
        outputs[bake.output] = path
      }
    }
    if (format === 'env') {
      for (const [name, value] of Object.entries(outputs)) {
        io.stdout(`${outputEnvName(name)}=${shellQuote(value)}\n`)
      }
    } else if (format === 'json') {
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

/**
 * The run's context: a detected CI's variables (GitHub's as they are; GitLab's and Jenkins' mapped
 * onto GitHub's events and refs), then the context flags over them. Throws when nothing says what
 * the run is — no event and no ref — rather than guess.
 */
function resolveContext(
  values: Record<string, string | string[] | boolean | undefined>,
  io: CliIO
): { env: Env; payload: unknown; note?: string } {
  const kind = detectSource(io.env)
  const mapped =
    kind === 'gitlab'
      ? gitlabContext(io.env)
      : kind === 'jenkins'
        ? jenkinsContext(io.env)
        : undefined
  const env: Env = mapped ? { ...mapped.env } : { ...io.env }
  for (const [flag, name] of Object.entries(CONTEXT_FLAGS)) {
    if (typeof values[flag] === 'string') env[name] = values[flag] as string
  }
  const flagRef = values.ref as string | undefined
  if (!env.GITHUB_EVENT_NAME && flagRef) {
    if (/^refs\/pull\//.test(flagRef)) env.GITHUB_EVENT_NAME = 'pull_request'
    else if (/^refs\/(?:heads|tags)\//.test(flagRef)) env.GITHUB_EVENT_NAME = 'push'
  }
  if (!env.GITHUB_EVENT_NAME && !env.GITHUB_REF) {
    const why =
      kind === 'jenkins'
        ? `this Jenkins job sets none of BRANCH_NAME, TAG_NAME, CHANGE_ID (not a multibranch pipeline)`
        : `no GitHub Actions, GitLab CI or Jenkins variables found`
    throw new Error(`no context to compute tags for: ${why}; pass --event-name and --ref`)
  }
  const payloadPath = values['event-path'] as string | undefined
  const payload =
    mapped && payloadPath === undefined
      ? mapped.payload
      : loadPayload(env.GITHUB_EVENT_PATH ?? '', (path) => io.readFile(path))
  const note =
    mapped &&
    `context from ${SOURCE_NAMES[mapped.kind]} (${mapped.evidence}): event ${env.GITHUB_EVENT_NAME || '(none)'}, ref ${env.GITHUB_REF || '(none)'}`
  return { env, payload, note: note || undefined }
}

/** A POSIX shell single-quoted word. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
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
