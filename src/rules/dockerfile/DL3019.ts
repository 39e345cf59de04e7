import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { cacheMountTargets, commandName } from '../../dockerfile/runs.js'
import { findArg, fix, hasFlag, insertAfter } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'

const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?$/

export const DL3019 = defineDockerfileRule({
  id: 'DL3019',
  aliases: ['AVD-DS-0025'],
  severity: 'info',
  perInstruction: true,
  fixable: true,
  description:
    'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages.',
  check(doc, ctx) {
    for (const { inst, script, cmd } of commandsNamed(doc, 'apk')) {
      const add = findArg(cmd, ['add'])
      // `--no-network` reads no index at all: nothing is cached.
      if (!add || hasFlag(cmd, 'no-cache', 'no-network')) continue
      if (cacheMountTargets(inst).includes('/var/cache/apk')) continue
      // Cleaning the cache later in the same RUN has the same effect.
      const cleaned = script.commands.some(
        (c) =>
          c.index > cmd.index &&
          commandName(c) === 'rm' &&
          c.args.some((a) => APK_CACHE.test(a.value))
      )
      if (cleaned) continue
      ctx.report({
        message:
          'Use `apk add --no-cache`: the package index is otherwise kept in `/var/cache/apk` in this layer.',
        range: doc.span(cmd.start, add.end).range,
        fix: withEffect(
          fix(
            'Insert `--no-cache` after `add` (fetches a fresh index and keeps none in the layer).',
            true,
            insertAfter(doc, add, '--no-cache')
          ),
          { kind: 'add-args', command: commandName(cmd), args: ['--no-cache'] }
        )
      })
    }
  }
})
