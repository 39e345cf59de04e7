import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync
} from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { decodeSource, MAX_SOURCE_BYTES, tooLarge, type Source } from './source.js'

/**
 * The one way a run reads a checkout (the action's workspace, the CLI's root): nothing outside
 * it, nothing through a link, never `.git/`, and never more bytes than the size limit. A pull
 * request controls every file and link in its checkout, so each read is checked as an attacker
 * would use it:
 *
 * - the path is taken apart lexically first: absolute paths, `..` past the root, NUL bytes and any
 *   `.git` segment are refused without touching the disk;
 * - every component is `lstat`ed: a symlink anywhere on the way (file or folder) is not followed,
 *   and the file is reported as "symlink, not read" — quoting nothing of where it points;
 * - the real path of what is opened must still be inside the real root (a bind mount or a racing
 *   rename cannot take the read elsewhere), the file is opened with `O_NOFOLLOW`, and its size is
 *   checked on the open descriptor before a single byte is read;
 * - only regular files are read (a FIFO would block the run forever, a device never ends).
 */

export type InsideRead =
  | { kind: 'text'; source: Source; warning?: string }
  /** No such file (or a folder): nothing to report. */
  | { kind: 'missing' }
  /** There, but not read or not lintable: the reason, which quotes nothing of the file. */
  | { kind: 'refused'; reason: string }

export const SYMLINK_NOT_READ = 'symlink, not read (links are never followed)'
const GIT_DIR = '.git is never read'
const OUTSIDE = 'outside the workspace, not read'
const NOT_REGULAR = 'not a regular file, not read'

/** `rel` as clean segments inside the root, or a reason it is refused. */
function segments(rel: string): string[] | { reason: string } {
  if (rel.includes('\0')) return { reason: OUTSIDE }
  if (isAbsolute(rel) || /^[A-Za-z]:[\\/]/.test(rel)) return { reason: OUTSIDE }
  const out: string[] = []
  for (const part of rel.split(/[\\/]/)) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return { reason: OUTSIDE }
      out.pop()
      continue
    }
    if (part.toLowerCase() === '.git') return { reason: GIT_DIR }
    out.push(part)
  }
  return out
}

function within(root: string, full: string): boolean {
  const rel = relative(root, full)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

type Walked = { full: string } | { missing: true } | { reason: string }

/** The components of `rel` under `root`, each `lstat`ed: no link, no escape. */
function walk(root: string, rel: string, last: 'file' | 'dir'): Walked {
  const parts = segments(rel)
  if (!Array.isArray(parts)) return parts
  let realRoot: string
  try {
    realRoot = realpathSync(root)
  } catch {
    return { missing: true }
  }
  let full = realRoot
  for (let i = 0; i < parts.length; i++) {
    full = join(full, parts[i])
    let stat
    try {
      stat = lstatSync(full)
    } catch {
      return { missing: true }
    }
    if (stat.isSymbolicLink()) return { reason: SYMLINK_NOT_READ }
    const isLast = i === parts.length - 1
    if (!isLast && !stat.isDirectory()) return { missing: true }
    if (isLast && last === 'dir' && !stat.isDirectory()) return { missing: true }
    if (isLast && last === 'file') {
      if (stat.isDirectory()) return { missing: true }
      if (!stat.isFile()) return { reason: NOT_REGULAR }
    }
  }
  try {
    if (!within(realRoot, realpathSync(full))) return { reason: OUTSIDE }
  } catch {
    return { missing: true }
  }
  return { full }
}

/**
 * Read `rel` (a path relative to `root`) as lintable text, under every rule above. Decoding is
 * `decodeSource`'s: binary and over-large files are refused with its reason.
 */
export function readInside(root: string, rel: string, maxBytes = MAX_SOURCE_BYTES): InsideRead {
  const walked = walk(resolve(root), rel, 'file')
  if ('missing' in walked) return { kind: 'missing' }
  if ('reason' in walked) return { kind: 'refused', reason: walked.reason }
  let fd: number
  try {
    fd = openSync(
      walked.full,
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
    )
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return { kind: 'refused', reason: SYMLINK_NOT_READ }
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    return { kind: 'refused', reason: `unreadable (${code ?? 'error'})` }
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) return { kind: 'refused', reason: NOT_REGULAR }
    const large = tooLarge(stat.size, maxBytes)
    if (large) return { kind: 'refused', reason: large }
    // Read at most one byte past the limit: a file that grows after the check is still bounded.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length === buffer.length) break
    }
    const decoded = decodeSource(buffer.subarray(0, length), maxBytes)
    if (!decoded.ok) return { kind: 'refused', reason: decoded.reason }
    return decoded.warning
      ? { kind: 'text', source: decoded.source, warning: decoded.warning }
      : { kind: 'text', source: decoded.source }
  } catch (error) {
    return {
      kind: 'refused',
      reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The entry names of folder `rel` under `root` (never `.git`), or undefined when it is not a
 * folder reached without links inside the root.
 */
export function listInside(root: string, rel: string): string[] | undefined {
  const walked = walk(resolve(root), rel, 'dir')
  if (!('full' in walked)) return undefined
  try {
    return readdirSync(walked.full).filter((n) => n.toLowerCase() !== '.git')
  } catch {
    return undefined
  }
}

/** Is `rel` under `root` a folder reached without links? (For two-level listings.) */
export function isDirInside(root: string, rel: string): boolean {
  return 'full' in walk(resolve(root), rel, 'dir')
}
