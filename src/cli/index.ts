#!/usr/bin/env node
import { createShellcheck } from '../tools/shellcheck.js'
import { runCli, type CliIO } from './main.js'

const argv = process.argv.slice(2)
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

/* istanbul ignore next: the process edge */
if (argv[0] === 'tags') {
  // Loaded only for `tags`: a lint (a pre-commit hook, an editor) does not compile it.
  void import('./tags.js').then(({ runTagsCli }) => {
    process.exitCode = runCli(argv, { ...io, tags: runTagsCli })
  })
} else {
  process.exitCode = runCli(argv, io)
}
