import { describe, expect, it } from 'vitest'
import { runTagsCli, type CliIO } from '../../../src/cli/tags.js'
import { NOW, REPOSITORY, SHA } from '../helpers.js'

function cli(argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIO = {
    env,
    readFile: (path) => {
      if (!(path in files)) throw new Error(`ENOENT: ${path}`)
      return files[path]
    },
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => NOW
  }
  const code = runTagsCli(argv, io)
  return { code, stdout: out.join(''), stderr: err.join('') }
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
    expect(cli([...push, '--format', 'yaml']).stderr).toContain('--format must be lines or json')
    expect(cli([...push, '--event-path', '/nope.json']).stderr).toContain(
      'cannot read the event payload'
    )
  })

  it('prints usage with --help', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Usage: docker-review tags')
  })
})
