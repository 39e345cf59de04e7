import { spawn, type ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { hasShellcheck } from '../tools/shellcheck-binary.js'
import { runCli } from '../../src/cli/main.js'
import type { ShellcheckFn } from '../../src/core/tools.js'
import type { JsonReport } from '../../src/format/json.js'
import { createShellcheck } from '../../src/tools/shellcheck.js'
import { corpusFiles } from '../shared.js'
import { sandbox } from './cli.js'

/**
 * The verdict must not depend on machine load (issue 11): the ten largest corpus Dockerfiles give
 * the same findings and errors on an idle machine and with eight busy processes competing for the
 * cores. Through the real CLI with the real ShellCheck and the CLI's own settings. The busy
 * processes are this test's own, stopped in `finally`.
 *
 * To keep the test near half a minute, both runs share one ShellCheck: the busy run gets its
 * answers from the cache the idle run filled (run fresh under load, ShellCheck alone took over a
 * minute). ShellCheck's own answers do not depend on load: its inputs are capped and its processes
 * limited in memory and CPU time, not wall time (__tests__/tools/shellcheck.test.ts).
 */

const BUSY = 8

const largest = corpusFiles('dockerfile')
  .sort((a, b) => b.text.length - a.text.length || a.path.localeCompare(b.path))
  .slice(0, 10)

function lint(
  dir: string,
  shellcheck: ShellcheckFn
): { report: JsonReport; code: number; seconds: number } {
  let out = ''
  const started = performance.now()
  const code = runCli(['lint', '--format', 'json', ...largest.map((f) => f.path)], {
    cwd: dir,
    env: {},
    stdout: (t) => (out += t),
    stderr: () => undefined,
    isTTY: false,
    tools: () => ({ shellcheck }),
    now: () => new Date('2026-01-01T00:00:00Z')
  })
  return {
    report: JSON.parse(out) as JsonReport,
    code,
    seconds: (performance.now() - started) / 1000
  }
}

/** `n` processes spinning on a CPU each. */
function busy(n: number): ChildProcess[] {
  return Array.from({ length: n }, () =>
    spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' })
  )
}

describe.skipIf(!hasShellcheck('machine-load determinism'))(
  'findings do not depend on machine load',
  () => {
    it(`the ten largest corpus Dockerfiles: identical findings idle and with ${BUSY} busy processes`, () => {
      expect(largest).toHaveLength(10)
      const dir = sandbox(Object.fromEntries(largest.map((f) => [f.path, f.text])))
      const shellcheck = createShellcheck()
      if (!shellcheck) throw new Error('shellcheck is not installed: apt-get install shellcheck')
      const idle = lint(dir, shellcheck)
      expect(idle.report.files).toHaveLength(10)
      expect(idle.report.errors).toEqual([])
      expect(idle.report.findings.length).toBeGreaterThan(500)
      const spinning = busy(BUSY)
      let loaded: ReturnType<typeof lint>
      try {
        loaded = lint(dir, shellcheck)
      } finally {
        for (const p of spinning) p.kill('SIGKILL')
      }
      expect(loaded.report.errors).toEqual(idle.report.errors)
      expect(loaded.report.findings).toEqual(idle.report.findings)
      expect(loaded.code).toBe(idle.code)
    }, 180_000)
  }
)
