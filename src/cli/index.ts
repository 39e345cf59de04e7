#!/usr/bin/env node
import { createShellcheck } from '../tools/shellcheck.js'
import { runCli } from './main.js'

/* istanbul ignore next: the process edge */
process.exitCode = runCli(process.argv.slice(2), {
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
})
