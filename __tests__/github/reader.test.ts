import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/client.js'
import { ApiReader, listedAsMissing, MAX_BLOBS, MAX_OBJECTS } from '../../src/github/reader.js'
import { BOT, TOKEN } from '../standin/harness.js'
import { startStandin, type Standin } from '../standin/server.js'
import { World } from '../standin/state.js'

let standin: Standin | undefined
afterEach(async () => {
  await standin?.close()
  standin = undefined
})

/** A commit with `folders` folders holding a Dockerfile each, every third one a .dockerignore. */
async function repository(folders: number, timeoutMs?: number) {
  const world = new World()
  world.addToken(TOKEN, BOT)
  const files: Record<string, string> = {}
  for (let i = 0; i < folders; i++) {
    files[`svc/s${i}/Dockerfile`] = `FROM alpine:3.${i}\n`
    if (i % 3 === 0) files[`svc/s${i}/.dockerignore`] = `node_modules-${i}\n`
  }
  const sha = world.commit(files)
  standin = await startStandin(world)
  const client = createClient({
    token: TOKEN,
    apiUrl: standin.url,
    log: () => undefined,
    retryBaseMs: 1,
    ...(timeoutMs ? { timeoutMs } : {})
  })
  const reader = new ApiReader(client, { owner: world.owner, repo: world.repo, sha })
  const reads = () => standin!.log.filter((r) => r.operation.startsWith('graphql:query'))
  return { files, reader, reads, standin }
}

/** Objects a GraphQL read asks for, from its variables. */
function objectsOf(body: unknown): number {
  const names = Object.keys((body as { variables?: Record<string, unknown> }).variables ?? {})
  return names.filter((k) => /^[bt]\d+$/.test(k)).length
}

/** The 600-folder request of the tests below: Dockerfiles, guesses next to them, their folders. */
function bigRequest(files: Record<string, string>) {
  const dockerfiles = Object.keys(files).filter((p) => p.endsWith('Dockerfile'))
  const dirs = dockerfiles.map((p) => p.slice(0, p.lastIndexOf('/')))
  const guesses = dockerfiles.flatMap((p) => [
    `${p}.dockerignore`,
    p.replace(/Dockerfile$/, '.dockerignore')
  ])
  return { dockerfiles, guesses, request: { paths: [...dockerfiles, ...guesses], dirs } }
}

describe('listedAsMissing', () => {
  const dirs = new Map<string, string[] | null>([
    ['', ['Dockerfile', 'app']],
    ['app', ['compose.yaml']],
    ['gone', null]
  ])
  it('is true only when the folder is listed without the name, or known not to exist', () => {
    expect(listedAsMissing('.dockerignore', dirs)).toBe(true)
    expect(listedAsMissing('Dockerfile', dirs)).toBe(false)
    expect(listedAsMissing('app/compose.yaml', dirs)).toBe(false)
    expect(listedAsMissing('app/compose.override.yaml', dirs)).toBe(true)
    expect(listedAsMissing('gone/Dockerfile', dirs)).toBe(true)
    // Not listed: unknown, so it must be asked for.
    expect(listedAsMissing('other/Dockerfile', dirs)).toBe(false)
  })
})

