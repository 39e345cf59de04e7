import type { Env } from './context.js'

/** Where the CLI found the run's facts. */
export type SourceKind = 'github' | 'gitlab' | 'jenkins'

export const SOURCE_NAMES: Record<SourceKind, string> = {
  github: 'GitHub Actions',
  gitlab: 'GitLab CI',
  jenkins: 'Jenkins'
}

/** A CI's variables, translated into what {@link buildContext} reads: `GITHUB_*` and a payload. */
export interface SourceContext {
  kind: SourceKind
  env: Env
  payload: Record<string, unknown>
  /** The variables that decided the event, for the note the CLI prints (`CI_PIPELINE_SOURCE=push`). */
  evidence: string
}

/**
 * Which CI runs us, from its own variables: GitHub Actions (`GITHUB_ACTIONS`, `GITHUB_EVENT_NAME`,
 * `GITHUB_REF`), GitLab CI (`GITLAB_CI`, `CI_PIPELINE_SOURCE`, `CI_COMMIT_REF_NAME`, `CI_COMMIT_SHA`,
 * `CI_MERGE_REQUEST_IID`), Jenkins (`JENKINS_URL`, `JENKINS_HOME`, `BRANCH_NAME`, `CHANGE_ID`,
 * `TAG_NAME`), in that order; `undefined` when none.
 */
export function detectSource(env: Env): SourceKind | undefined {
  const any = (...names: string[]) => names.some((n) => (env[n] ?? '') !== '')
  if (any('GITHUB_ACTIONS', 'GITHUB_EVENT_NAME', 'GITHUB_REF')) return 'github'
  if (
    any(
      'GITLAB_CI',
      'CI_PIPELINE_SOURCE',
      'CI_COMMIT_REF_NAME',
      'CI_COMMIT_SHA',
      'CI_MERGE_REQUEST_IID'
    )
  ) {
    return 'gitlab'
  }
  if (any('JENKINS_URL', 'JENKINS_HOME', 'BRANCH_NAME', 'CHANGE_ID', 'TAG_NAME')) return 'jenkins'
  return undefined
}

/**
 * GitLab's pipeline sources that run on a branch or tag someone with write access chose, and the
 * GitHub event that means the same. Every other source (`merge_request_event`,
 * `external_pull_request_event`, `pipeline`, `parent_pipeline`, `chat`, …) keeps its own name and is
 * therefore treated as a pull request: a downstream or child pipeline cannot show what started it.
 */
const GITLAB_TRUSTED: Record<string, string> = {
  push: 'push',
  schedule: 'schedule',
  web: 'workflow_dispatch',
  api: 'workflow_dispatch',
  trigger: 'workflow_dispatch'
}

/** A GitLab CI job's predefined variables as a GitHub-shaped context. */
export function gitlabContext(env: Env): SourceContext {
  const source = env.CI_PIPELINE_SOURCE ?? ''
  const mr = env.CI_MERGE_REQUEST_IID || env.CI_EXTERNAL_PULL_REQUEST_IID || ''
  const changeRequest =
    mr !== '' || source === 'merge_request_event' || source === 'external_pull_request_event'
  let event: string
  let ref: string
  if (changeRequest) {
    event = 'pull_request'
    ref = mr !== '' ? `refs/pull/${mr}/merge` : ''
  } else {
    event = GITLAB_TRUSTED[source] ?? source
    const branch = env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME || ''
    ref = env.CI_COMMIT_TAG
      ? `refs/tags/${env.CI_COMMIT_TAG}`
      : branch !== ''
        ? `refs/heads/${branch}`
        : ''
  }
  const sha = env.CI_COMMIT_SHA ?? ''
  const payload = defined({
    number: mr !== '' ? mr : undefined,
    repository: defined({
      default_branch: env.CI_DEFAULT_BRANCH,
      full_name: env.CI_PROJECT_PATH,
      name: env.CI_PROJECT_NAME,
      html_url: env.CI_PROJECT_URL,
      description: env.CI_PROJECT_DESCRIPTION
    }),
    pull_request: changeRequest
      ? {
          number: mr !== '' ? mr : undefined,
          head: defined({
            ref:
              env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ||
              env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME,
            sha:
              env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA ||
              env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA
          }),
          base: defined({
            ref:
              env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ||
              env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME,
            sha:
              env.CI_MERGE_REQUEST_TARGET_BRANCH_SHA ||
              env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA
          })
        }
      : undefined,
    head_commit: env.CI_COMMIT_TIMESTAMP
      ? { id: sha, timestamp: env.CI_COMMIT_TIMESTAMP }
      : undefined
  })
  return {
    kind: 'gitlab',
    env: githubEnv(env, {
      event,
      ref,
      sha,
      repository: env.CI_PROJECT_PATH,
      server: env.CI_SERVER_URL
    }),
    payload,
    evidence:
      mr !== ''
        ? `CI_PIPELINE_SOURCE=${source}, merge request ${mr}`
        : `CI_PIPELINE_SOURCE=${source}`
  }
}

/**
 * A Jenkins (multibranch pipeline) build's variables as a GitHub-shaped context: `CHANGE_ID` is a
 * pull/merge request, `TAG_NAME` a tag build, `BRANCH_NAME` a branch build. A job with none of them
 * (a freestyle job) has no event: the CLI then asks for `--event-name` and `--ref`.
 */
export function jenkinsContext(env: Env): SourceContext {
  const change = env.CHANGE_ID ?? ''
  let event = ''
  let ref = ''
  if (change !== '') {
    event = 'pull_request'
    ref = `refs/pull/${change}/merge`
  } else if (env.TAG_NAME) {
    event = 'push'
    ref = `refs/tags/${env.TAG_NAME}`
  } else if (env.BRANCH_NAME) {
    event = 'push'
    ref = `refs/heads/${env.BRANCH_NAME}`
  }
  const url = /^https?:\/\//.test(env.GIT_URL ?? '')
    ? (env.GIT_URL ?? '').replace(/\.git$/, '')
    : undefined
  const payload = defined({
    number: change !== '' ? change : undefined,
    repository: url ? { html_url: url, name: url.slice(url.lastIndexOf('/') + 1) } : undefined,
    pull_request:
      change !== ''
        ? {
            number: change,
            head: defined({ ref: env.CHANGE_BRANCH }),
            base: defined({ ref: env.CHANGE_TARGET })
          }
        : undefined
  })
  const evidence =
    change !== ''
      ? `CHANGE_ID=${change}`
      : env.TAG_NAME
        ? `TAG_NAME=${env.TAG_NAME}`
        : env.BRANCH_NAME
          ? `BRANCH_NAME=${env.BRANCH_NAME}`
          : 'no BRANCH_NAME, TAG_NAME or CHANGE_ID'
  return {
    kind: 'jenkins',
    env: githubEnv(env, { event, ref, sha: env.GIT_COMMIT ?? '' }),
    payload,
    evidence
  }
}

/** The `GITHUB_*` variables for a translated context; `DOCKER_METADATA_*` settings pass through. */
function githubEnv(
  env: Env,
  ctx: { event: string; ref: string; sha: string; repository?: string; server?: string }
): Env {
  const settings = Object.fromEntries(
    Object.entries(env).filter(([name]) => name.startsWith('DOCKER_METADATA_'))
  )
  return {
    ...settings,
    GITHUB_EVENT_NAME: ctx.event,
    GITHUB_REF: ctx.ref,
    GITHUB_SHA: ctx.sha,
    GITHUB_REPOSITORY: ctx.repository,
    GITHUB_SERVER_URL: ctx.server
  }
}

/** The object without its `undefined` and `''` fields. */
function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''))
}
