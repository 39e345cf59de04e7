import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  openSync,
  ftruncateSync,
  closeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isDirInside, listInside, readInside, SYMLINK_NOT_READ } from '../../src/io/inside.js'
import { diskWorkspace } from '../../src/io/workspace.js'
import { diskFetcher } from '../../src/action/disk.js'

/** A real checkout-like tree with every trick a hostile pull request can play on the disk. */
let top: string
let root: string
const SECRET = 'root:x:0:0:SECRET-OUTSIDE-LINE'

beforeAll(() => {
  top = mkdtempSync(join(tmpdir(), 'dr-inside-'))
  root = join(top, 'ws')
  mkdirSync(join(root, 'app'), { recursive: true })
  mkdirSync(join(root, '.git'), { recursive: true })
  writeFileSync(join(top, 'outside.txt'), `${SECRET}\n`)
  writeFileSync(join(root, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic eC1h\n')
  writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM alpine:3.20\n')
  writeFileSync(join(root, 'app', 'bin.Dockerfile'), 'FROM a\n#\0\n')
  symlinkSync(join(top, 'outside.txt'), join(root, 'Dockerfile'))
  symlinkSync('.git/config', join(root, 'compose.yaml'))
  symlinkSync('app/Dockerfile', join(root, 'inner.Dockerfile'))
  symlinkSync(top, join(root, 'up'))
  const big = openSync(join(root, 'huge.Dockerfile'), 'w')
  ftruncateSync(big, 1024 * 1024 * 1024) // 1 GiB, sparse: reading it would take seconds and a GiB
  closeSync(big)
  execFileSync('mkfifo', [join(root, 'pipe.Dockerfile')])
})
afterAll(() => rmSync(top, { recursive: true, force: true }))

describe('readInside', () => {
  it('reads a plain file of the workspace', () => {
    const read = readInside(root, 'app/Dockerfile')
    expect(read).toMatchObject({ kind: 'text', source: { text: 'FROM alpine:3.20\n' } })
  })
  it('never follows a symlink, wherever it points, and quotes nothing of its target', () => {
    for (const path of ['Dockerfile', 'compose.yaml', 'inner.Dockerfile', 'up/outside.txt']) {
      const read = readInside(root, path)
      expect(read, path).toEqual({ kind: 'refused', reason: SYMLINK_NOT_READ })
      expect(JSON.stringify(read)).not.toContain('SECRET')
    }
  })
  it('refuses .git, absolute paths and .. out of the root without touching them', () => {
    expect(readInside(root, '.git/config')).toMatchObject({ kind: 'refused' })
    expect(readInside(root, 'app/../.git/config')).toMatchObject({ kind: 'refused' })
    expect(readInside(root, '../outside.txt')).toMatchObject({ kind: 'refused' })
    expect(readInside(root, join(top, 'outside.txt'))).toMatchObject({ kind: 'refused' })
    expect(readInside(root, 'app/Dockerfile\0x')).toMatchObject({ kind: 'refused' })
  })
  it('checks the size before reading: a 1 GiB file is refused at once', () => {
    const started = performance.now()
    const read = readInside(root, 'huge.Dockerfile')
    expect(read).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/too large/) })
    expect(performance.now() - started).toBeLessThan(200)
  })
  it('refuses binary files and anything that is not a regular file (a FIFO would block)', () => {
    expect(readInside(root, 'app/bin.Dockerfile')).toMatchObject({
      kind: 'refused',
      reason: expect.stringMatching(/binary/)
    })
    expect(readInside(root, 'pipe.Dockerfile')).toMatchObject({ kind: 'refused' })
  })
  it('missing files and folders are missing', () => {
    expect(readInside(root, 'nope')).toEqual({ kind: 'missing' })
    expect(readInside(root, 'app')).toEqual({ kind: 'missing' })
  })
  it('lists folders without .git and not through links', () => {
    expect(listInside(root, '')).not.toContain('.git')
    expect(listInside(root, 'app')?.sort()).toEqual(['Dockerfile', 'bin.Dockerfile'])
    expect(listInside(root, 'up')).toBeUndefined()
    expect(isDirInside(root, 'up')).toBe(false)
    expect(listInside(root, '.git')).toBeUndefined()
  })
})

describe('the readers built on it', () => {
  it("the action's disk fetcher reports links as skipped, never their content", async () => {
    const fetched = await diskFetcher(root)({
      paths: ['Dockerfile', 'compose.yaml', 'app/Dockerfile', '.git/config'],
      dirs: ['', 'up']
    })
    expect(fetched.files.get('Dockerfile')).toEqual({ kind: 'skipped', reason: SYMLINK_NOT_READ })
    expect(fetched.files.get('compose.yaml')).toEqual({ kind: 'skipped', reason: SYMLINK_NOT_READ })
    expect(fetched.files.get('app/Dockerfile')).toMatchObject({ kind: 'text' })
    expect(fetched.files.get('.git/config')?.kind).toBe('skipped')
    expect(fetched.dirs.get('up')).toBeNull()
    expect(fetched.dirs.has('up/ws')).toBe(false)
    expect(JSON.stringify([...fetched.files.values()])).not.toMatch(/SECRET|extraheader/)
  })
  it("the CLI's workspace does not follow links either", () => {
    const ws = diskWorkspace(root)
    expect(ws.readFile('Dockerfile')).toBeUndefined()
    expect(ws.readFile(join(root, 'compose.yaml'))).toBeUndefined()
    expect(ws.readFile('app/Dockerfile')).toBe('FROM alpine:3.20\n')
    expect(ws.readFile(join(root, 'app/Dockerfile'))).toBe('FROM alpine:3.20\n')
    expect(ws.listDir('up')).toBeUndefined()
  })
})
