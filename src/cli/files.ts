import { readdirSync, readFileSync, statSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import ignore, { type Ignore } from 'ignore'
import picomatch from 'picomatch'
import type { FileKind } from '../core/types.js'

/**
 * Which files `docker-review lint` looks at: explicit files always; directories walked with
 * `.gitignore` files respected (nested ones too), `.git` and `node_modules` skipped, and files
 * picked by name unless `--kind` forces every file.
 */

export interface Target {
  /** Path as it will be reported (relative to cwd when inside it). */
  path: string
  /** Absolute path on disk. */
  full: string
  kind: FileKind
}

export interface CollectOptions {
  cwd: string
  detect: (path: string) => FileKind | undefined
  forceKind?: FileKind
  ignorePaths: string[]
}

export interface Collected {
  targets: Target[]
  errors: Array<{ file: string; message: string }>
}

const ALWAYS_SKIP = new Set(['.git', 'node_modules'])

function display(cwd: string, full: string): string {
  const rel = relative(cwd, full)
  return (rel.startsWith('..') ? full : rel || '.').split(sep).join('/')
}

export function collectTargets(paths: string[], options: CollectOptions): Collected {
  const targets: Target[] = []
  const errors: Collected['errors'] = []
  const seen = new Set<string>()
  const ignored = options.ignorePaths.length
    ? picomatch(options.ignorePaths, { dot: true })
    : () => false
  const add = (full: string, kind: FileKind | undefined, explicit: boolean): void => {
    const path = display(options.cwd, full)
    if (seen.has(path) || (!explicit && ignored(path))) return
    if (!kind) {
      if (explicit)
        errors.push({
          file: path,
          message: 'not a Dockerfile or compose file by name; use --kind dockerfile|compose'
        })
      return
    }
    seen.add(path)
    targets.push({ path, full, kind })
  }
  for (const p of paths.length ? paths : ['.']) {
    const full = resolve(options.cwd, p)
    let stat
    try {
      stat = statSync(full)
    } catch {
      errors.push({ file: p, message: 'no such file or directory' })
      continue
    }
    if (stat.isDirectory())
      walk(
        full,
        options,
        (file) => add(file, options.forceKind ?? options.detect(display(options.cwd, file)), false),
        []
      )
    else add(full, options.forceKind ?? options.detect(display(options.cwd, full)), true)
  }
  return { targets, errors }
}

function walk(
  dir: string,
  options: CollectOptions,
  visit: (file: string) => void,
  rules: Array<{ base: string; ig: Ignore }>
): void {
  let gitignore: string | undefined
  try {
    gitignore = readFileSync(resolve(dir, '.gitignore'), 'utf8')
  } catch {
    gitignore = undefined
  }
  const scoped = gitignore ? [...rules, { base: dir, ig: ignore().add(gitignore) }] : rules
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  entries.sort((a, b) => a.name.localeCompare(b.name))
  for (const entry of entries) {
    if (ALWAYS_SKIP.has(entry.name)) continue
    const full = resolve(dir, entry.name)
    const isDir = entry.isDirectory()
    const hidden = scoped.some(({ base, ig }) => {
      const rel = relative(base, full).split(sep).join('/')
      return ig.ignores(isDir ? `${rel}/` : rel)
    })
    if (hidden) continue
    if (isDir) walk(full, options, visit, scoped)
    else if (entry.isFile()) visit(full)
  }
}
