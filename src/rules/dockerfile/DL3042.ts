import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import type { Instruction } from '../../dockerfile/model.js'
import type { ShellCommand } from '../../parse/shell.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { fix, insertAfter } from './lib/commands.js'
import { commandsMatching } from '../../dockerfile/runs.js'
import { mountCovers } from './lib/packages.js'
import { envBefore } from '../../dockerfile/stages.js'

const TRUTHY = /^(1|on|yes|true)$/i
const ASSIGN = /^PIP_NO_CACHE_DIR=["']?([^"']*)["']?$/

/** `pip install`, `pip3.12 install`, `python3 -m pip install` (not pipx / pipenv). */
function pipInstall(cmd: ShellCommand): number {
  const name = commandName(cmd)
  const args = cmd.args
  if (name.startsWith('pip') && !name.startsWith('pipx') && !name.startsWith('pipenv')) {
    return args.findIndex((a) => a.value === 'install')
  }
  if (name.startsWith('python')) {
    const m = args.findIndex((a) => a.value === '-m')
    if (m !== -1 && args[m + 1]?.value === 'pip' && args[m + 2]?.value === 'install') return m + 2
  }
  return -1
}

export const DL3042 = defineDockerfileRule({
  id: 'DL3042',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: 'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
  check(doc, ctx) {
    const pips = commandsMatching(doc, (n) => n.startsWith('pip') || n.startsWith('python'))
    let previous: Instruction | undefined
    for (const { inst } of pips) {
      if (inst === previous) continue
      previous = inst
      const script = doc.shell(inst)
      if (!script || mountCovers(cacheMountTargets(inst), ['.cache/pip'])) continue
      let exported = false
      let envChecked: boolean | undefined
      for (const cmd of script.commands) {
        if (commandName(cmd) === 'export') {
          for (const a of cmd.args) {
            const m = ASSIGN.exec(a.value)
            if (m) exported = TRUTHY.test(m[1])
          }
          continue
        }
        const at = pipInstall(cmd)
        if (at === -1 || exported) continue
        if (
          cmd.args.some(
            (a) => a.value === '--no-cache-dir' || a.value.startsWith('--no-cache-dir=')
          )
        )
          continue
        const inline = cmd.assigns.map((a) => ASSIGN.exec(a)).find((m) => m)
        if (inline && TRUTHY.test(inline[1])) continue
        if (!inline) {
          envChecked ??= TRUTHY.test(envBefore(doc, inst, 'PIP_NO_CACHE_DIR') ?? '')
          if (envChecked) continue
        }
        const install = cmd.args[at]
        ctx.report({
          message:
            'Use `pip install --no-cache-dir` (or `ENV PIP_NO_CACHE_DIR=1`); the pip cache otherwise stays in the layer.',
          range: doc.span(cmd.start, install.end).range,
          fix: withEffect(
            fix(
              'Insert `--no-cache-dir` after `install` (pip keeps no download cache in the layer).',
              true,
              insertAfter(doc, install, '--no-cache-dir')
            ),
            { kind: 'add-args', command: commandName(cmd), args: ['--no-cache-dir'] }
          )
        })
      }
    }
  }
})
