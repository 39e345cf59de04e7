import { readdirSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { Workspace } from '../core/types.js'
import { decodeSource } from './source.js'

/** A Workspace over the file system, resolving relative paths against `root`. */
export function diskWorkspace(root: string): Workspace {
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(root, p))
  return {
    readFile(path) {
      try {
        const full = abs(path)
        if (!statSync(full).isFile()) return undefined
        const decoded = decodeSource(readFileSync(full))
        return decoded.ok ? decoded.source.text : undefined
      } catch {
        return undefined
      }
    },
    listDir(path) {
      try {
        return readdirSync(abs(path || '.'))
      } catch {
        return undefined
      }
    }
  }
}
