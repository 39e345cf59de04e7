import { describe, expect, it } from 'vitest'
import {
  ArtifactError,
  parseArtifact,
  serializeArtifact,
  type ReportArtifact
} from '../../src/action/artifact.js'
import { describeError, isPermissionError } from '../../src/github/client.js'
import { changesMutation, failedChanges, parseRead, readQuery } from '../../src/github/queries.js'
import { parseGraphql } from '../standin/graphql.js'

describe('readQuery', () => {
  it('passes paths as variables, never in the query text', () => {
    const request = {
      owner: 'o',
      repo: 'r',
      number: 3,
      review: true,
      blobs: ['abc:a "b".df'],
      trees: ['abc:']
    }
    const { query, variables } = readQuery(request)
    expect(query).not.toContain('a "b"')
    expect(variables).toMatchObject({
      owner: 'o',
      repo: 'r',
      number: 3,
      b0: 'abc:a "b".df',
      t0: 'abc:'
    })
    const [op] = parseGraphql(query)
    expect(op.operation).toBe('query')
    expect(op.variables.map((v) => v.name)).toEqual(['owner', 'repo', 'number', 'b0', 't0'])
  })

  it('parses blobs, trees, threads and comments defensively', () => {
    const request = {
      owner: 'o',
      repo: 'r',
      number: 3,
      review: true,
      blobs: ['s:a', 's:b', 's:c'],
      trees: ['s:d', 's:e']
    }
    const read = parseRead(request, {
      repository: {
        pullRequest: {
          id: 'PR_1',
          headRefOid: 'h',
          reviewThreads: {
            pageInfo: { hasNextPage: true, endCursor: 'cur' },
            nodes: [
              {
                id: 'T1',
                isResolved: false,
                path: 'Dockerfile',
                line: 3,
                startLine: null,
                comments: {
                  totalCount: 60,
                  nodes: [{ id: 'C1', databaseId: 9, body: 'b', viewerDidAuthor: true }]
                }
              }
            ]
          },
          comments: {
            pageInfo: { hasNextPage: false },
            nodes: [{ id: 'IC', databaseId: 1, body: 's', viewerDidAuthor: false }]
          }
        },
        b0: { text: 'FROM x', isBinary: false, isTruncated: false, byteSize: 6 },
        b1: null,
        b2: {},
        t0: {
          entries: [{ name: 'x', type: 'tree', object: { entries: [{ name: 'y', type: 'blob' }] } }]
        },
        t1: null
      }
    })
    expect(read.headSha).toBe('h')
    expect(read.threadsPage).toBe('cur')
    // 60 comments but one read: counted as a reply, so the thread is never deleted.
    expect(read.threads[0].comments.some((c) => !c.viewerDidAuthor)).toBe(true)
    expect(read.blobs.get('s:a')).toMatchObject({ text: 'FROM x' })
    expect(read.blobs.get('s:b')).toBeNull()
    expect(read.blobs.get('s:c')).toBeNull()
    expect(read.trees.get('s:d')).toEqual([
      { name: 'x', type: 'tree', entries: [{ name: 'y', type: 'blob' }] }
    ])
    expect(read.trees.get('s:e')).toBeNull()
  })
})

describe('changesMutation', () => {
  it('aliases every change and maps errors back to them', () => {
    const changes = [
      { kind: 'update-review-comment' as const, id: 'C1', body: 'new' },
      { kind: 'delete-review-comment' as const, id: 'C2' },
      { kind: 'resolve-thread' as const, id: 'T3' },
      { kind: 'delete-issue-comment' as const, id: 'I4' }
    ]
    const { query, variables } = changesMutation(changes)
    const [op] = parseGraphql(query)
    expect(op.operation).toBe('mutation')
    expect(op.selections.map((s) => (s.kind === 'field' ? `${s.alias}:${s.name}` : ''))).toEqual([
      'm0:updatePullRequestReviewComment',
      'm1:deletePullRequestReviewComment',
      'm2:resolveReviewThread',
      'm3:deleteIssueComment'
    ])
    expect(variables).toMatchObject({ i0: 'C1', s0: 'new', i1: 'C2', i2: 'T3', i3: 'I4' })
    const failed = failedChanges(changes, [
      { message: 'gone', type: 'NOT_FOUND', path: ['m1'] },
      { message: 'x' }
    ])
    expect(failed.map((f) => f.change.id)).toEqual(['C2'])
  })
})

describe('client errors', () => {
  const error = (status: number, data: unknown) =>
    Object.assign(new Error('x'), { status, response: { data } })
  it('permission errors are 403s that are not rate limits, and 404s', () => {
    expect(
      isPermissionError(error(403, { message: 'Resource not accessible by integration' }))
    ).toBe(true)
    expect(
      isPermissionError(error(403, { message: 'You have exceeded a secondary rate limit.' }))
    ).toBe(false)
    expect(isPermissionError(error(404, { message: 'Not Found' }))).toBe(true)
    expect(isPermissionError(error(422, { message: 'x' }))).toBe(false)
  })
  it('describes GitHub errors in one line with their details', () => {
    expect(
      describeError(
        error(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] })
      )
    ).toBe('422 Unprocessable Entity (Line could not be resolved)')
  })
})

describe('report artifact', () => {
  const artifact: ReportArtifact = {
    version: 1,
    tool: 'docker-review',
    repository: 'o/r',
    pullRequest: 2,
    headSha: 'a'.repeat(40),
    filterMode: 'added',
    failOn: 'error',
    failed: false,
    reason: 'ok',
    findings: [
      {
        rule: 'DL3014',
        severity: 'warning',
        message: 'm',
        file: 'Dockerfile',
        range: { start: { line: 2, column: 1 }, end: { line: 2, column: 5 } },
        fix: {
          description: 'd',
          safe: true,
          edits: [
            { range: { start: { line: 2, column: 5 }, end: { line: 2, column: 5 } }, text: ' -y' }
          ]
        },
        review: 'summary'
      }
    ],
    notes: [],
    tags: ['pr-2']
  }
  it('round-trips', async () => {
    expect(await parseArtifact(serializeArtifact(artifact))).toEqual(artifact)
  })
  it('rejects anything else', async () => {
    await expect(parseArtifact('{')).rejects.toThrow(ArtifactError)
    await expect(parseArtifact(JSON.stringify({ ...artifact, headSha: 'HEAD' }))).rejects.toThrow(
      /headSha/
    )
    await expect(parseArtifact(JSON.stringify({ ...artifact, extra: 1 }))).rejects.toThrow(
      ArtifactError
    )
    const bad = structuredClone(artifact)
    bad.findings[0].range.start.line = 0
    await expect(parseArtifact(JSON.stringify(bad))).rejects.toThrow(ArtifactError)
    const placement = structuredClone(artifact)
    ;(placement.findings[0] as { review: string }).review = 'hidden'
    await expect(parseArtifact(JSON.stringify(placement))).rejects.toThrow(ArtifactError)
  })
})
