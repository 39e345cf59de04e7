import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { parsePatch } from '../../src/diff/patch.js'
import { redact, REDACTED, secretForms } from '../../src/github/redact.js'
import { parseGraphql } from './graphql.js'
import { TOKEN, tokenForm } from './harness.js'
import { lineMapping, splitLines, unifiedPatch } from './linediff.js'
import { openApi } from './openapi.js'
import { startStandin, type Standin } from './server.js'
import { World } from './state.js'

/** Rebuild the new text from the old one and a patch (what `git apply` would do). */
function applyPatch(oldText: string, patch: string): string {
  const old = splitLines(oldText)
  const out: string[] = []
  let pos = 0
  const lines = patch.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(lines[i])
    if (m) {
      const start = Number(m[2] === '0' ? Number(m[1]) : Number(m[1]) - 1)
      while (pos < start) out.push(old[pos++])
      continue
    }
    const line = lines[i]
    const noEol = lines[i + 1] === '\\ No newline at end of file'
    const text = line.slice(1) + (noEol ? '' : '\n')
    if (line[0] === ' ') {
      out.push(old[pos++])
    } else if (line[0] === '-') pos++
    else if (line[0] === '+') out.push(text)
  }
  while (pos < old.length) out.push(old[pos++])
  return out.join('')
}

describe('linediff', () => {
  const text = fc
    .array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 })
    .chain((lines) =>
      fc.boolean().map((eol) => lines.join('\n') + (eol && lines.length ? '\n' : ''))
    )

  it('patches rebuild the new text, and every RIGHT line is a line of the new text', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const patch = unifiedPatch(a, b)
        if (a === b) return patch === ''
        expect(applyPatch(a, patch)).toBe(b)
        const newLines = splitLines(b)
        for (const [line] of parsePatch(patch).right) expect(newLines[line - 1]).toBeDefined()
        return true
      }),
      { numRuns: 500 }
    )
  })

  it('maps untouched lines to equal lines, in order', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const al = splitLines(a)
        const bl = splitLines(b)
        let last = 0
        for (const [from, to] of [...lineMapping(a, b)].sort((x, y) => x[0] - y[0])) {
          expect(al[from - 1]).toBe(bl[to - 1])
          expect(to).toBeGreaterThan(last)
          last = to
        }
      }),
      { numRuns: 500 }
    )
  })
})

describe('GraphQL parser', () => {
  it('reads operations, variables, aliases, arguments and inline fragments', () => {
    const [op] = parseGraphql(`query Q($o: String!, $n: Int = 3) {
      repository(owner: $o, name: "x") { f0: object(expression: "a:b") { ... on Blob { text } } }
    }`)
    expect(op.operation).toBe('query')
    expect(op.variables.map((v) => `${v.name}:${v.type}`)).toEqual(['o:String!', 'n:Int'])
    const repo = op.selections[0]
    expect(repo.kind === 'field' && repo.args.owner).toEqual({ kind: 'var', name: 'o' })
    const object = repo.kind === 'field' ? repo.selections![0] : undefined
    expect(object).toMatchObject({
      alias: 'f0',
      name: 'object',
      selections: [{ kind: 'fragment', on: 'Blob' }]
    })
  })
  it('rejects broken documents', () => {
    expect(() => parseGraphql('query { a(')).toThrow()
    expect(() => parseGraphql('query { }')).toThrow()
  })
})

describe('OpenAPI checks', () => {
  it('accepts a well-formed review and rejects a bad one', () => {
    const api = openApi()
    const ok = api.check('POST', '/repos/o/r/pulls/1/reviews', new URLSearchParams(), {
      commit_id: 'abc',
      event: 'COMMENT',
      body: 'x',
      comments: [{ path: 'Dockerfile', line: 2, side: 'RIGHT', body: 'b' }]
    })
    expect(ok.problems).toEqual([])
    expect(ok.match?.operationId).toBe('pulls/create-review')
    const bad = api.check('POST', '/repos/o/r/pulls/1/reviews', new URLSearchParams(), {
      event: 'MAYBE'
    })
    expect(bad.status).toBe(422)
    const missing = api.check('POST', '/repos/o/r/issues/1/comments', new URLSearchParams(), {})
    expect(missing.status).toBe(422)
    expect(
      api.check(
        'GET',
        '/repos/o/r/pulls/1/files',
        new URLSearchParams('per_page=100&bogus=1'),
        undefined
      ).problems
    ).toEqual(['unknown query parameter bogus for pulls/list-files'])
    expect(api.check('GET', '/repos/o/r/nonsense', new URLSearchParams(), undefined).status).toBe(
      404
    )
    expect(
      api.check('DELETE', '/repos/o/r/pulls/comments/5', new URLSearchParams(), undefined).match
        ?.operationId
    ).toBe('pulls/delete-review-comment')
  })
})

