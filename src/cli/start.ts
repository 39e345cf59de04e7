import { createShellcheck } from '../tools/shellcheck.js'
import { runCli, type CliIO } from './main.js'

/**
 * The CLI's process edge: the real stdout, stderr, environment and ShellCheck. Loaded by
 * src/cli/index.ts once the compile cache is on, so that all of this is cached code.
 */
export async function start(argv: string[]): Promise<number> {
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
  return runCli(argv, io)
}
