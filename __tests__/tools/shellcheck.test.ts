import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ShellcheckComment, ShellcheckResult } from '../../src/core/tools.js'
import {
  createShellcheck,
  EXCLUDED_CODES,
  onPath,
  parseJson1,
  scratchBase,
  shellcheckVersion,
  SHM_MIN_FREE_BYTES
} from '../../src/tools/shellcheck.js'
import { hasShellcheck } from './shellcheck-binary.js'

/**
 * The real ShellCheck at the edge. These tests run the binary (CI installs it and requires it;
 * locally `apt-get install shellcheck`); without it they are skipped with a notice.
 */

const version = shellcheckVersion()
const withBinary = hasShellcheck('__tests__/tools/shellcheck.test.ts', process.env, () => version)

const scratch = mkdtempSync(join(tmpdir(), 'sc-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A wrapper around the real binary that counts how often it is started. */
function countingBinary(): { binary: string; calls: () => number } {
  const log = join(scratch, `calls-${Math.random().toString(36).slice(2)}`)
  writeFileSync(log, '')
  const binary = join(scratch, `sc-${Math.random().toString(36).slice(2)}.sh`)
  writeFileSync(
    binary,
    `#!/bin/sh\n[ "$1" = --version ] || echo x >> '${log}'\nexec shellcheck "$@"\n`
  )
  chmodSync(binary, 0o755)
  return { binary, calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length }
}

/** The comments of each result; a script ShellCheck did not check fails the test. */
function comments(results: ShellcheckResult[]): ShellcheckComment[][] {
  return results.map((r) => {
    if (!Array.isArray(r)) throw new Error(`not checked: ${r.notChecked}`)
    return r
  })
}

describe('shellcheckVersion', () => {
  it.runIf(withBinary)('reads the version of the installed binary', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
  })
  it('is undefined for a missing binary', () => {
    expect(shellcheckVersion(join(scratch, 'no-such-shellcheck'))).toBeUndefined()
    expect(createShellcheck({ binary: join(scratch, 'no-such-shellcheck') })).toBeUndefined()
  })
})

describe('onPath', () => {
  it('finds a bare name only as an executable file in a PATH folder, without starting it', () => {
    const dir = mkdtempSync(join(scratch, 'path-'))
    const empty = mkdtempSync(join(scratch, 'empty-'))
    writeFileSync(join(dir, 'tool'), '#!/bin/sh\nexit 0\n', { mode: 0o755 })
    writeFileSync(join(dir, 'plain'), 'not executable\n', { mode: 0o644 })
    mkdirSync(join(dir, 'folder'))
    const env = { PATH: `${empty}:${dir}` }
    expect(onPath('tool', env, 'linux')).toBe(true)
    expect(onPath('plain', env, 'linux')).toBe(false)
    expect(onPath('folder', env, 'linux')).toBe(false)
    expect(onPath('tool', { PATH: empty }, 'linux')).toBe(false)
    expect(onPath('tool', {}, 'linux')).toBe(false)
    // A path is the spawn's to judge; PATHEXT names on Windows.
    expect(onPath(join(empty, 'tool'), {}, 'linux')).toBe(true)
    writeFileSync(join(dir, 'tool.EXE'), '', { mode: 0o755 })
    expect(onPath('tool', { Path: `${empty};${dir}`, PATHEXT: '.EXE' }, 'win32')).toBe(true)
  })
  it('is what shellcheckVersion asks first: no ShellCheck on PATH, no version', () => {
    const empty = mkdtempSync(join(scratch, 'none-'))
    const saved = process.env.PATH
    process.env.PATH = empty
    try {
      expect(shellcheckVersion()).toBeUndefined()
    } finally {
      process.env.PATH = saved
    }
  })
})

describe.runIf(withBinary)('createShellcheck', () => {
  it('checks a batch and returns the comments of each script in order', () => {
    const sc = createShellcheck()!
    expect(sc.version).toBe(version)
    const [quoted, unquoted, cd] = comments(
      sc([
        { script: '#!/bin/sh\necho "$1"\n' },
        { script: '#!/bin/sh\necho $1\n' },
        { script: '#!/bin/sh\ncd /tmp\n' }
      ])
    )
    expect(quoted).toEqual([])
    expect(unquoted.map((c) => [c.code, c.level, c.line, c.column, c.endColumn])).toEqual([
      [2086, 'info', 2, 6, 8]
    ])
    expect(unquoted[0].fix?.replacements.map((r) => r.replacement)).toEqual(['"', '"'])
    expect(cd.map((c) => c.code)).toEqual([2164])
  })

  it('counts tabs and non-ASCII characters as one column each', () => {
    const sc = createShellcheck()!
    const [found] = comments(sc([{ script: '#!/bin/sh\n\techo é $1\n' }]))
    expect(found.map((c) => [c.code, c.column])).toEqual([[2086, 9]])
  })

  it('leaves out the codes hadolint excludes', () => {
    const sc = createShellcheck()!
    const [found] = comments(sc([{ script: '#!/bin/ash\n. ./env.sh\necho hi\n' }]))
    expect(found.map((c) => c.code).filter((c) => EXCLUDED_CODES.includes(c))).toEqual([])
  })

  it('gives the same answers split over parallel processes', () => {
    const scripts = Array.from({ length: 60 }, (_, i) => ({
      script: `#!/bin/sh\n${'true\n'.repeat(i % 7)}echo $X${i}\ncd /d${i}\n`
    }))
    const { binary, calls } = countingBinary()
    const one = comments(createShellcheck({ cache: false, jobs: 1 })!(scripts))
    const many = comments(createShellcheck({ binary, cache: false, jobs: 3 })!(scripts))
    expect(calls()).toBe(3)
    expect(many).toEqual(one)
    expect(one.map((c) => c.map((x) => [x.code, x.line]))).toEqual(
      scripts.map((_, i) => [
        [2086, 2 + (i % 7)],
        [2164, 3 + (i % 7)]
      ])
    )
  })

  it('keeps a small batch in one process', () => {
    const { binary, calls } = countingBinary()
    const scripts = Array.from({ length: 10 }, (_, i) => ({ script: `#!/bin/sh\necho $x${i}\n` }))
    createShellcheck({ binary, cache: false, jobs: 4 })!(scripts)
    expect(calls()).toBe(1)
  })

  it('runs one process per batch and answers repeated scripts from its cache', () => {
    const { binary, calls } = countingBinary()
    const sc = createShellcheck({ binary, jobs: 1 })!
    sc([{ script: '#!/bin/sh\necho $a\n' }, { script: '#!/bin/sh\necho $b\n' }])
    expect(calls()).toBe(1)
    const again = comments(
      sc([{ script: '#!/bin/sh\necho $b\n' }, { script: '#!/bin/sh\necho $a\n' }])
    )
    expect(calls()).toBe(1)
    expect(again.map((c) => c.map((x) => x.code))).toEqual([
      [2154, 2086],
      [2154, 2086]
    ])
    sc.prefetch([{ script: '#!/bin/sh\necho $c\n' }, { script: '#!/bin/sh\necho $a\n' }])
    expect(calls()).toBe(2)
    sc([{ script: '#!/bin/sh\necho $c\n' }])
    expect(calls()).toBe(2)
  })

  it('lanes share the chunks: each chunk is run once, answers as from one process', () => {
    const scripts = Array.from({ length: 120 }, (_, i) => ({ script: `#!/bin/sh\necho $v${i}\n` }))
    const { binary, calls } = countingBinary()
    const one = comments(createShellcheck({ cache: false, jobs: 1 })!(scripts))
    // 120 scripts in chunks of 24 over 2 lanes: 5 chunks, each claimed by exactly one lane.
    const two = comments(createShellcheck({ binary, cache: false, jobs: 2, chunk: 24 })!(scripts))
    expect(calls()).toBe(5)
    expect(two).toEqual(one)
  })

  it('starts no process for an empty batch', () => {
    const { binary, calls } = countingBinary()
    expect(createShellcheck({ binary })!([])).toEqual([])
    expect(calls()).toBe(0)
  })

  it('a failing binary: each script not checked, saying why (nothing of stderr quoted)', () => {
    const binary = join(scratch, 'broken.sh')
    writeFileSync(
      binary,
      '#!/bin/sh\n[ "$1" = --version ] && { echo "version: 0.9.0"; exit 0; }\necho boom >&2\nexit 3\n'
    )
    chmodSync(binary, 0o755)
    const sc = createShellcheck({ binary })!
    expect(sc([{ script: '#!/bin/sh\ntrue\n' }, { script: '#!/bin/sh\nfalse\n' }])).toEqual([
      { notChecked: 'ShellCheck failed (exit 3)' },
      { notChecked: 'ShellCheck failed (exit 3)' }
    ])
  })

  it('a binary that cannot be run at all is an error of the tool, not of the scripts', () => {
    const binary = join(scratch, 'vanishing.sh')
    writeFileSync(binary, '#!/bin/sh\necho "version: 0.9.0"\n')
    chmodSync(binary, 0o755)
    const sc = createShellcheck({ binary })!
    rmSync(binary)
    expect(() => sc([{ script: '#!/bin/sh\ntrue\n' }])).toThrow(/shellcheck could not run/)
  })

  it('a script that exhausts the memory limit: that one not checked, the rest of its batch checked', () => {
    const heavy = `#!/bin/sh\necho ${Array.from({ length: 1500 }, (_, i) => `"$a${i}"`).join(' ')}\n`
    const { binary, calls } = countingBinary()
    const sc = createShellcheck({ binary, memoryBytes: 256 * 1024 ** 2, cache: false, jobs: 1 })!
    const [before, failed, after] = sc([
      { script: '#!/bin/sh\necho $1\n' },
      { script: heavy },
      { script: '#!/bin/sh\ncd /tmp\n' }
    ])
    expect(failed).toEqual({
      notChecked: 'ShellCheck ran out of memory (limit 256 MiB per process)'
    })
    expect(comments([before, after]).map((c) => c.map((x) => x.code))).toEqual([[2086], [2164]])
    // The batch's process, then each of its scripts alone.
    expect(calls()).toBe(4)
  }, 60_000)

  it('a script that exhausts the CPU limit is not checked, and says so', () => {
    const deep = `#!/bin/sh\necho ${'$(a '.repeat(15)}x${')'.repeat(15)}\n`
    const sc = createShellcheck({ cpuSeconds: 1, cache: false })!
    const started = performance.now()
    expect(sc([{ script: deep }])).toEqual([
      { notChecked: 'ShellCheck used up its CPU time (limit 1 s per process)' }
    ])
    // 1 s of CPU; the wall clock may be longer on a busy machine, never the 8 s it would take.
    expect(performance.now() - started).toBeLessThan(30_000)
  }, 60_000)

  it('refuses versions without json1', () => {
    const binary = join(scratch, 'old.sh')
    writeFileSync(binary, '#!/bin/sh\necho "version: 0.6.0"\n')
    chmodSync(binary, 0o755)
    expect(createShellcheck({ binary })).toBeUndefined()
  })
})

describe('parseJson1', () => {
  it('groups comments by file and keeps fixes', () => {
    const out = parseJson1(
      JSON.stringify({
        comments: [
          {
            file: '1.sh',
            line: 2,
            endLine: 2,
            column: 6,
            endColumn: 8,
            level: 'info',
            code: 2086,
            message: 'm',
            fix: {
              replacements: [
                {
                  line: 2,
                  column: 6,
                  endLine: 2,
                  endColumn: 6,
                  replacement: '"',
                  precedence: 7,
                  insertionPoint: 'afterEnd'
                }
              ]
            }
          },
          {
            file: '0.sh',
            line: 3,
            endLine: 3,
            column: 1,
            endColumn: 4,
            level: 'warning',
            code: 2164,
            message: 'n',
            fix: null
          }
        ]
      })
    )
    expect([...out.keys()]).toEqual(['1.sh', '0.sh'])
    expect(out.get('1.sh')![0].fix).toEqual({
      replacements: [{ line: 2, column: 6, endLine: 2, endColumn: 6, replacement: '"' }]
    })
    expect(out.get('0.sh')![0].fix).toBeUndefined()
  })
  it('is empty for empty output and rejects garbage', () => {
    expect(parseJson1('').size).toBe(0)
    expect(() => parseJson1('oops')).toThrow(/not JSON/)
  })
})

describe.runIf(withBinary)('createShellcheck prefetchAsync (the pool of the whole run)', () => {
  it('checks every script through a pool of processes, then answers from memory', async () => {
    const scripts = Array.from({ length: 60 }, (_, i) => ({
      script: `#!/bin/sh\n${'true\n'.repeat(i % 5)}echo $X${i}\n`
    }))
    const { binary, calls } = countingBinary()
    const sc = createShellcheck({ binary, jobs: 2, chunk: 24 })!
    await sc.prefetchAsync(scripts)
    // 60 scripts in chunks of 24: 3 processes, 2 at a time.
    expect(calls()).toBe(3)
    const answers = comments(sc(scripts))
    expect(calls()).toBe(3)
    expect(answers).toEqual(comments(createShellcheck({ cache: false, jobs: 1 })!(scripts)))
    expect(answers.map((c) => c.map((x) => [x.code, x.line]))).toEqual(
      scripts.map((_, i) => [[2086, 2 + (i % 5)]])
    )
  })

  it('a script over the memory limit: only that one not checked, and remembered so', async () => {
    const heavy = `#!/bin/sh\necho ${Array.from({ length: 1500 }, (_, i) => `"$a${i}"`).join(' ')}\n`
    const { binary, calls } = countingBinary()
    const sc = createShellcheck({ binary, memoryBytes: 256 * 1024 ** 2, jobs: 2 })!
    const scripts = [
      { script: '#!/bin/sh\necho $1\n' },
      { script: heavy },
      { script: '#!/bin/sh\ncd /tmp\n' }
    ]
    await sc.prefetchAsync(scripts)
    // The batch's process, then each of its scripts alone.
    expect(calls()).toBe(4)
    const [before, failed, after] = sc(scripts)
    expect(calls()).toBe(4)
    expect(failed).toEqual({
      notChecked: 'ShellCheck ran out of memory (limit 256 MiB per process)'
    })
    expect(comments([before, after]).map((c) => c.map((x) => x.code))).toEqual([[2086], [2164]])
  }, 60_000)

  it('a session checks what is added while more may come, and each script once', async () => {
    const script = (i: number): { script: string } => ({ script: `#!/bin/sh\necho $S${i}\n` })
    const first = Array.from({ length: 30 }, (_, i) => script(i))
    const { binary, calls } = countingBinary()
    const sc = createShellcheck({ binary, jobs: 2, chunk: 100 })!
    const heard: string[] = []
    let hear = (): void => {}
    const session = sc.session((scripts) => {
      heard.push(...scripts)
      hear()
    })
    // Thirty scripts (more than a batch's minimum, 24): checked before the session is closed.
    const firstDone = new Promise<void>((resolve) => {
      hear = () => {
        if (heard.length >= first.length) resolve()
      }
    })
    session.add(first)
    await firstDone
    expect(calls()).toBe(1)
    expect(new Set(heard)).toEqual(new Set(first.map((r) => r.script)))
    expect(comments(sc(first)).map((c) => c.map((x) => x.code))).toEqual(first.map(() => [2086]))
    expect(calls()).toBe(1)
    // Added again: not checked or heard again; the new one once the session is closed.
    heard.length = 0
    session.add([first[0], script(30), first[1], script(30)])
    expect(heard).toEqual([])
    await session.close()
    expect(heard).toEqual([script(30).script])
    expect(calls()).toBe(2)
    expect(() => session.add([script(31)])).toThrow(/after close/)
    // A later session hears what is known at once, from memory.
    const later: string[] = []
    const again = sc.session((scripts) => later.push(...scripts))
    again.add([first[2]])
    expect(later).toEqual([first[2].script])
    await again.close()
    expect(calls()).toBe(2)
  })

  it('cut short by the wall clock: not checked, not remembered', async () => {
    const binary = join(scratch, 'slow.sh')
    writeFileSync(
      binary,
      '#!/bin/sh\n[ "$1" = --version ] && exec shellcheck --version\nsleep 30\n'
    )
    chmodSync(binary, 0o755)
    const sc = createShellcheck({ binary, timeoutMs: 300 })!
    const started = performance.now()
    await sc.prefetchAsync([{ script: '#!/bin/sh\ntrue\n' }])
    expect(performance.now() - started).toBeLessThan(10_000)
    // Not remembered: asked again, it runs again (and is cut short again).
    expect(sc([{ script: '#!/bin/sh\ntrue\n' }])).toEqual([
      { notChecked: 'ShellCheck did not finish within 0 s' }
    ])
  }, 60_000)

  it('a binary that cannot be run rejects, as an error of the tool', async () => {
    const binary = join(scratch, 'gone-async.sh')
    writeFileSync(binary, '#!/bin/sh\n[ "$1" = --version ] && exec shellcheck --version\nexit 0\n')
    chmodSync(binary, 0o755)
    const sc = createShellcheck({ binary })!
    rmSync(binary)
    await expect(sc.prefetchAsync([{ script: '#!/bin/sh\ntrue\n' }])).rejects.toThrow(
      /shellcheck could not run/
    )
  })
})

describe('where the scripts are written', () => {
  const roomy = (): number => SHM_MIN_FREE_BYTES
  it('is /dev/shm on Linux when it has room and TMPDIR is not set', () => {
    expect(scratchBase({}, 'linux', roomy)).toBe('/dev/shm')
    expect(scratchBase({ TMPDIR: '' }, 'linux', roomy)).toBe('/dev/shm')
  })

  it('is the temporary folder otherwise: TMPDIR set, too little room, no /dev/shm, not Linux', () => {
    expect(scratchBase({ TMPDIR: '/scratch' }, 'linux', roomy)).toBe(tmpdir())
    expect(scratchBase({}, 'linux', () => SHM_MIN_FREE_BYTES - 1)).toBe(tmpdir())
    expect(
      scratchBase({}, 'linux', () => {
        throw Object.assign(new Error('no such folder'), { code: 'ENOENT' })
      })
    ).toBe(tmpdir())
    expect(scratchBase({}, 'darwin', roomy)).toBe(tmpdir())
    expect(scratchBase({}, 'win32', roomy)).toBe(tmpdir())
  })
})
