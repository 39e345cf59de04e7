import { describe, expect, it } from 'vitest'
import { computeTags } from '../../src/tags/compute.js'
import { shortHash } from '../../src/tags/sanitize.js'
import { HEAD_SHA, REPOSITORY, ctxFor, inputsFor } from './helpers.js'

const images = 'ghcr.io/acme/app'
const names = (event: string, ref: string, given = {}, options = {}) =>
  computeTags(ctxFor(event, ref, options), inputsFor({ images, ...given })).tagNames

describe('our default tags (tags input empty)', () => {
  it.each([
    ['push', 'refs/heads/main', ['main', 'latest', 'sha-0123456']],
    ['push', 'refs/heads/feature/x', ['feature-x', 'sha-0123456']],
    ['pull_request', 'refs/pull/7/merge', ['pr-7', 'sha-0123456']],
    ['push', 'refs/tags/v1.2.3', ['1.2.3', '1.2', '1', 'sha-0123456', 'latest']],
    ['push', 'refs/tags/v1.3.0-rc.1', ['1.3.0-rc.1', 'sha-0123456']],
    ['schedule', 'refs/heads/main', ['main', 'latest', 'sha-0123456']],
    ['pull_request_target', 'refs/heads/main', ['pr-7']],
    ['push', 'refs/heads/latest', ['branch-latest', 'sha-0123456']]
  ])('%s %s → %j', (event, ref, expected) => {
    expect(names(event, ref)).toEqual(expected)
  })

  it('gives full image references, image by image', () => {
    const result = computeTags(
      ctxFor('push', 'refs/heads/main'),
      inputsFor({ images: 'a/app\nb/app' })
    )
    expect(result.tags).toEqual([
      'a/app:main',
      'a/app:latest',
      'a/app:sha-0123456',
      'b/app:main',
      'b/app:latest',
      'b/app:sha-0123456'
    ])
    expect(result).toMatchObject({ version: 'main', latest: true, pullRequest: false })
  })

  it('gives bare names without images', () => {
    const result = computeTags(ctxFor('push', 'refs/heads/dev'), inputsFor({}))
    expect(result.tags).toEqual(['dev', 'sha-0123456'])
  })
})

