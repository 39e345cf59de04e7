import { defineDockerfileRule } from '../define.js'
import type { ShellCommand, ShellWord } from '../../parse/shell.js'
import { argsNoFlags, hasFlag, reportUnpinned } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsMatching } from '../../dockerfile/runs.js'

const PIP = /^pip(\d+(\.\d+)*)?$/
const PYTHON = /^python(\d+(\.\d+)*)?$/
/** pip/pipx options that take a separate value (their value is not a package). */
const VALUE_FLAGS = [
  'abi',
  'b',
  'build',
  'cache-dir',
  'cert',
  'client-cert',
  'config-settings',
  'C',
  'e',
  'editable',
  'exists-action',
  'extra-index-url',
  'f',
  'find-links',
  'global-option',
  'i',
  'index-url',
  'implementation',
  'install-option',
  'log',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python',
  'python-version',
  'report',
  'retries',
  'root',
  'root-user-action',
  'src',
  't',
  'target',
  'timeout',
  'trusted-host',
  'upgrade-strategy',
  'pip-args',
  'suffix'
]
const VERSION = /===?|[<>!~]=|[<>]/

/** The words after `install` of a pip / `python -m pip` / pipx install, or undefined. */
function installArgs(cmd: ShellCommand): ShellWord[] | undefined {
  const name = commandName(cmd)
  let args: ShellWord[]
  if (PIP.test(name) || name === 'pipx') args = argsNoFlags(cmd, VALUE_FLAGS)
  else if (PYTHON.test(name)) {
    const m = cmd.args.findIndex((a) => a.value === '-m')
    if (m === -1 || !PIP.test(cmd.args[m + 1]?.value ?? '')) return undefined
    args = argsNoFlags({ ...cmd, args: cmd.args.slice(m + 2) }, VALUE_FLAGS)
  } else return undefined
  const at = args.findIndex((a) => a.value === 'install')
  // `pip download x install` is not an install; the subcommand comes first.
  if (at !== 0) return undefined
  return args.slice(1)
}

function pinned(spec: string): boolean {
  if (VERSION.test(spec)) return true
  // VCS URLs pin with `@ref` in the path: git+https://host/repo.git@v1.0#egg=x
  if (/^[a-z]+\+[a-z]+:\/\//i.test(spec)) return /@[^/]*$/.test(spec.split('#')[0])
  // Local paths, archives and wheels name exactly what is installed.
  return spec === '.' || spec.includes('/') || /\.(whl|tar\.gz|tgz|tar\.bz2|zip)$/i.test(spec)
}

export const DL3013 = defineDockerfileRule({
  id: 'DL3013',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  description:
    'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
  check(doc, ctx) {
    const commands = commandsMatching(doc, (n) => PIP.test(n) || PYTHON.test(n) || n === 'pipx')
    for (const { inst, cmd } of commands) {
      const words = installArgs(cmd)
      if (!words) continue
      // Requirements and constraints files pin elsewhere.
      if (hasFlag(cmd, 'r', 'requirement', 'c', 'constraint')) continue
      if (words.some((w) => w.value === '.')) continue
      reportUnpinned(
        doc,
        ctx.report,
        inst,
        words,
        pinned,
        (names, example) =>
          `Pin versions in ${PYTHON.test(commandName(cmd)) ? 'pip' : commandName(cmd)} install: ${names} (e.g. ${
            example.includes('://')
              ? `\`${example.split('#')[0]}@<tag or commit>\``
              : `\`${example}==<version>\``
          }, or install from a requirements/constraints file).`
      )
    }
  }
})
