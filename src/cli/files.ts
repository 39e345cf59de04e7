import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import ignore, { type Ignore } from 'ignore'
import picomatch from 'picomatch'
import type { FileKind } from '../core/types.js'
import { compareNames } from '../core/text.js'

/**
 * Which files `docker-review lint` looks at: explicit files always (their kind from --kind, the
 * name, or later the content); `-` for the standard input; directories walked with `.gitignore`
 * files respected (nested ones too), `.git` and `node_modules` skipped, and files picked by name
 * unless `--kind` forces every file.
 *
 * A walk never leaves the directory it was given: a symlinked file is linted (once) only when its
 * real path is inside that directory and not under `.git`; a symlink to anything else that would
 * have been linted is reported as not read, and symlinked directories are never entered (what is
 * inside the root is walked where it really is). An explicit argument is followed wherever it
 * points: the user named it.
 */

export interface Target {
  /** Path as it will be reported (relative to cwd when inside it). */
  path: string
  /** Absolute path on disk; undefined for the standard input. */
  full?: string
  /** Undefined: named explicitly, kind to be told from the content. */
  kind?: FileKind
}

export interface CollectOptions {
  cwd: string
  detect: (path: string) => FileKind | undefined
  forceKind?: FileKind
  ignorePaths: string[]
  /** Reported path of `-` (default `-`). */
  stdinFilename?: string
}

export interface Collected {
  targets: Target[]
  errors: Array<{ file: string; message: string }>
  /** Paths given on the command line that do not exist. */
  missing: string[]
}

const ALWAYS_SKIP = new Set(['.git', 'node_modules'])

function display(cwd: string, full: string): string {
  const rel = relative(cwd, full)
  return (rel.startsWith('..') ? full : rel || '.').split(sep).join('/')
}

function inside(root: string, full: string): boolean {
  const rel = relative(root, full)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

export function collectTargets(paths: string[], options: CollectOptions): Collected {
  const targets: Target[] = []
  const errors: Collected['errors'] = []
  const missing: string[] = []
  /** Real paths already taken: a file reached by its name and by a symlink is linted once. */
  const seen = new Set<string>()
  const ignored = options.ignorePaths.length
    ? picomatch(options.ignorePaths, { dot: true })
    : () => false
  const kindOf = (path: string): FileKind | undefined => options.forceKind ?? options.detect(path)
  for (const p of paths.length ? paths : ['.']) {
    if (p === '-') {
      const path = options.stdinFilename ?? '-'
      targets.push({ path, kind: options.forceKind ?? options.detect(path) })
      continue
    }
    const full = resolve(options.cwd, p)
    let stat
    try {
      stat = statSync(full)
    } catch {
      missing.push(p)
      continue
    }
    if (stat.isDirectory()) {
      const root = realpathSync(full)
      walk(full, root, root, (file, real) => {
        const path = display(options.cwd, file)
        const kind = kindOf(path)
        if (!kind || ignored(path)) return
        if (typeof real !== 'string') {
          const where = real.git ? 'in .git' : `outside ${display(options.cwd, full)}`
          errors.push({ file: path, message: `symlink to a file ${where}, not read` })
          return
        }
        if (seen.has(real)) return
        seen.add(real)
        targets.push({ path, full: real, kind })
      })
    } else {
      const real = realpathSync(full)
      if (seen.has(real)) continue
      seen.add(real)
      const path = display(options.cwd, full)
      targets.push({ path, full: real, kind: kindOf(path) })
    }
  }
  return { targets, errors, missing }
}

/** Where a symlink met on a walk leads: a file it may lint, one it may not, or nothing. */
type Linked = string | { git: boolean }

/** Real path of a symlink the walk may take as a file, or why not; undefined: not a file. */
function linkedFile(root: string, full: string): Linked | undefined {
  let real: string
  try {
    real = realpathSync(full)
    if (!statSync(real).isFile()) return undefined
  } catch {
    return undefined // dangling, or a loop
  }
  if (!inside(root, real)) return { git: false }
  return relative(root, real).split(sep).includes('.git') ? { git: true } : real
}

/** `dir` as given, `realDir` its real path (the walk never enters a symlinked directory). */
function walk(
  dir: string,
  realDir: string,
  root: string,
  visit: (file: string, real: Linked) => void,
  rules: Array<{ base: string; ig: Ignore }> = []
): void {
  let gitignore: string | undefined
  try {
    gitignore = readFileSync(resolve(dir, '.gitignore'), 'utf8')
  } catch {
    gitignore = undefined
  }
  const scoped = gitignore ? [...rules, { base: dir, ig: ignore().add(gitignore) }] : rules
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  entries.sort((a, b) => compareNames(a.name, b.name))
  for (const entry of entries) {
    if (ALWAYS_SKIP.has(entry.name)) continue
    const full = resolve(dir, entry.name)
    const isDir = entry.isDirectory()
    const hidden = scoped.some(({ base, ig }) => {
      const rel = relative(base, full).split(sep).join('/')
      return ig.ignores(isDir ? `${rel}/` : rel)
    })
    if (hidden) continue
    if (isDir) walk(full, resolve(realDir, entry.name), root, visit, scoped)
    else if (entry.isFile()) visit(full, resolve(realDir, entry.name))
    else if (entry.isSymbolicLink()) {
      const real = linkedFile(root, full)
      if (real !== undefined) visit(full, real)
    }
  }
}