describe('server', () => {
  let standin: Standin | undefined
  afterEach(async () => {
    await standin?.close()
    standin = undefined
  })

  async function setup(write = true) {
    const world = new World()
    world.addToken('tok', { login: 'github-actions[bot]', type: 'Bot', write })
    const base = world.commit({ Dockerfile: 'FROM a\nRUN b\n' })
    const head = world.commit({ Dockerfile: 'FROM a\nRUN c\nUSER x\n' }, { parent: base })
    world.openPull({ number: 7, base, head })
    standin = await startStandin(world)
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${standin!.url}${path}`, {
        method,
        headers: { authorization: 'token tok', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      const text = await res.text()
      return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined }
    }
    return { world, head, call }
  }

  it('lists files with patches and enforces the diff on reviews (all or nothing)', async () => {
    const { head, call, world } = await setup()
    const files = await call('GET', '/repos/octo-org/hello-docker/pulls/7/files?per_page=100')
    expect(files.json[0]).toMatchObject({ filename: 'Dockerfile', status: 'modified' })
    expect(files.json[0].patch).toContain('+USER x')
    const bad = await call('POST', '/repos/octo-org/hello-docker/pulls/7/reviews', {
      commit_id: head,
      event: 'COMMENT',
      body: 'r',
      comments: [
        { path: 'Dockerfile', line: 2, side: 'RIGHT', body: 'ok' },
        { path: 'Dockerfile', line: 9, side: 'RIGHT', body: 'bad' }
      ]
    })
    expect(bad.status).toBe(422)
    expect(bad.json.errors).toEqual(['Pull request review thread line must be part of the diff'])
    expect(world.threads).toHaveLength(0)
    const good = await call('POST', '/repos/octo-org/hello-docker/pulls/7/reviews', {
      commit_id: head,
      event: 'COMMENT',
      body: 'r',
      comments: [
        {
          path: 'Dockerfile',
          start_line: 2,
          line: 3,
          side: 'RIGHT',
          start_side: 'RIGHT',
          body: 'ok'
        }
      ]
    })
    expect(good.status).toBe(200)
    expect(world.threads).toHaveLength(1)
    expect(standin!.problems).toEqual([])
  })

  it('answers a read-only token with 403 and GraphQL FORBIDDEN', async () => {
    const { call } = await setup(false)
    const res = await call('POST', '/repos/octo-org/hello-docker/issues/7/comments', { body: 'x' })
    expect(res.status).toBe(403)
    expect(res.json.message).toBe('Resource not accessible by integration')
    const gql = await call('POST', '/graphql', {
      query: 'mutation($id: ID!) { d0: deleteIssueComment(input: {id: $id}) { clientMutationId } }',
      variables: { id: 'IC_1' }
    })
    expect(gql.json.errors[0]).toMatchObject({ type: 'FORBIDDEN', path: ['d0'] })
  })

  it('evaluates the read query shape: blobs, trees, threads, comments, viewerDidAuthor', async () => {
    const { call, head, world } = await setup()
    world.addIssueComment(7, 'human', { login: 'octocat', type: 'User', write: true })
    const res = await call('POST', '/graphql', {
      query: `query($owner: String!, $name: String!, $n: Int!, $e0: String!, $d0: String!) {
        repository(owner: $owner, name: $name) {
          pullRequest(number: $n) { id headRefOid
            reviewThreads(first: 100) { pageInfo { hasNextPage endCursor } nodes { id path line comments(first: 20) { nodes { id body viewerDidAuthor author { login } } } } }
            comments(first: 100) { nodes { id body viewerDidAuthor } }
          }
          f0: object(expression: $e0) { __typename ... on Blob { text isBinary isTruncated } }
          d0: object(expression: $d0) { ... on Tree { entries { name type } } }
        }
      }`,
      variables: {
        owner: 'octo-org',
        name: 'hello-docker',
        n: 7,
        e0: `${head}:Dockerfile`,
        d0: `${head}:`
      }
    })
    expect(res.json.errors).toBeUndefined()
    const repo = res.json.data.repository
    expect(repo.pullRequest.headRefOid).toBe(head)
    expect(repo.f0).toEqual({
      __typename: 'Blob',
      text: 'FROM a\nRUN c\nUSER x\n',
      isBinary: false,
      isTruncated: false
    })
    expect(repo.d0.entries).toEqual([{ name: 'Dockerfile', type: 'blob' }])
    expect(repo.pullRequest.comments.nodes[0].viewerDidAuthor).toBe(false)
  })

  it('rejects unknown GraphQL fields the way GitHub does', async () => {
    const { call } = await setup()
    const res = await call('POST', '/graphql', {
      query: '{ repository(owner: "octo-org", name: "hello-docker") { nope } }'
    })
    expect(res.json.data).toBeNull()
    expect(res.json.errors[0].message).toBe("Field 'nope' doesn't exist on type 'Repository'")
  })

  it('injects secondary rate limits with retry-after, then serves normally', async () => {
    const { call } = await setup()
    standin!.fail({ path: /\/files$/, status: 403, retryAfter: 2 })
    const first = await call('GET', '/repos/octo-org/hello-docker/pulls/7/files')
    expect(first.status).toBe(403)
    expect(first.headers.get('retry-after')).toBe('2')
    expect(first.json.message).toMatch(/secondary rate limit/)
    expect((await call('GET', '/repos/octo-org/hello-docker/pulls/7/files')).status).toBe(200)
  })

  it('moves comments with their lines on a push and outdates changed ones', async () => {
    const { call, head, world } = await setup()
    await call('POST', '/repos/octo-org/hello-docker/pulls/7/reviews', {
      commit_id: head,
      event: 'COMMENT',
      body: 'r',
      comments: [
        { path: 'Dockerfile', line: 3, side: 'RIGHT', body: 'on USER' },
        { path: 'Dockerfile', line: 2, side: 'RIGHT', body: 'on RUN' }
      ]
    })
    world.push(7, { Dockerfile: 'FROM a\n# new\nRUN d\nUSER x\n' })
    const byBody = Object.fromEntries(world.reviewComments(7).map((c) => [c.body, c.line]))
    expect(byBody).toEqual({ 'on USER': 4, 'on RUN': null })
  })
})

describe('token scan (harness) and redaction (product)', () => {
  const b64 = (text: string, urlSafe: boolean) => {
    const out = Buffer.from(text).toString('base64')
    return urlSafe ? out.replace(/\+/g, '-').replace(/\//g, '_') : out
  }

  it('the scan finds the token as is, markdown-escaped, and base64-encoded after any prefix', () => {
    expect(tokenForm(`x ${TOKEN} y`, TOKEN)).toBe('plain')
    expect(tokenForm(`x ${TOKEN.replace(/_/g, '\\_')} y`, TOKEN)).toBe('plain')
    for (let n = 0; n < 7; n++) {
      const prefix = 'x-access-token:'.slice(0, n)
      for (const urlSafe of [false, true]) {
        expect(tokenForm(`Basic ${b64(`${prefix}${TOKEN}`, urlSafe)}`, TOKEN), `${n}`).toBe(
          'base64'
        )
      }
    }
    expect(tokenForm(`token ${REDACTED} ${b64('an ordinary value', false)}`, TOKEN)).toBeUndefined()
  })

  it('whatever surrounds the token, redaction leaves nothing the scan can find', () => {
    const forms = secretForms(TOKEN)
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.boolean(),
        fc.boolean(),
        (before, after, encode, urlSafe) => {
          const text = encode
            ? b64(`${before}${TOKEN}${after}`, urlSafe)
            : `${before}${TOKEN}${after}`
          expect(tokenForm(redact(`header: ${text}`, forms), TOKEN)).toBeUndefined()
        }
      ),
      { numRuns: 300, seed: 7 }
    )
  })

  it('short values are not treated as secrets (they would mangle ordinary text)', () => {
    expect(secretForms('abc')).toEqual([])
    expect(redact('abc abc', secretForms('abc'))).toBe('abc abc')
  })
})
