/**
 * Property test: for random event contexts (every GitHub event, unknown names, workflow_run chains
 * with every trigger, issue_comment with and without a PR) and random configurations,
 * - a run the spec below calls pull-request-like is a pull-request run, and a push, release,
 *   schedule or dispatch on a branch or tag is not;
 * - a pull-request run never yields a stable tag (checked by an oracle written here, independent of
 *   src/tags/guard.ts), nor a base-commit `sha-` tag when the commit is the base branch's;
 * - every tag matches Docker's tag grammar;
 * - tags are unique.
 * FUZZ_RUNS raises the number of runs (`npm run fuzz`).
 */
import fc from 'fast-check'
import picomatch from 'picomatch'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { computeTags } from '../../src/tags/compute.js'
import { buildContext } from '../../src/tags/context.js'
import { DEFAULT_STABLE_TAGS } from '../../src/tags/guard.js'
import { readTagInputs } from '../../src/tags/inputs.js'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

const TRICKY_NAMES = [
  'main',
  'master',
  'latest',
  'stable',
  'Latest',
  '1.2',
  'v1.2.3',
  '1.2.3-rc.1',
  'pr-5',
  'sha-0123456',
  'feature/x',
  'feat@a',
  '-lead',
  '.dot',
  '日本語',
  'ünïcode/straße',
  'dependabot/npm_and_yarn/@types/node-20.11.5',
  'x'.repeat(150),
  'gh-readonly-queue/main/pr-9-fedcba9876543210fedcba9876543210fedcba98'
]

const name = fc.oneof(fc.constantFrom(...TRICKY_NAMES), fc.string({ minLength: 1, maxLength: 40 }))
const sha = fc.stringMatching(/^[0-9a-f]{40}$/)
const prNumber = fc.integer({ min: 1, max: 99999 })

const ref = fc.oneof(
  name.map((n) => `refs/heads/${n}`),
  name.map((n) => `refs/tags/${n}`),
  prNumber.map((n) => `refs/pull/${n}/merge`),
  fc.constant('')
)

/** Every event a workflow can run on, plus names GitHub never sends (other CIs, typos). */
const GITHUB_EVENTS = [
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'create',
  'delete',
  'deployment',
  'deployment_status',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'issue_comment',
  'issues',
  'label',
  'merge_group',
  'milestone',
  'page_build',
  'project',
  'project_card',
  'project_column',
  'public',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target',
  'push',
  'registry_package',
  'release',
  'repository_dispatch',
  'schedule',
  'status',
  'watch',
  'workflow_call',
  'workflow_dispatch',
  'workflow_run'
]
const UNKNOWN_EVENTS = [
  '',
  'merge_request_event',
  'external_pull_request_event',
  'PUSH',
  'push ',
  'pull-request',
  'x'
]
const EVENTS = [...GITHUB_EVENTS, ...UNKNOWN_EVENTS]

/**
 * The spec, written independently of src/tags/context.ts: the GitHub events that can be about a
 * pull request's code. They, and every name GitHub never sends, must be treated as a pull request;
 * the others only on a branch or tag ref that is not a merge queue's.
 */
const PR_LIKE = new Set([
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target',
  'merge_group',
  'check_run',
  'check_suite',
  'status',
  'workflow_call',
  'issue_comment',
  'workflow_run',
  ...UNKNOWN_EVENTS
])
const mayBeStableEvent = (event: string) => GITHUB_EVENTS.includes(event) && !PR_LIKE.has(event)
/** Events that must still produce stable tags (the guarantee must not make them useless). */
const STABLE_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch', 'release', 'create'])

const QUEUE = /^(refs\/heads\/)?gh-readonly-queue\//

interface Run {
  event: string
  ref: string
  sha: string
  headSha: string
  defaultBranch: string
  payload: Record<string, unknown>
  headShaMode: boolean
  /** The spec's verdict: must this run be a pull-request run? */
  mustBePr: boolean
  /** Must it not be one (a push, release, schedule, dispatch on a branch or tag)? */
  mustBeStable: boolean
}

const queueRef = sha.map((s) => `refs/heads/gh-readonly-queue/main/pr-9-${s}`)
const anyRef = fc.oneof(
  ref,
  queueRef,
  fc.constantFrom('main', 'refs/remotes/origin/main', 'refs/heads/', 'HEAD')
)

/** A workflow_run chain: `workflow_run` links from the outermost run inwards, then the first trigger. */
const chain = fc.tuple(
  fc.array(fc.constant('workflow_run'), { maxLength: 3 }),
  fc.constantFrom(...EVENTS.filter((e) => e !== 'workflow_run'))
)

