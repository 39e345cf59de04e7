import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  codeCacheDir,
  privateDir,
  runtimeKey,
  scriptKey,
  scriptLoader,
  STALE_ENTRY_MS,
  usableCacheDir,
  type CacheSite
} from '../../src/cli/code-cache.js'

const scratch = mkdtempSync(join(tmpdir(), 'code-cache-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
let folders = 0
const folder = (): string => {
  const dir = join(scratch, `f${folders++}`)
  mkdirSync(dir)
  return dir
}
const uid = process.getuid?.()
const site = (env: CacheSite['env'], tmp = scratch): CacheSite => ({
  env,
  uid,
  tmpdir: tmp,
  runtime: 'v8-1.2.3-x64'
})

/** The start of the cache entry name of a bundle's main.js as it is now. */
const hashOf = (dir: string): string => scriptKey(readFileSync(join(dir, 'main.js')))

/** A bundle folder: a script that requires another script and a Node module. */
function bundle(
  main = 'module.exports = { value: require("./other.js").value + 1, sep: require("node:path").sep }'
): string {
  const dir = folder()
  writeFileSync(join(dir, 'main.js'), main)
  writeFileSync(join(dir, 'other.js'), 'exports.value = 41')
  return dir
}

describe('the cache folder', () => {
  it('is under XDG_CACHE_HOME when it is an absolute path, else per user in the temporary folder', () => {
    expect(codeCacheDir(site({ XDG_CACHE_HOME: '/home/u/.cache' }))).toBe(
      '/home/u/.cache/docker-review/v8-1.2.3-x64'
    )
    expect(codeCacheDir(site({ XDG_CACHE_HOME: 'relative/cache' }, '/tmp'))).toBe(
      `/tmp/docker-review-cache-${uid ?? 'user'}/v8-1.2.3-x64`
    )
    expect(codeCacheDir({ ...site({}, '/tmp'), uid: 1234 })).toBe(
      '/tmp/docker-review-cache-1234/v8-1.2.3-x64'
    )
  })

  it('is one per V8 version, architecture and set of flags', () => {
    expect(runtimeKey('13.6.233.17', 'x64', [''])).toBe('v8-13.6.233.17-x64')
    const flagged = runtimeKey('13.6.233.17', 'x64', ['--max-old-space-size=512', ''])
    expect(flagged).toMatch(/^v8-13\.6\.233\.17-x64-[0-9a-f]{8}$/)
    expect(runtimeKey('13.6.233.17', 'x64', ['', '--max-old-space-size=512'])).toBe(flagged)
    expect(runtimeKey('13.6.233.17', 'arm64', [])).toBe('v8-13.6.233.17-arm64')
  })

  it('is made private to the user, and NODE_DISABLE_COMPILE_CACHE turns the cache off', () => {
    const xdg = join(folder(), 'xdg')
    const dir = usableCacheDir(site({ XDG_CACHE_HOME: xdg }))
    expect(dir).toBe(join(xdg, 'docker-review/v8-1.2.3-x64'))
    if (uid !== undefined) expect(readdirSync(xdg)).toEqual(['docker-review'])
    expect(usableCacheDir(site({ XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: '1' }))).toBe(
      undefined
    )
  })

  it.skipIf(uid === undefined)('is not used when others could have written to it', () => {
    const open = join(folder(), 'open')
    mkdirSync(open)
    chmodSync(open, 0o777)
    expect(privateDir(open, uid)).toBe(false)
    // Its parent too: whoever can write there could have replaced the folder.
    const inOpen = join(open, 'cache')
    expect(privateDir(inOpen, uid)).toBe(false)
    const real = join(folder(), 'real')
    mkdirSync(real, { mode: 0o700 })
    const link = join(folder(), 'link')
    symlinkSync(real, link)
    expect(privateDir(link, uid)).toBe(false)
    const file = join(folder(), 'file')
    writeFileSync(file, '')
    expect(privateDir(file, uid)).toBe(false)
    // Someone else's.
    expect(privateDir(real, (uid ?? 0) + 1)).toBe(false)
    expect(privateDir(real, uid)).toBe(true)
  })
})

describe('the script loader', () => {
  it('runs CommonJS scripts of the bundle, then from the cache it wrote at exit', () => {
    const dir = bundle()
    const cache = folder()
    const first = scriptLoader(dir, cache)
    expect(first.require('./main.js')).toEqual({ value: 42, sep: '/' })
    // Each script once, however often it is required.
    expect(first.require('./other.js')).toEqual({ value: 41 })
    expect(first.loaded).toEqual([
      { name: 'main.js', cached: false },
      { name: 'other.js', cached: false }
    ])
    first.save()
    expect(readdirSync(cache).sort()).toEqual([
      expect.stringMatching(/^main\.js\.[0-9a-f]{9,}\.v8$/),
      expect.stringMatching(/^other\.js\.[0-9a-f]{9,}\.v8$/)
    ])
    const second = scriptLoader(dir, cache)
    expect(second.require('./main.js')).toEqual({ value: 42, sep: '/' })
    expect(second.loaded).toEqual([
      { name: 'main.js', cached: true },
      { name: 'other.js', cached: true }
    ])
  })

  it('writes an entry again when a run does work its runs never did, with the code of both', () => {
    const dir = bundle(
      'exports.a = function (n) { return n + 1 }\nexports.b = function (n) { return n * 2 }'
    )
    const cache = folder()
    const entry = (): Buffer => readFileSync(join(cache, readdirSync(cache)[0]))
    const first = scriptLoader(dir, cache)
    ;(first.require('./main.js') as { a: (n: number) => number }).a(1)
    first.save(['compose'])
    const composeOnly = entry()
    // The same work again, or less: the entry stays as it is.
    for (const work of [['compose'], []]) {
      const again = scriptLoader(dir, cache)
      again.require('./main.js')
      again.save(work)
      expect(entry().equals(composeOnly)).toBe(true)
    }
    // New work: written again, naming both, and still used.
    const second = scriptLoader(dir, cache)
    ;(second.require('./main.js') as { b: (n: number) => number }).b(2)
    second.save(['dockerfile', 'compose'])
    const both = entry()
    expect(both.equals(composeOnly)).toBe(false)
    expect(both.toString('latin1')).toContain('compose,dockerfile')
    const third = scriptLoader(dir, cache)
    expect((third.require('./main.js') as { b: (n: number) => number }).b(3)).toBe(6)
    expect(third.loaded).toEqual([{ name: 'main.js', cached: true }])
    third.save(['dockerfile'])
    expect(entry().equals(both)).toBe(true)
  })

  it('never runs the code of another script of the same length (V8 only checks the length)', () => {
    const dir = bundle('module.exports = 1')
    const cache = folder()
    const first = scriptLoader(dir, cache)
    expect(first.require('./main.js')).toBe(1)
    first.save()
    writeFileSync(join(dir, 'main.js'), 'module.exports = 2')
    const second = scriptLoader(dir, cache)
    expect(second.require('./main.js')).toBe(2)
    expect(second.loaded).toEqual([{ name: 'main.js', cached: false }])
    // Both versions keep an entry (two installations used in turn); one a week old goes.
    second.save()
    const entries = readdirSync(cache)
    expect(entries).toHaveLength(2)
    const old = entries.find((e) => !e.includes(hashOf(dir)))
    expect(old).toBeDefined()
    const weekAgo = (Date.now() - STALE_ENTRY_MS - 60_000) / 1000
    utimesSync(join(cache, old!), weekAgo, weekAgo)
    writeFileSync(join(dir, 'main.js'), 'module.exports = 3')
    const third = scriptLoader(dir, cache)
    expect(third.require('./main.js')).toBe(3)
    third.save()
    expect(readdirSync(cache)).toHaveLength(2)
    expect(readdirSync(cache)).not.toContain(old)
  })

  it('compiles afresh over a corrupt or truncated entry, and writes it again', () => {
    const source = 'module.exports = [1, 2, 3].map(function (n) { return n * 2 })'
    const dir = bundle(source)
    const cache = folder()
    const first = scriptLoader(dir, cache)
    first.require('./main.js')
    first.save()
    const [entry] = readdirSync(cache)
    const good = readFileSync(join(cache, entry))
    const damaged = [
      Buffer.from(good).fill(0x5a, 100, 140), // bytes in the code cache
      good.subarray(0, good.length - 7), // cut short
      good.subarray(0, 10), // shorter than the hash
      Buffer.alloc(0)
    ]
    for (const bytes of damaged) {
      writeFileSync(join(cache, entry), bytes)
      const loader = scriptLoader(dir, cache)
      expect(loader.require('./main.js')).toEqual([2, 4, 6])
      expect(loader.loaded).toEqual([{ name: 'main.js', cached: false }])
      loader.save()
      expect(readFileSync(join(cache, entry)).equals(good)).toBe(true)
    }
  })

  it('runs without a cache folder, and a cache that cannot be written is only slower', () => {
    const dir = bundle()
    const none = scriptLoader(dir, undefined)
    expect(none.require('./main.js')).toEqual({ value: 42, sep: '/' })
    none.save()
    const gone = join(folder(), 'gone')
    const loader = scriptLoader(dir, gone)
    expect(loader.require('./main.js')).toEqual({ value: 42, sep: '/' })
    expect(() => loader.save()).not.toThrow()
    expect(existsSync(gone)).toBe(false)
  })

  it('reports errors of a script at its own file and line', () => {
    const dir = bundle('\n\nthrow new Error("boom")')
    const loader = scriptLoader(dir, undefined)
    let stack = ''
    try {
      loader.require('./main.js')
    } catch (error) {
      stack = (error as Error).stack ?? ''
    }
    expect(stack).toContain('boom')
    expect(stack).toContain(`${join(dir, 'main.js')}:3:`)
  })
})
