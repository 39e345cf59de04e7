import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { runTagsCli, type CliIO } from '../../../src/cli/tags.js'
import { NOW, REPOSITORY, SHA } from '../helpers.js'

function cli(argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const written: Record<string, string> = {}
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = {
    env,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`)
      return files[path]
    },
    writeFile: (path, text) => (written[path] = text),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => NOW
  }
  const code = runTagsCli(argv, io)
  return { code, stdout: out.join(''), stderr: err.join(''), written }
}

const push = ['--event-name', 'push', '--ref', 'refs/heads/main', '--sha', SHA]

describe('docker-review tags', () => {
  it('prints one full tag a line', () => {
    const r = cli([...push, '--default-branch', 'main', '--images', 'ghcr.io/acme/app'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(
      'ghcr.io/acme/app:main\nghcr.io/acme/app:latest\nghcr.io/acme/app:sha-0123456\n'
    )
  })

  it('prints one JSON document with --format json', () => {
    const r = cli([
      ...push,
      '--images',
      'a/app',
      '--format',
      'json',
      '--tags',
      'type=ref,event=branch'
    ])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(Object.keys(doc)).toEqual(['version', 'tags', 'labels', 'annotations'])
    expect(doc.version).toBe('main')
    expect(doc.tags).toEqual(['a/app:main'])
    expect(doc.labels).toContain(`org.opencontainers.image.revision=${SHA}`)
  })

  it('falls back to the GITHUB_* variables and reads the payload file', () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_EVENT_PATH: '/e.json'
    }
    const payload = JSON.stringify({ number: 42, repository: REPOSITORY })
    const r = cli([], env, { '/e.json': payload })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('pr-42\n')
    expect(r.stderr).toMatch(/warning: .*sha tag would overwrite the base build/)
  })

  it('lets flags override the environment and joins repeated list flags with newlines', () => {
    const r = cli(
      [
        '--ref',
        'refs/tags/v1.2.3',
        '--tags',
        'type=semver,pattern={{version}}',
        '--tags',
        'type=raw,value=x'
      ],
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/dev', GITHUB_SHA: SHA }
    )
    expect(r.stdout).toBe('1.2.3\nx\nlatest\n')
  })

  it('takes switches and separators', () => {
    const r = cli([
      '--event-name',
      'push',
      '--ref',
      'refs/heads/feat/a',
      '--sha',
      SHA,
      '--tags',
      'type=ref,event=branch\ntype=sha',
      '--unique-branch-tags',
      '--sep-tags',
      ','
    ])
    expect(r.stdout).toMatch(/^feat-a-[0-9a-f]{7},sha-0123456\n$/)
  })

  it('exits 2 with a message on bad input or usage', () => {
    expect(cli([...push, '--tags', 'type=nope'])).toMatchObject({ code: 2, stdout: '' })
    expect(cli([...push, '--tags', 'type=nope']).stderr).toContain(
      'tags entry "type=nope": unknown type'
    )
    expect(cli(['--unknown']).code).toBe(2)
    expect(cli([...push, '--format', 'yaml']).stderr).toContain(
      '--format must be lines, json or env'
    )
    expect(cli([...push, '--event-path', '/nope.json']).stderr).toContain(
      'cannot read the event payload'
    )
  })

  it('prints usage with --help', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: docker-review tags')
  })

  it('exits 2 with one clear line when there is no context at all', () => {
    for (const env of [{}, { CI: 'true', HOME: '/root' }] as Record<string, string>[]) {
      const r = cli(['--images', 'app'], env)
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toBe(
        'docker-review tags: no context to compute tags for: no GitHub Actions, GitLab CI or Jenkins variables found; pass --event-name and --ref\n'
      )
    }
    const jenkins = cli([], { JENKINS_URL: 'https://ci.example/', GIT_COMMIT: SHA })
    expect(jenkins.code).toBe(2)
    expect(jenkins.stderr).toMatch(
      /^docker-review tags: .*Jenkins job sets none of BRANCH_NAME.*\n$/
    )
    expect(jenkins.stderr.split('\n')).toHaveLength(2)
  })

  it('treats unknown event names as pull requests (no main, no latest)', () => {
    const mr = ['--event-name', 'merge_request_event', '--ref', 'refs/heads/main', '--sha', SHA]
    for (const extra of [[], ['--default-branch', 'main']]) {
      const r = cli([
        ...mr,
        ...extra,
        '--tags',
        'type=ref,event=branch\ntype=raw,value=latest\ntype=sha'
      ])
      expect(r.code).toBe(0)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain('treated as a pull request')
    }
    // A pull-request event on a branch ref is not tagged as the branch either.
    const onBranch = cli(['--event-name', 'pull_request', '--ref', 'refs/heads/main', '--sha', SHA])
    expect(onBranch).toMatchObject({ code: 0, stdout: '' })
    // With a pull-request ref it is tagged as that pull request.
    const pr = cli([
      '--event-name',
      'merge_request_event',
      '--ref',
      'refs/pull/5/merge',
      '--sha',
      SHA
    ])
    expect(pr.stdout).toBe('pr-5\nsha-0123456\n')
  })

  it('takes the event from --ref alone', () => {
    expect(cli(['--ref', 'refs/tags/v2.0.0', '--sha', SHA]).stdout).toBe(
      '2.0.0\n2.0\n2\nsha-0123456\nlatest\n'
    )
    expect(cli(['--ref', 'refs/pull/9/merge', '--sha', SHA]).stdout).toBe('pr-9\nsha-0123456\n')
  })

  describe('GitLab CI', () => {
    const gitlab = {
      GITLAB_CI: 'true',
      CI_COMMIT_SHA: SHA,
      CI_DEFAULT_BRANCH: 'main',
      CI_PROJECT_PATH: 'acme/app',
      CI_PROJECT_NAME: 'app',
      CI_PROJECT_URL: 'https://gitlab.example/acme/app',
      CI_SERVER_URL: 'https://gitlab.example'
    }

    it('tags a merge request pipeline as a pull request', () => {
      const r = cli([], {
        ...gitlab,
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '5',
        CI_COMMIT_REF_NAME: 'main',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main'
      })
      expect(r.code).toBe(0)
      expect(r.stdout).toBe('pr-5\nsha-0123456\n')
      expect(r.stderr).toBe(
        'note: context from GitLab CI (CI_PIPELINE_SOURCE=merge_request_event, merge request 5): event pull_request, ref refs/pull/5/merge\n'
      )
      const external = cli([], {
        ...gitlab,
        CI_PIPELINE_SOURCE: 'external_pull_request_event',
        CI_EXTERNAL_PULL_REQUEST_IID: '8',
        CI_COMMIT_BRANCH: 'main'
      })
      expect(external.stdout).toBe('pr-8\nsha-0123456\n')
    })

    it('tags branch and tag pipelines, with labels from the project', () => {
      const main = cli(['--format', 'json'], {
        ...gitlab,
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'main',
        CI_COMMIT_REF_NAME: 'main'
      })
      const doc = JSON.parse(main.stdout)
      expect(doc.tags).toEqual(['main', 'latest', 'sha-0123456'])
      expect(doc.labels).toContain(
        'org.opencontainers.image.source=https://gitlab.example/acme/app'
      )
      expect(doc.labels).toContain('org.opencontainers.image.title=app')
      const tag = cli([], { ...gitlab, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3' })
      expect(tag.stdout).toBe('1.2.3\n1.2\n1\nsha-0123456\nlatest\n')
      const scheduled = cli([], {
        ...gitlab,
        CI_PIPELINE_SOURCE: 'schedule',
        CI_COMMIT_BRANCH: 'main'
      })
      expect(scheduled.stdout).toBe('main\nlatest\nsha-0123456\n')
    })

    it('fails closed on pipelines that cannot show what started them', () => {
      for (const source of ['parent_pipeline', 'pipeline', 'chat', '']) {
        const r = cli([], { ...gitlab, CI_PIPELINE_SOURCE: source, CI_COMMIT_BRANCH: 'main' })
        expect(r.code, source).toBe(0)
        expect(r.stdout, source).toBe('')
      }
    })

    it('lets flags override the variables', () => {
      const r = cli(['--ref', 'refs/heads/release'], {
        ...gitlab,
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_BRANCH: 'main'
      })
      expect(r.stdout).toBe('release\nsha-0123456\n')
    })
  })

  describe('Jenkins', () => {
    const jenkins = { JENKINS_URL: 'https://ci.example/', GIT_COMMIT: SHA }
    it('reads multibranch pipeline builds', () => {
      expect(
        cli([], { ...jenkins, CHANGE_ID: '12', BRANCH_NAME: 'PR-12', CHANGE_TARGET: 'main' }).stdout
      ).toBe('pr-12\nsha-0123456\n')
      expect(cli(['--default-branch', 'main'], { ...jenkins, BRANCH_NAME: 'main' }).stdout).toBe(
        'main\nlatest\nsha-0123456\n'
      )
      expect(cli([], { ...jenkins, TAG_NAME: 'v3.1.0' }).stdout).toBe(
        '3.1.0\n3.1\n3\nsha-0123456\nlatest\n'
      )
      const labels = cli(['--format', 'json'], {
        ...jenkins,
        BRANCH_NAME: 'dev',
        GIT_URL: 'https://git.example/acme/app.git'
      })
      expect(JSON.parse(labels.stdout).labels).toContain(
        'org.opencontainers.image.url=https://git.example/acme/app'
      )
    })
  })

  it('prints every output as DOCKER_METADATA_OUTPUT_* for the shell, bake files included', () => {
    const r = cli([
      ...push,
      '--default-branch',
      'main',
      '--images',
      'a/app',
      '--labels',
      "quote=it's",
      '--bake-dir',
      '/out',
      '--bake-target',
      'meta',
      '--format',
      'env'
    ])
    expect(r.code).toBe(0)
    expect(Object.keys(r.written).sort()).toEqual([
      '/out/docker-metadata-action-bake-annotations.json',
      '/out/docker-metadata-action-bake-labels.json',
      '/out/docker-metadata-action-bake-tags.json',
      '/out/docker-metadata-action-bake.json'
    ])
    expect(JSON.parse(r.written['/out/docker-metadata-action-bake-tags.json'])).toEqual({
      target: {
        meta: {
          tags: ['a/app:main', 'a/app:latest', 'a/app:sha-0123456'],
          args: { DOCKER_META_IMAGES: 'a/app', DOCKER_META_VERSION: 'main' }
        }
      }
    })
    const script = `${r.stdout}printf '%s|%s|%s' "$DOCKER_METADATA_OUTPUT_TAGS" "$DOCKER_METADATA_OUTPUT_BAKE_FILE" "$DOCKER_METADATA_OUTPUT_LABELS"`
    const [tags, bake, labels] = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('|')
    expect(tags).toBe('a/app:main\na/app:latest\na/app:sha-0123456')
    expect(bake).toBe('/out/docker-metadata-action-bake.json')
    expect(labels.split('\n')).toContain("quote=it's")
    expect(r.stdout.split('\n')[0]).toBe("DOCKER_METADATA_OUTPUT_VERSION='main'")
  })
})
