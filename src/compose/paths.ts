/** POSIX path helpers for workspace-relative paths (pure; no `node:path` so the core stays portable). */

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
