import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { isAscii } from 'node:buffer'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { Script } from 'node:vm'
import { crc32 } from 'node:zlib'

/**
 * The CLI bundle's scripts run from V8's code cache.
 *
 * A `docker-review lint` of one file is mostly start-up: parsing ~3.6 MB of bundle and mvdan/sh,
 * then compiling each function on its first call. The bundle's CommonJS scripts
 * (scripts/package.mjs) are therefore compiled here with `vm.Script`, and at exit the code V8 made
 * for them — including every function the run compiled — is written to a cache that the next run
 * starts from (one median Dockerfile, CPU time: Node 20 ~250 → ~150 ms, Node 24 ~215 → ~120 ms).
 * Node's own `module.enableCompileCache` (Node ≥ 22.1) keeps only what is compiled before the code
 * runs, and measured slower (Node 24: ~155 ms); Node 20 has nothing of the kind.
 *
 * Code cache is code, so:
 * - the folder is the user's own: under `$XDG_CACHE_HOME` when set, else a per-user folder in the
 *   system's temporary folder, never the working tree; one that someone else could have written
 *   (not ours, a link, writable by group or others) is not used;
 * - an entry is named by the CRC-32 and the length of the script's bytes: V8 itself checks only
 *   the source's length, and would run the code of an old script of the same length;
 * - an entry carries the CRC-32 of its data, checked before V8 sees it (V8 does not check its
 *   checksum in release builds): a corrupt entry, like a missing or rejected one, costs a
 *   compilation, never a result, and is written again.
 * CRC-32, not a cryptographic hash: the folder is private to the user (below), so what these
 * guard against is a new version of the bundle and a damaged file, not an adversary — and loading
 * `node:crypto` costs ~7 ms of a one-file run on Node 24 (~0.5 ms for `node:zlib`).
 * - entries are written whole (a temporary file, then a rename) and never fail the run; those of
 *   other versions of a script go once they are a week old;
 * - an entry names the work of the runs that made it (`save(work)`: the kinds of files linted,
 *   ShellCheck): a run that does other work writes it again, with the code of both. V8 keeps only
 *   the functions a run compiled, so an entry written by a run of compose files alone made every
 *   later one-file Dockerfile run compile its code again (Node 24: 80 against 66 ms).
 * NODE_DISABLE_COMPILE_CACHE (Node's switch for its own cache) turns it off.
 */

/** A CRC-32 as 4 bytes (big-endian). */
function checksum(data: Uint8Array): Buffer {
  const out = Buffer.alloc(CHECKSUM_BYTES)
  out.writeUInt32BE(crc32(data))
  return out
}
const CHECKSUM_BYTES = 4

/** What names a script's cache entry: its CRC-32 and its length, in hex. */
export function scriptKey(bytes: Uint8Array): string {
  return `${crc32(bytes).toString(16).padStart(8, '0')}${bytes.length.toString(16)}`
}

export interface CacheSite {
  env: Record<string, string | undefined>
  /** The process's user id; undefined where there is none (Windows). */
  uid: number | undefined
  tmpdir: string
  /** Runtime, architecture and V8 flags (runtimeKey): V8's code is for one of each. */
  runtime: string
}

/**
 * The folder name for one runtime: V8 rejects code made by another version, architecture or set
 * of flags, so runs that differ in these (`node --max-old-space-size=…`, NODE_OPTIONS) keep
 * separate caches instead of overwriting each other's on every run.
 */
export function runtimeKey(v8: string, arch: string, flags: string[]): string {
  const given = flags.join(' ').trim()
  const suffix = given ? `-${crc32(given).toString(16).padStart(8, '0')}` : ''
  return `v8-${v8}-${arch}${suffix}`
}

export function currentSite(): CacheSite {
  return {
    env: process.env,
    uid: process.getuid?.(),
    tmpdir: tmpdir(),
    runtime: runtimeKey(process.versions.v8, process.arch, [
      ...process.execArgv,
      process.env.NODE_OPTIONS ?? ''
    ])
  }
}

/** Where the cache goes for this user and runtime. */
export function codeCacheDir(site: CacheSite): string {
  const xdg = site.env.XDG_CACHE_HOME
  const base =
    xdg && isAbsolute(xdg)
      ? join(xdg, 'docker-review')
      : join(site.tmpdir, `docker-review-cache-${site.uid ?? 'user'}`)
  return join(base, site.runtime)
}

/**
 * Make `dir` if needed (private to the user) and say whether code cached in it may run: `dir` and
 * its parent (ours when we made it) are real folders, owned by `uid`, that neither group nor others
 * can write.
 */
export function privateDir(dir: string, uid: number | undefined): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    for (const path of [join(dir, '..'), dir]) {
      const stat = lstatSync(path)
      if (!stat.isDirectory()) return false
      if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0)) return false
    }
    return true
  } catch {
    return false
  }
}

/** The cache folder to use, or undefined for none. */
export function usableCacheDir(site: CacheSite): string | undefined {
  // zlib.crc32: Node ≥ 20.15; the package supports ≥ 20.9.
  if (site.env.NODE_DISABLE_COMPILE_CACHE || typeof crc32 !== 'function') return undefined
  const dir = codeCacheDir(site)
  return privateDir(dir, site.uid) ? dir : undefined
}

