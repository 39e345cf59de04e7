/**
 * The one POSIX path module: workspace-relative paths (compose projects, build contexts) and the
 * absolute paths inside an image (WORKDIR, COPY destinations). Pure; no `node:path`, so the core
 * stays portable.
 */

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i === -1 ? '' : path.slice(0, i)
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Join and normalise (`a/b/../c` → `a/c`); an absolute `rel` wins. Leading `..` are kept. */
export function join(dir: string, rel: string): string {
  const combined = rel.startsWith('/') || dir === '' ? rel : `${dir}/${rel}`
  const absolute = combined.startsWith('/')
  const out: string[] = []
  for (const part of combined.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else out.push(part)
  }
  return (absolute ? '/' : '') + out.join('/')
}

/** POSIX dirname (`Dockerfile` → `.`). */
export function dirOf(path: string): string {
  const p = path.replace(/\\/g, '/')
  const slash = p.lastIndexOf('/')
  return slash <= 0 ? (slash === 0 ? '/' : '.') : p.slice(0, slash)
}

/** `dir` + `name` as a workspace path (`.` is the root). */
export function joinPath(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir.replace(/\/+$/, '')}/${name}`
}

/** Clean a context path as Docker does (`./a//b/` → `a/b`, `/a` → `a`); `.` for the root. */
export function cleanPath(path: string): string {
  const parts: string[] = []
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.length === 0 ? '.' : parts.join('/')
}

/** An absolute path inside an image, normalised (`/a/./b/../c` → `/a/c`; `..` stops at `/`). */
export function absolutePath(path: string): string {
  const parts: string[] = []
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue
    if (p === '..') parts.pop()
    else parts.push(p)
  }
  return `/${parts.join('/')}`
}