const run: fc.Arbitrary<Run> = fc
  .record({
    event: fc.constantFrom(...EVENTS),
    ref: anyRef,
    sha,
    headSha: sha,
    defaultBranch: fc.constantFrom('main', 'master', 'develop', 'latest', '1.2', ''),
    number: fc.option(prNumber),
    chain,
    runPrs: fc.constantFrom('none', 'empty', 'one'),
    runBranch: fc.constantFrom('main', 'feature/x', 'gh-readonly-queue/main/pr-9-abc', undefined),
    issue: fc.constantFrom('pr', 'issue', 'missing'),
    headShaMode: fc.boolean()
  })
  .map((r) => {
    const repository = r.defaultBranch === '' ? undefined : { default_branch: r.defaultBranch }
    const pr = { head: { sha: r.headSha, ref: 'feature/x' }, base: { ref: r.defaultBranch } }
    const payload: Record<string, unknown> = { repository }
    if (r.number !== null) payload.number = r.number
    if (/^pull_request/.test(r.event)) {
      payload.pull_request = { ...pr, number: r.number ?? undefined }
    }
    const [links, first] = r.chain
    if (r.event === 'workflow_run') {
      // GitHub's payload names only the immediate trigger; the inner links are made up here, to
      // check that nothing trusts them.
      let inner: Record<string, unknown> = { event: first }
      for (let i = 1; i < links.length; i++) inner = { event: 'workflow_run', workflow_run: inner }
      payload.workflow_run = {
        ...(links.length > 0 ? { workflow_run: inner } : {}),
        event: links.length > 0 ? 'workflow_run' : first,
        head_sha: r.headSha,
        head_branch: r.runBranch,
        ...(r.runPrs === 'none'
          ? {}
          : { pull_requests: r.runPrs === 'empty' ? [] : [{ number: r.number ?? 3 }] })
      }
    }
    if (r.event === 'issue_comment' && r.issue !== 'missing') {
      payload.issue = { number: r.number ?? 1, ...(r.issue === 'pr' ? { pull_request: {} } : {}) }
    }

    const branchOrTag = /^refs\/(heads|tags)\/./.test(r.ref) && !QUEUE.test(r.ref)
    let mayBeStable: boolean
    if (r.ref.startsWith('refs/pull/') || QUEUE.test(r.ref)) mayBeStable = false
    else if (r.event === 'workflow_run') {
      mayBeStable =
        links.length === 0 &&
        mayBeStableEvent(first) &&
        r.runPrs !== 'one' &&
        !QUEUE.test(r.runBranch ?? '') &&
        (r.runBranch === undefined || r.ref === `refs/heads/${r.runBranch}`)
    } else if (r.event === 'issue_comment') mayBeStable = r.issue === 'issue'
    else mayBeStable = mayBeStableEvent(r.event) && branchOrTag
    const mustBeStable =
      (STABLE_EVENTS.has(r.event) && branchOrTag) ||
      (r.event === 'workflow_run' && mayBeStable && STABLE_EVENTS.has(first))
    return { ...r, payload, mustBePr: !mayBeStable, mustBeStable }
  })

const expr = fc.constantFrom('{{branch}}', '{{tag}}', '{{sha}}', '{{base_ref}}', '')
const word = fc.oneof(
  fc.constantFrom(
    'latest',
    'stable',
    'main',
    'master',
    'v1.2.3',
    '1',
    '1.2',
    'edge',
    'nightly',
    'sha-'
  ),
  fc.constantFrom(...TRICKY_NAMES),
  fc.stringMatching(/^[a-z0-9.-]{1,12}$/)
)
const value = fc.tuple(word, expr, fc.constantFrom('', '-', '/')).map(([w, e, j]) => w + j + e)
const affix = fc.constantFrom('', 'app-', '-x', 'v', '1.', 'sha-', 'pr-', '{{branch}}-', 'latest-')
const enable = fc.constantFrom(
  'true',
  'false',
  '{{is_default_branch}}',
  '{{is_not_default_branch}}'
)

const entry = fc
  .record({
    kind: fc.constantFrom(
      'type=raw,value=$V',
      'type=ref,event=branch',
      'type=ref,event=tag',
      'type=ref,event=pr',
      'type=sha',
      'type=sha,format=long',
      'type=edge',
      'type=schedule',
      'type=semver,pattern={{version}}',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=semver,pattern={{major}},value=$V',
      'type=pep440,pattern={{major}}',
      'type=match,pattern=\\d+(\\.\\d+)?',
      'type=match,pattern=.*,value=$V'
    ),
    value,
    prefix: fc.option(affix),
    suffix: fc.option(affix),
    enable: fc.option(enable),
    priority: fc.option(fc.integer({ min: 0, max: 2000 }))
  })
  .map((e) => {
    let text = e.kind.replace('$V', `"${e.value.replace(/"/g, '')}"`)
    if (e.prefix !== null) text += `,prefix=${e.prefix}`
    if (e.suffix !== null) text += `,suffix=${e.suffix}`
    if (e.enable !== null) text += `,enable=${e.enable}`
    if (e.priority !== null) text += `,priority=${e.priority}`
    return text
  })