describe('ApiReader.fetch', () => {
  it('reads a small request in one query, guesses included', async () => {
    const { reader, reads, files } = await repository(10)
    const paths = Object.keys(files).filter((p) => p.endsWith('Dockerfile'))
    const guesses = paths.flatMap((p) => [
      `${p}.dockerignore`,
      p.replace(/Dockerfile$/, '.dockerignore')
    ])
    const fetched = await reader.fetch({
      paths: [...paths, ...guesses],
      dirs: ['svc/s0', 'svc/s1']
    })
    expect(reads()).toHaveLength(1)
    expect(fetched.files.get('svc/s3/.dockerignore')).toEqual({
      kind: 'text',
      text: 'node_modules-3\n'
    })
    expect(fetched.files.get('svc/s4/.dockerignore')).toEqual({ kind: 'missing' })
    expect(fetched.dirs.get('svc/s1')).toEqual(['Dockerfile'])
  })

  it('lists folders first and does not ask for files their listings rule out', async () => {
    const n = 600
    const { reader, reads, files } = await repository(n)
    const { dockerfiles, guesses, request } = bigRequest(files)
    const fetched = await reader.fetch(request)

    // 600 folders + 600 files + 200 existing ignore files: the folders and the first files fill
    // the first query, the rest of the files need ceil(…/MAX_BLOBS) more; the 1,000 guesses
    // that the listings rule out are never asked for.
    const asked = reads().map((r) => {
      const names = Object.keys((r.body as { variables: Record<string, unknown> }).variables)
      return {
        blobs: names.filter((k) => /^b\d+$/.test(k)).length,
        trees: names.filter((k) => /^t\d+$/.test(k)).length
      }
    })
    const firstBlobs = Math.min(MAX_BLOBS, MAX_OBJECTS - n)
    expect(asked[0]).toEqual({ blobs: firstBlobs, trees: n })
    const existing = n + n / 3
    expect(asked).toHaveLength(1 + Math.ceil((existing - firstBlobs) / MAX_BLOBS))
    expect(asked.reduce((a, r) => a + r.blobs, 0)).toBe(existing)
    for (const r of asked) expect(r.blobs).toBeLessThanOrEqual(MAX_BLOBS)

    // Every path has an answer, and it is the truth.
    for (const p of [...dockerfiles, ...guesses]) {
      const state = fetched.files.get(p)
      if (files[p] === undefined) expect(state).toEqual({ kind: 'missing' })
      else expect(state).toEqual({ kind: 'text', text: files[p] })
    }
    expect(standin!.problems).toEqual([])
  })

  it('reads a query GitHub gave up on again in halves, and every path still gets its answer', async () => {
    const { reader, reads, files, standin } = await repository(600)
    // GitHub answers 502 to any read of more than 400 objects (its 10-second limit).
    standin.fail({
      path: /^graphql:query/,
      status: 502,
      times: 1000,
      when: (body) => objectsOf(body) > 400
    })
    const { dockerfiles, guesses, request } = bigRequest(files)
    const fetched = await reader.fetch(request)
    const sizes = reads().map((r) => [r.status, objectsOf(r.body)])
    // The 800-object read, retried by the plugin, then its two halves.
    expect(sizes.some(([status]) => status === 502)).toBe(true)
    expect(sizes.filter(([status]) => status === 502).every(([, n]) => n === 800)).toBe(true)
    expect(sizes.filter(([status]) => status === 200).every(([, n]) => n <= 400)).toBe(true)
    for (const p of [...dockerfiles, ...guesses]) {
      const state = fetched.files.get(p)
      if (files[p] === undefined) expect(state).toEqual({ kind: 'missing' })
      else expect(state).toEqual({ kind: 'text', text: files[p] })
    }
    expect(fetched.dirs.size).toBeGreaterThanOrEqual(600)
  })

  it('also halves a read whose answer did not come within the client deadline', async () => {
    const { reader, reads, files, standin } = await repository(600, 300)
    standin.fail({
      path: /^graphql:query/,
      hang: true,
      times: 1000,
      when: (b) => objectsOf(b) > 400
    })
    const { dockerfiles, request } = bigRequest(files)
    const fetched = await reader.fetch(request)
    expect(reads().some((r) => r.fault === 'hang' && objectsOf(r.body) === 800)).toBe(true)
    for (const p of dockerfiles)
      expect(fetched.files.get(p)).toEqual({ kind: 'text', text: files[p] })
  })

  it('gives up after halving twice when every read fails, with a bounded number of requests', async () => {
    const { reader, reads, files, standin } = await repository(600)
    standin.fail({ path: /^graphql:query/, status: 502, times: 1000 })
    await expect(reader.fetch(bigRequest(files).request)).rejects.toMatchObject({ status: 502 })
    // 800, then 400, then 200 objects: three reads, each with the retry plugin's retries.
    const sizes = [...new Set(reads().map((r) => objectsOf(r.body)))]
    expect(sizes).toEqual([800, 400, 200])
    expect(reads().length).toBeLessThanOrEqual(3 * 4)
  })

  it('does not split a read that failed for another reason', async () => {
    const { reader, reads, files, standin } = await repository(600)
    standin.fail({ path: /^graphql:query/, status: 401, times: 1000 })
    await expect(reader.fetch(bigRequest(files).request)).rejects.toMatchObject({ status: 401 })
    expect(reads().map((r) => objectsOf(r.body))).toEqual([800])
  })
})
