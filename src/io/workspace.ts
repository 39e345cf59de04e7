import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Workspace } from '../core/types.js'
import { listInside, readInside } from './inside.js'

/**
 * A Workspace over the file system below `root`, read through `readInside` (no links followed, no
 * `..` out of the root, never `.git/`, size checked first). An absolute path outside the root (a
 * file named on the command line elsewhere) is read from its own folder under the same rules.
 */
export function diskWorkspace(root: string): Workspace {
  const base = resolve(root)
  const place = (path: string): [string, string] => {
    if (!isAbsolute(path)) return [base, path]
    const rel = relative(base, path)
    if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return [base, rel]
    return [dirname(path), basename(path)]
  }
  return {
    readFile(path) {
      const read = readInside(...place(path))
      return read.kind === 'text' ? read.source.text : undefined
    },
    listDir(path) {
      if (!isAbsolute(path)) return listInside(base, path || '.')
      const [dir, name] = place(path)
      return dir === base ? listInside(base, name || '.') : listInside(path, '.')
    }
  }
}
