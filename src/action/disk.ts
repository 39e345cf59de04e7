import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isDirInside, listInside, readInside } from '../io/inside.js'
import type { Fetched, FetchRequest, FileState } from '../core/ports.js'

/**
 * Reading from a checkout: is `GITHUB_WORKSPACE` at the reviewed commit (its `.git` HEAD), and the
 * file reads that serve a run from disk instead of the API. Paths never leave the workspace.
 */

const SHA = /^[0-9a-f]{40}$/

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** The commit a checkout's HEAD points at, following `.git` files (worktrees) and refs. */
export function checkoutHead(workspace: string): string | undefined {
  let gitDir = join(workspace, '.git')
  const dotGit = readText(gitDir)
  if (dotGit !== undefined) {
    const m = /^gitdir:\s*(.+)$/m.exec(dotGit)
    if (!m) return undefined
    gitDir = resolve(workspace, m[1].trim())
  }
  const head = readText(join(gitDir, 'HEAD'))?.trim()
  if (!head) return undefined
  if (SHA.test(head)) return head
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1]
  if (!ref || ref.split('/').includes('..')) return undefined
  const commonDir = readText(join(gitDir, 'commondir'))?.trim()
  const dirs = [gitDir, ...(commonDir ? [resolve(gitDir, commonDir)] : [])]
  for (const dir of dirs) {
    const loose = readText(join(dir, ref))?.trim()
    if (loose && SHA.test(loose)) return loose
    const packed = readText(join(dir, 'packed-refs'))
    const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`))
    const sha = line?.split(' ')[0]
    if (sha && SHA.test(sha)) return sha
  }
  return undefined
}

/** Is the workspace a checkout of exactly `sha`? */
export function workspaceAt(workspace: string | undefined, sha: string): boolean {
  return workspace !== undefined && checkoutHead(workspace) === sha
}

export function diskFetcher(root: string): (request: FetchRequest) => Promise<Fetched> {
  const base = resolve(root)
  return async (request) => {
    const fetched: Fetched = { files: new Map(), dirs: new Map() }
    for (const path of request.paths) fetched.files.set(path, readState(base, path))
    for (const dir of request.dirs) {
      const names = listInside(base, dir) ?? null
      fetched.dirs.set(dir, names)
      for (const name of names ?? []) {
        const sub = dir === '' ? name : `${dir}/${name}`
        if (isDirInside(base, sub)) fetched.dirs.set(sub, listInside(base, sub) ?? null)
      }
    }
    return fetched
  }
}

/** One file of the checkout, read through `readInside`: no link, no escape, size first. */
function readState(root: string, path: string): FileState {
  const read = readInside(root, path)
  if (read.kind === 'missing') return { kind: 'missing' }
  if (read.kind === 'refused') return { kind: 'skipped', reason: read.reason }
  return { kind: 'text', text: read.source.text }
}
