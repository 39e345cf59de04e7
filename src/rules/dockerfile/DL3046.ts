import { withEffect } from '../../core/fixes.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { fix, flagNames, insertAfter } from './lib/commands.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { flagValue } from './lib/packages.js'

export const DL3046 = defineDockerfileRule({
  id: 'DL3046',
  aliases: [],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description: '`useradd` without flag `-l` and high UID will result in excessively large Image.',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, 'useradd')) {
      if (commandName(cmd) !== 'useradd') continue
      const flags = flagNames(cmd)
      if (flags.includes('l') || flags.includes('no-log-init')) continue
      const uid = flagValue(cmd, ['u'], ['uid'])
      // Only literal UIDs: `-u ${UID}` is unknown here.
      if (!uid || !/^\d{6,}$/.test(uid.value)) continue
      ctx.report({
        message: `\`useradd\` with the high UID ${uid.value} and without \`-l\` fills /var/log/lastlog and faillog with gigabytes of zeros.`,
        range: doc.span(uid.flag.start, uid.word.end).range,
        fix: withEffect(
          fix(
            'Insert `-l` (`--no-log-init`) after `useradd` (the user gets no lastlog/faillog entries).',
            true,
            insertAfter(doc, cmd.words[0], '-l')
          ),
          { kind: 'add-args', command: 'useradd', args: ['-l'] }
        )
      })
    }
  }
})