describe('the PR-safety guarantee', () => {
  const risky = [
    'type=ref,event=branch',
    'type=ref,event=pr',
    'type=raw,value=latest',
    'type=raw,value=stable',
    'type=raw,value=main',
    'type=raw,value=v1.2.3',
    'type=raw,value=pr-ok',
    'type=semver,pattern={{version}},value=v2.0.0',
    'type=match,pattern=\\d+,value=v9',
    'type=sha'
  ]

  it('sees a stable tag behind a flavor prefix that starts with a character tags cannot', () => {
    // `{{branch}}-` is literal text in a flavor and becomes `branch--`: `branch--latest` is latest.
    const result = computeTags(
      ctxFor('pull_request', 'refs/pull/7/merge'),
      inputsFor({
        tags: ['type=raw,value=latest', 'type=ref,event=pr'],
        flavor: 'prefix={{branch}}-,onlatest=true'
      })
    )
    expect(result.tagNames).toEqual(['pr-7'])
    expect(result.latest).toBe(false)
  })

  it('drops every stable tag on pull_request, with a warning naming the entry', () => {
    const result = computeTags(
      ctxFor('pull_request', 'refs/pull/7/merge'),
      inputsFor({ images, tags: risky, flavor: 'latest=true' })
    )
    expect(result.tagNames).toEqual(['pr-7', 'pr-ok', 'sha-0123456'])
    expect(result.latest).toBe(false)
    expect(result.dropped.map((d) => d.entry)).toEqual([
      'type=semver,pattern={{version}},value=v2.0.0',
      'type=match,pattern=\\d+,value=v9',
      'type=raw,value=latest',
      'type=raw,value=stable',
      'type=raw,value=main',
      'type=raw,value=v1.2.3'
    ])
    expect(
      result.warnings.some((w) =>
        w.includes('tag "latest" from tags entry "type=raw,value=latest" dropped')
      )
    ).toBe(true)
    expect(result.warnings.some((w) => w.startsWith('latest not added'))).toBe(true)
  })

  it('applies to pull_request_target, merge_group, PR workflow_run and issue_comment on a PR', () => {
    const tags = [
      'type=ref,event=branch',
      'type=ref,event=pr',
      'type=raw,value=latest,enable={{is_default_branch}}',
      'type=sha'
    ]
    expect(names('pull_request_target', 'refs/heads/main', { tags })).toEqual(['pr-7'])
    expect(names('merge_group', 'refs/heads/gh-readonly-queue/main/pr-7-abc', { tags })).toEqual([
      'gh-readonly-queue-main-pr-7-abc',
      'sha-0123456'
    ])
    const run = {
      repository: REPOSITORY,
      workflow_run: { event: 'pull_request', pull_requests: [{ number: 3 }], head_sha: HEAD_SHA }
    }
    expect(names('workflow_run', 'refs/heads/main', { tags }, { payload: run })).toEqual(['pr-3'])
    const comment = { repository: REPOSITORY, issue: { number: 4, pull_request: {} } }
    expect(names('issue_comment', 'refs/heads/main', { tags }, { payload: comment })).toEqual([
      'pr-4'
    ])
  })

  it('tags the PR head instead of the base commit in head-SHA mode', () => {
    const env = { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
    expect(names('pull_request_target', 'refs/heads/main', {}, { env })).toEqual([
      'pr-7',
      'sha-fedcba9'
    ])
  })

  it('uses the stable-tags globs', () => {
    const tags = ['type=ref,event=pr', 'type=raw,value=prod-eu', 'type=raw,value=stable']
    expect(names('pull_request', 'refs/pull/7/merge', { tags, 'stable-tags': 'prod-*' })).toEqual([
      'pr-7',
      'stable'
    ])
  })

  it('leaves push events alone', () => {
    const tags = ['type=raw,value=latest', 'type=raw,value=1.2', 'type=sha']
    expect(names('push', 'refs/heads/main', { tags })).toEqual(['latest', '1.2', 'sha-0123456'])
  })
})

describe('branch tags', () => {
  const tags = 'type=ref,event=branch'

  it.each([
    ['latest', 'branch-latest'],
    ['1.2', 'branch-1.2'],
    ['v3', 'branch-v3'],
    ['pr-5', 'branch-pr-5'],
    ['stable', 'branch-stable'],
    ['feature/x', 'feature-x']
  ])('a branch called %s is tagged %s', (branch, tag) => {
    expect(names('push', `refs/heads/${branch}`, { tags })).toEqual([tag])
  })

  it('keeps feat/a and feat-a apart with unique-branch-tags', () => {
    const unique = { tags, 'unique-branch-tags': 'true' }
    expect(names('push', 'refs/heads/feat/a', unique)).toEqual([
      `feat-a-${shortHash('refs/heads/feat/a')}`
    ])
    expect(names('push', 'refs/heads/feat-a', unique)).toEqual(['feat-a'])
    expect(names('push', 'refs/heads/feat/a', { tags })).toEqual(['feat-a'])
  })

  it('cuts long branches to 128 characters, prefix and suffix included', () => {
    const [tag] = names('push', `refs/heads/${'x'.repeat(200)}`, {
      tags,
      flavor: 'prefix=p-\nsuffix=-s'
    })
    expect(tag).toHaveLength(128)
    expect(tag.startsWith('p-xx') && tag.endsWith('x-s')).toBe(true)
  })

  it('gives a branch with no usable character a hashed name', () => {
    expect(names('push', 'refs/heads/日本語', { tags })).toEqual([
      `branch-${shortHash('refs/heads/日本語')}`
    ])
  })
})

describe('latest', () => {
  const semver = [
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=semver,pattern={{major}}'
  ]

  it('follows metadata-action under latest=auto: the first entry decides', () => {
    expect(names('push', 'refs/tags/v1.0.1', { tags: semver })).toEqual([
      '1.0.1',
      '1.0',
      '1',
      'latest'
    ])
    expect(
      names('push', 'refs/tags/v1.0.1', { tags: ['type=sha,priority=1000', ...semver] })
    ).toEqual(['sha-0123456', '1.0.1', '1.0', '1'])
    expect(names('push', 'refs/tags/v1.0.1', { tags: semver, flavor: 'latest=false' })).toEqual([
      '1.0.1',
      '1.0',
      '1'
    ])
  })

  it('latest-if-highest moves latest, X and X.Y only for the highest release', () => {
    const given = {
      tags: semver,
      'latest-if-highest': 'true',
      'existing-versions': 'v2.0.0 v1.1.0 v1.0.0'
    }
    expect(names('push', 'refs/tags/v1.0.1', given)).toEqual(['1.0.1', '1.0'])
    expect(names('push', 'refs/tags/v2.1.0', given)).toEqual(['2.1.0', '2.1', '2', 'latest'])
    expect(names('push', 'refs/tags/v1.2.0', given)).toEqual(['1.2.0', '1.2', '1'])
  })

  it('latest-if-highest gives non-version tags no latest', () => {
    const given = { tags: 'type=ref,event=tag', 'latest-if-highest': 'true' }
    expect(names('push', 'refs/tags/release1', given)).toEqual(['release1'])
    expect(names('push', 'refs/tags/v3.0.0', given)).toEqual(['v3.0.0', 'latest'])
  })

  it('is emitted once, with the onlatest flavor parts', () => {
    const tags = ['type=semver,pattern={{version}}', 'type=raw,value=latest']
    expect(names('push', 'refs/tags/v1.0.0', { tags })).toEqual(['1.0.0', 'latest'])
    expect(
      names('push', 'refs/tags/v1.0.0', {
        tags: semver[0],
        flavor: 'prefix=app-,onlatest=true\nsuffix=-x'
      })
    ).toEqual(['app-1.0.0-x', 'app-latest'])
  })
})

describe('labels, annotations, json', () => {
  it('renders custom entries and levels', () => {
    const result = computeTags(
      ctxFor('push', 'refs/heads/main'),
      inputsFor(
        {
          images,
          tags: 'type=ref,event=branch',
          labels: ['maintainer=me', 'branch={{branch}}'],
          annotations: 'x=1'
        },
        { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'index,manifest' }
      )
    )
    expect(result.labels).toContain('branch=main')
    expect(result.labels).toContain('org.opencontainers.image.version=main')
    expect(result.annotations.filter((a) => a.endsWith(':x=1'))).toEqual([
      'index:x=1',
      'manifest:x=1'
    ])
    expect(result.annotations.some((a) => a.includes('maintainer'))).toBe(false)
    expect(result.json).toEqual({
      tags: ['ghcr.io/acme/app:main'],
      'tag-names': ['main'],
      labels: Object.fromEntries(
        result.labels.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
      ),
      annotations: result.annotations
    })
  })

  it('outputs no version when no entry yields', () => {
    const result = computeTags(
      ctxFor('push', 'refs/heads/main'),
      inputsFor({ images, tags: 'type=ref,event=tag' })
    )
    expect(result).toMatchObject({ version: '', tags: [], tagNames: [], latest: false })
    expect(result.labels).toContain('org.opencontainers.image.version=')
  })

  it('keeps a long rendered prefix within 128 characters', () => {
    const tags = 'type=raw,value=x,prefix={{branch}}-'
    const [tag] = names('push', `refs/heads/${'b'.repeat(200)}`, { tags })
    expect(tag).toBe('b'.repeat(128))
  })
})