/**
 * A cache entry: the CRC-32 of the rest, the length of the work line (2 bytes), the work line
 * (names joined by `,`), then V8's data.
 */
interface Entry {
  data: Buffer
  work: string[]
}

/** A cache entry, or undefined when it is missing or does not match its hash. */
function readEntry(file: string): Entry | undefined {
  let entry: Buffer
  try {
    entry = readFileSync(file)
  } catch {
    return undefined
  }
  if (entry.length <= CHECKSUM_BYTES + 2) return undefined
  const rest = entry.subarray(CHECKSUM_BYTES)
  if (!checksum(rest).equals(entry.subarray(0, CHECKSUM_BYTES))) return undefined
  const length = rest.readUInt16BE(0)
  if (rest.length <= 2 + length) return undefined
  const line = rest.subarray(2, 2 + length).toString('latin1')
  return { data: rest.subarray(2 + length), work: line === '' ? [] : line.split(',') }
}

/**
 * Entries of other versions of a script written longer ago than this are removed when a new one
 * is written. Not sooner: two installed versions used in turn (a global one, a project's) would
 * otherwise remove each other's entry on every run.
 */
export const STALE_ENTRY_MS = 7 * 24 * 3600 * 1000

function writeEntry(dir: string, name: string, file: string, entry: Entry, now: number): void {
  const line = Buffer.from(entry.work.join(','), 'latin1')
  const length = Buffer.alloc(2)
  length.writeUInt16BE(line.length)
  const rest = Buffer.concat([length, line, entry.data])
  const temporary = join(dir, `${file}.${process.pid}.tmp`)
  writeFileSync(temporary, Buffer.concat([checksum(rest), rest]), { mode: 0o600 })
  renameSync(temporary, join(dir, file))
  for (const other of readdirSync(dir)) {
    if (other === file || !other.startsWith(`${name}.`) || !other.endsWith('.v8')) continue
    const path = join(dir, other)
    if (now - statSync(path).mtimeMs > STALE_ENTRY_MS) unlinkSync(path)
  }
}

export interface ScriptLoader {
  /** `require` for the scripts: `./name` is a script of the bundle, anything else Node's. */
  require(id: string): unknown
  /**
   * Write the cache entries this run made, or grew (call it at exit): `work` names what the run
   * did (`dockerfile`, `compose`, `shellcheck`…); an entry whose runs never did some of it is
   * written again. Never throws.
   */
  save(work?: readonly string[]): void
  /** Each script loaded so far and whether its code came from the cache. */
  readonly loaded: ReadonlyArray<{ name: string; cached: boolean }>
}

/**
 * A loader of the CommonJS scripts in `dir` (the bundle's folder), caching their code in
 * `cacheDir` (none: compile every time).
 */
export function scriptLoader(dir: string, cacheDir: string | undefined): ScriptLoader {
  const nodeRequire = createRequire(join(dir, 'index.js'))
  const modules = new Map<string, { exports: unknown }>()
  const loaded: Array<{ name: string; cached: boolean }> = []
  /** Each script's entry file, code, and the work of its entry (undefined: none was used). */
  const scripts: Array<{ name: string; file: string; script: Script; work?: string[] }> = []

  const load = (name: string): unknown => {
    const known = modules.get(name)
    if (known) return known.exports
    const filename = join(dir, name)
    const bytes = readFileSync(filename)
    const entryFile = `${name}.${scriptKey(bytes)}.v8`
    const entry = cacheDir === undefined ? undefined : readEntry(join(cacheDir, entryFile))
    const cachedData = entry?.data
    // The bundle's scripts are ASCII (scripts/package.mjs): read as Latin-1, a one-byte string
    // with no UTF-8 decoding (a script that is not is decoded as UTF-8).
    const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
    // Node's CommonJS wrapper, on the script's first line: positions in stack traces stay right.
    const script = new Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      { filename, cachedData }
    )
    const cached = cachedData !== undefined && !script.cachedDataRejected
    loaded.push({ name, cached })
    scripts.push({ name, file: entryFile, script, work: cached ? entry!.work : undefined })
    const module = { exports: {} as unknown }
    modules.set(name, module)
    const run = script.runInThisContext() as (...args: unknown[]) => void
    run.call(module.exports, module.exports, requireScript, module, filename, dir)
    return module.exports
  }
  const requireScript = (id: string): unknown =>
    id.startsWith('./') ? load(id.slice(2)) : nodeRequire(id)

  return {
    require: requireScript,
    loaded,
    save: (work = []) => {
      if (cacheDir === undefined) return
      for (const { name, file, script, work: had } of scripts.splice(0)) {
        if (had && work.every((w) => had.includes(w))) continue
        const all = [...new Set([...(had ?? []), ...work])].sort()
        try {
          writeEntry(
            cacheDir,
            name,
            file,
            { data: script.createCachedData(), work: all },
            Date.now()
          )
        } catch {
          // A cache that cannot be written is only slower.
        }
      }
    }
  }
}
