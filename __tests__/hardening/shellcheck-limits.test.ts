import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import type { JsonReport } from '../../src/format/json.js'
import { createShellcheck, shellcheckVersion } from '../../src/tools/shellcheck.js'
import { sandbox } from './cli.js'

/**
 * What ShellCheck is given is bounded (issue 11): ShellCheck 0.9 used 10–17 GB and timed out on a
 * RUN of 100,000 `&&` or of 20,000 nested `$(`. Through the real CLI with the real binary, such a
 * RUN is never handed to ShellCheck: the file lints in seconds, the RUN gets DR0010 (and DR0011:
 * too large for our own parser too), the other RUNs of the file are checked as usual.
 */

if (!shellcheckVersion()) throw new Error('shellcheck is not installed: apt-get install shellcheck')

const scratch = mkdtempSync(join(tmpdir(), 'sc-limits-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** The real binary behind a wrapper that logs the size of every script it is given. */
function loggingBinary(): { binary: string; sizes: () => number[] } {
  const log = join(scratch, 'sizes')
  writeFileSync(log, '')
  const binary = join(scratch, 'sc.sh')
  writeFileSync(
    binary,
    `#!/bin/sh\n[ "$1" = --version ] || for f in "$@"; do case $f in *.sh) wc -c < "$f" >> '${log}';; esac; done\nexec shellcheck "$@"\n`
  )
  chmodSync(binary, 0o755)
  return {
    binary,
    sizes: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map(Number)
  }
}

describe('ShellCheck is given bounded scripts (CLI, real binary)', () => {
  it('a RUN of 100,000 `&&` and one of 20,000 nested `$(`: DR0010 and DR0011 at each, in seconds', () => {
    const chain = Array.from({ length: 100_000 }, (_, i) => `echo $v${i}`).join(' && ')
    const nested = `echo ${'$(echo '.repeat(20_000)}x${')'.repeat(20_000)}`
    const dir = sandbox({
      Dockerfile: `FROM debian:12.6\nRUN ${chain}\nRUN ${nested}\nRUN cd /tmp && echo $1\nUSER 1000\n`
    })
    const { binary, sizes } = loggingBinary()
    let out = ''
    const started = performance.now()
    const code = runCli(['lint', '--format', 'json', 'Dockerfile'], {
      cwd: dir,
      env: {},
      stdout: (t) => (out += t),
      stderr: () => undefined,
      isTTY: false,
      tools: () => ({ shellcheck: createShellcheck({ binary })! }),
      now: () => new Date('2026-01-01T00:00:00Z'),
      budget: { ms: Number.MAX_SAFE_INTEGER, now: () => performance.now() }
    })
    const seconds = (performance.now() - started) / 1000
    expect(code).toBe(1)
    expect(seconds).toBeLessThan(60)
    const report = JSON.parse(out) as JsonReport
    expect(report.errors).toEqual([])
    const at = (rule: string) =>
      report.findings.filter((f) => f.rule === rule).map((f) => [f.line, f.column, f.severity])
    expect(at('DR0010')).toEqual([
      [2, 1, 'error'],
      [3, 1, 'error']
    ])
    expect(at('DR0011')).toEqual([
      [2, 1, 'error'],
      [3, 1, 'error']
    ])
    const messages = report.findings.filter((f) => /^DR001[01]$/.test(f.rule)).map((f) => f.message)
    expect(messages).toEqual([
      expect.stringMatching(
        /^Not checked by ShellCheck: .*\bis 1589028 bytes long \(limit 65536\)/
      ),
      expect.stringMatching(/^Not analysed: .*\bis 1588886 bytes long \(limit 262144\)/),
      expect.stringMatching(/^Not checked by ShellCheck: .*\bis 160018 bytes long \(limit 65536\)/),
      expect.stringMatching(/^Not analysed: .*\bnests 20000 levels deep \(limit 48\)/)
    ])
    // ShellCheck is given the script with its shebang and `export` line, hence a few more bytes:
    // every proxy name for the chain (too many words to compare with each name), none for the
    // nest (it mentions none). Nothing of the file is quoted.
    for (const m of messages) expect(m).not.toMatch(/echo|\$v|\$\(/)
    // The third RUN was checked; ShellCheck never saw the two others.
    const sc = report.findings.filter((f) => f.rule.startsWith('SC'))
    expect(sc.map((f) => `${f.rule}@${f.line}`)).toEqual(['SC2086@4'])
    expect(sizes()).toHaveLength(1)
    expect(Math.max(...sizes())).toBeLessThan(1000)
    expect(process.memoryUsage().heapUsed).toBeLessThan(1024 ** 3)
  }, 120_000)
})
