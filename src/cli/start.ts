import { createShellcheck } from '../tools/shellcheck.js'
import { runCli, type CliIO } from './main.js'
import type { LintWorkers } from './pool.js'
import { serveLintWorker } from './worker.js'

export { serveLintWorker }

/**
 * The CLI's process edge: the real stdout, stderr, environment and ShellCheck. Loaded by
 * src/cli/index.ts once the compile cache is on, so that all of this is cached code. `workers`:
 * the bundle's entry, which also serves lint workers (serveLintWorker); from the sources there is
 * none and every file is linted in this thread.
 */
export async function start(argv: string[], workers?: LintWorkers): Promise<number> {
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    tools: () => {
      const shellcheck = createShellcheck()
      return shellcheck ? { shellcheck } : {}
    },
    now: () => new Date()
  }
  if (argv[0] === 'tags') {
    // Loaded only for `tags`: a lint (a pre-commit hook, an editor) does not compile it.
    const { runTagsCli } = await import('./tags.js')
    return runCli(argv, { ...io, tags: runTagsCli })
  }
  return workers ? runCli(argv, { ...io, workers }) : runCli(argv, io)
}
