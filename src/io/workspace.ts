import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Workspace } from '../core/types.js'
import { listInside, readInside } from './inside.js'

/** Text kept by one workspace view at most (bytes of UTF-16): beyond it, reads are not kept. */
const MAX_KEPT_TEXT = 32 * 1024 * 1024

/**
 * A Workspace over the file system below `root`, read through `readInside` (no links followed, no
 * `..` out of the root, never `.git/`, size checked first). An absolute path outside the root (a
 * file named on the command line elsewhere) is read from its own folder under the same rules.
 *
 * One view serves a whole run and remembers what it saw: each folder is listed once, and a file
 * whose folder listing does not name it is known to be absent without touching the disk (rules
 * probe for compose files, ignore files and build-context entries from every Dockerfile's folder;
 * most of those do not exist). Texts read are kept up to MAX_KEPT_TEXT.
 */
export function diskWorkspace(root: string): Workspace {
  const base = resolve(root)
  const place = (path: string): [string, string] => {
    if (!isAbsolute(path)) return [base, path]
    const rel = relative(base, path)
    if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return [base, rel]
    return [dirname(path), basename(path)]
  }
  const listings = new Map<string, string[] | undefined>()
  const names = new Map<string, Set<string>>()
  const texts = new Map<string, string | undefined>()
  let kept = 0
  // Names compare as the file system does: case-insensitively on macOS and Windows.
  const fold =
    process.platform === 'darwin' || process.platform === 'win32'
      ? (name: string) => name.toLowerCase()
      : (name: string) => name
  const list = (dir: string, rel: string): string[] | undefined => {
    const key = `${dir}\0${rel}`
    if (listings.has(key)) return listings.get(key)
    const found = listInside(dir, rel)
    listings.set(key, found)
    if (found) names.set(key, new Set(found.map(fold)))
    return found
  }
  /** False when the folder of `rel` was listed and does not name it: absent, no disk access. */
  const mayExist = (dir: string, rel: string): boolean => {
    const parent = dirname(rel)
    const name = basename(rel)
    if (name === '' || name === '.' || name === '..') return true
    if (list(dir, parent) === undefined) return true
    return names.get(`${dir}\0${parent}`)!.has(fold(name))
  }
  return {
    readFile(path) {
      const [dir, rel] = place(path)
      const key = `${dir}\0${rel}`
      if (texts.has(key)) return texts.get(key)
      let text: string | undefined
      if (mayExist(dir, rel)) {
        const read = readInside(dir, rel)
        if (read.kind === 'text') text = read.source.text
      }
      if (text === undefined || kept + text.length <= MAX_KEPT_TEXT) {
        texts.set(key, text)
        kept += text?.length ?? 0
      }
      return text
    },
    listDir(path) {
      const [dir, rel] = !isAbsolute(path)
        ? [base, path || '.']
        : place(path)[0] === base
          ? [base, place(path)[1] || '.']
          : [path, '.']
      const found = list(dir, rel)
      return found && [...found]
    }
  }
}