interface Config {
  tags: string[]
  flavor: string
  images: string[]
  stableTags: string[]
  unique: boolean
  highest: boolean
  existing: string[]
}

const config: fc.Arbitrary<Config> = fc.record({
  tags: fc.array(entry, { maxLength: 8 }),
  flavor: fc
    .record({
      latest: fc.constantFrom('auto', 'true', 'false'),
      prefix: affix,
      suffix: affix,
      onlatest: fc.boolean()
    })
    .map((f) =>
      [
        `latest=${f.latest}`,
        `prefix=${f.prefix},onlatest=${f.onlatest}`,
        `suffix=${f.suffix}`
      ].join('\n')
    ),
  images: fc.array(fc.constantFrom('ghcr.io/acme/app', 'Docker.io/Acme/App', 'reg:5000/x'), {
    maxLength: 2
  }),
  stableTags: fc.constantFrom([], ['prod-*'], ['release-*', 'stable']),
  unique: fc.boolean(),
  highest: fc.boolean(),
  existing: fc.array(fc.constantFrom('v1.0.0', 'v2.0.0', '1.5.0', 'v3.0.0-rc.1'), { maxLength: 3 })
})

/** The oracle: a tag a pull-request run must never produce (written independently of guard.ts). */
function forbiddenOnPr(
  tag: string,
  defaultBranch: string,
  globs: string[],
  flavor: string
): boolean {
  const [prefix, suffix] = ['prefix', 'suffix'].map(
    (k) =>
      /^(?:prefix|suffix)=([^,\n]*)/m.exec(
        flavor.split('\n').find((l) => l.startsWith(k)) ?? ''
      )?.[1] ?? ''
  )
  const forms = new Set([tag])
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_.-]+/g, '-')
  for (const f of [...forms]) {
    if (prefix && f.startsWith(clean(prefix))) forms.add(f.slice(clean(prefix).length))
  }
  for (const f of [...forms]) {
    if (suffix && f.endsWith(clean(suffix))) forms.add(f.slice(0, -clean(suffix).length))
  }
  const all = globs.length > 0 ? globs : DEFAULT_STABLE_TAGS
  return [...forms].some(
    (f) =>
      f.toLowerCase() === 'latest' ||
      (defaultBranch !== '' && f.toLowerCase() === clean(defaultBranch).toLowerCase()) ||
      /^v?\d+(\.\d+)*$/.test(f) ||
      semver.valid(f) !== null ||
      picomatch.isMatch(f, all, { nocase: true })
  )
}

describe('property: PR-safe, valid, unique tags', () => {
  it('holds for random contexts and configurations', () => {
    fc.assert(
      fc.property(run, config, (r, c) => {
        const ctx = buildContext(
          {
            GITHUB_EVENT_NAME: r.event,
            GITHUB_REF: r.ref,
            GITHUB_SHA: r.sha,
            DOCKER_METADATA_PR_HEAD_SHA: String(r.headShaMode)
          },
          r.payload,
          new Date('2025-01-02T03:04:05Z')
        )
        const given: Record<string, string> = {
          images: c.images.join('\n'),
          tags: c.tags.join('\n'),
          flavor: c.flavor,
          'stable-tags': c.stableTags.join('\n'),
          'unique-branch-tags': String(c.unique),
          'latest-if-highest': String(c.highest),
          'existing-versions': c.existing.join('\n')
        }
        const result = computeTags(
          ctx,
          readTagInputs((n) => given[n], {})
        )

        for (const tag of result.tagNames) expect(tag).toMatch(DOCKER_TAG)
        expect(new Set(result.tagNames).size).toBe(result.tagNames.length)
        expect(new Set(result.tags).size).toBe(result.tags.length)

        if (r.mustBePr) expect(result.pullRequest, `${r.event} on ${r.ref}`).toBe(true)
        if (r.mustBeStable) expect(result.pullRequest, `${r.event} on ${r.ref}`).toBe(false)
        const prRun = result.pullRequest
        if (prRun) {
          const bad = result.tagNames.filter((t) =>
            forbiddenOnPr(t, r.defaultBranch, c.stableTags, c.flavor)
          )
          expect(bad).toEqual([])
          expect(result.latest).toBe(false)
        }
        if (ctx.shaIsBaseCommit) {
          expect(result.tagNames).not.toContain(`sha-${r.sha.slice(0, 7)}`)
          expect(result.tagNames).not.toContain(`sha-${r.sha}`)
        }
      }),
      // Seeded, so `npm test` is reproducible; FUZZ_SEED explores other inputs.
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) }
    )
  })
})
