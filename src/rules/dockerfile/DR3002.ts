import type { ShellCommand } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { mergeEdits, mergeable, nextInstruction } from './lib/run-merge.js'

interface Manager {
  names: string[]
  update: string[]
  install: string[]
}

/** Package managers whose `update` only refreshes the index (yum/dnf `update` upgrades packages). */
const MANAGERS: Manager[] = [
  {
    names: ['apt-get', 'apt', 'aptitude'],
    update: ['update'],
    install: [
      'install',
      'upgrade',
      'dist-upgrade',
      'full-upgrade',
      'build-dep',
      'reinstall',
      'source'
    ]
  },
  { names: ['apk'], update: ['update'], install: ['add', 'upgrade', 'fix'] },
  {
    names: ['zypper'],
    update: ['refresh', 'ref'],
    install: [
      'install',
      'in',
      'update',
      'up',
      'dist-upgrade',
      'dup',
      'patch',
      'source-install',
      'si'
    ]
  }
]

function managerOf(cmd: ShellCommand): Manager | undefined {
  const name = commandName(cmd)
  return MANAGERS.find((m) => m.names.includes(name))
}

/** The manager's name, also in cross-compilation wrappers (`xx-apt-get`, `xx-apk`). */
function isManagerWord(word: string, m: Manager): boolean {
  return m.names.some((n) => word === n || word.endsWith(`-${n}`))
}

/** `cmd` installs with `m` (also through a wrapper: `xargs apt-get install`, `sudo apk add`). */
function installs(cmd: ShellCommand, m: Manager): boolean {
  const words = cmd.words.map((w) => w.value.split('/').pop()!)
  const at = words.findIndex((w) => isManagerWord(w, m))
  return at !== -1 && words.slice(at + 1).some((w) => m.install.includes(w))
}

/** The refreshed index is thrown away again in the same RUN (`apt-get dist-clean`, `rm -rf …lists`). */
function cleans(cmd: ShellCommand, m: Manager): boolean {
  const name = commandName(cmd)
  if (name === 'rm')
    return cmd.args.some((a) => /^\/var\/(lib\/apt\/lists|cache\/apk)/.test(a.value))
  return m.names.includes(name) && cmd.args.some((a) => /^(dist-clean|clean|cache)$/.test(a.value))
}

export const DR3002 = defineDockerfileRule({
  id: 'DR3002',
  aliases: ['AVD-DS-0017', 'CKV_DOCKER_5'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'A package index update (`apt-get update`, `apk update`, `zypper refresh`) with no install after it in the same RUN.',
  check(doc, ctx) {
    for (const { inst, cmd, script } of commandsNamed(doc, ...MANAGERS.flatMap((m) => m.names))) {
      const m = managerOf(cmd)
      if (!m || !cmd.args.some((a) => m.update.includes(a.value))) continue
      if (script.commands.some((c) => c.index > cmd.index && (installs(c, m) || cleans(c, m))))
        continue
      const next = nextInstruction(doc, inst)
      const onlyUpdates = script.commands.every(
        (c) => managerOf(c) === m && c.args.some((a) => m.update.includes(a.value))
      )
      const nextScript = next && doc.shell(next)
      const merge =
        next &&
        onlyUpdates &&
        nextScript &&
        nextScript.commands.some((c) => installs(c, m)) &&
        mergeable(doc, inst, next)
      ctx.report({
        message: `\`${commandName(cmd)} ${cmd.args.map((a) => a.value).join(' ')}\` without an install in the same RUN: the refreshed index is cached in its own layer, so a later RUN installs from a stale index when only that later RUN changes. Update and install in one RUN.`,
        range: doc.span(cmd.start, cmd.end).range,
        fix: merge
          ? {
              description:
                'Merge this RUN with the next one, which installs packages (one layer: the index is refreshed whenever the install changes).',
              safe: false,
              edits: mergeEdits(doc, inst, next)
            }
          : undefined
      })
    }
  }
})
