import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diskWorkspace } from '../../src/io/workspace.js'

/**
 * diskWorkspace as one view per run: each folder listed once, absent files known from the listing
 * (the safety of the reads themselves is in inside.test.ts).
 */
let root: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dr-view-'))
  mkdirSync(join(root, 'app', 'src'), { recursive: true })
  mkdirSync(join(root, '.git'))
  writeFileSync(join(root, '.git', 'config'), 'secret\n')
  writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM alpine:3.20\n')
  writeFileSync(join(root, 'app', '.dockerignore'), 'node_modules\n')
  symlinkSync(join(root, 'app', 'Dockerfile'), join(root, 'app', 'linked'))
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('diskWorkspace', () => {
  it('reads and lists as before: files, folders, absent names, links and .git refused', () => {
    const ws = diskWorkspace(root)
    expect(ws.readFile('app/Dockerfile')).toBe('FROM alpine:3.20\n')
    expect(ws.readFile(join(root, 'app', '.dockerignore'))).toBe('node_modules\n')
    expect(ws.readFile('app/compose.yaml')).toBeUndefined()
    expect(ws.readFile('nowhere/compose.yaml')).toBeUndefined()
    expect(ws.readFile('app/src')).toBeUndefined()
    expect(ws.readFile('app/linked')).toBeUndefined()
    expect(ws.readFile('.git/config')).toBeUndefined()
    expect(ws.listDir('')?.sort()).toEqual(['app'])
    expect(ws.listDir('app')?.sort()).toEqual(['.dockerignore', 'Dockerfile', 'linked', 'src'])
    expect(ws.listDir('app/Dockerfile')).toBeUndefined()
    expect(ws.listDir('.git')).toBeUndefined()
  })

  it('lists a folder once: a file added later is not seen by the same view, a new view sees it', () => {
    const ws = diskWorkspace(root)
    expect(ws.readFile('app/compose.yaml')).toBeUndefined()
    writeFileSync(join(root, 'app', 'compose.yaml'), 'services: {}\n')
    try {
      expect(ws.readFile('app/compose.yaml')).toBeUndefined()
      expect(ws.listDir('app')).not.toContain('compose.yaml')
      expect(diskWorkspace(root).readFile('app/compose.yaml')).toBe('services: {}\n')
    } finally {
      rmSync(join(root, 'app', 'compose.yaml'))
    }
  })

  it('keeps what it read, and hands out listings callers cannot change', () => {
    const ws = diskWorkspace(root)
    expect(ws.readFile('app/.dockerignore')).toBe('node_modules\n')
    writeFileSync(join(root, 'app', '.dockerignore'), 'changed\n')
    try {
      expect(ws.readFile('app/.dockerignore')).toBe('node_modules\n')
    } finally {
      writeFileSync(join(root, 'app', '.dockerignore'), 'node_modules\n')
    }
    ws.listDir('app')!.length = 0
    expect(ws.listDir('app')).toHaveLength(4)
  })
})
