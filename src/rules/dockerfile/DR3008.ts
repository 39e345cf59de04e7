import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { FALSY, reportPrefixSettings, reportEnvSettings, type EnvCheck } from './lib/insecure.js'
import { removeArgs } from './lib/word-edits.js'

const ENV: EnvCheck[] = [
  {
    name: 'NODE_TLS_REJECT_UNAUTHORIZED',
    disables: (v) => v.trim() === '0',
    effect: 'makes Node.js accept any TLS certificate'
  },
  {
    name: 'NPM_CONFIG_STRICT_SSL',
    disables: FALSY,
    effect: 'makes npm accept any registry certificate'
  },
  {
    name: 'YARN_STRICT_SSL',
    disables: FALSY,
    effect: 'makes yarn accept any registry certificate'
  },
  {
    name: 'YARN_ENABLE_STRICT_SSL',
    disables: FALSY,
    effect: 'makes yarn accept any registry certificate'
  }
]

export const DR3008 = defineDockerfileRule({
  id: 'DR3008',
  aliases: ['CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Node.js/npm/yarn TLS verification turned off (NODE_TLS_REJECT_UNAUTHORIZED=0, strict-ssl false).',
  check(doc, ctx) {
    reportEnvSettings(doc, ctx, ENV)
    for (const { cmd } of commandsNamed(doc, 'npm', 'yarn', 'pnpm', 'npx', 'node', 'corepack')) {
      reportPrefixSettings(doc, ctx, cmd, ENV)
      const name = commandName(cmd)
      if (!['npm', 'yarn', 'pnpm'].includes(name)) continue
      const values = cmd.args.map((a) => a.value)
      const set = values.findIndex(
        (v, i) => (v === 'set' && values[i - 1] === 'config') || (v === 'set' && i === 0)
      )
      if (
        set !== -1 &&
        /^(strict-ssl|strictSsl|enableStrictSsl)$/.test(values[set + 1] ?? '') &&
        FALSY(values[set + 2] ?? '')
      ) {
        ctx.report({
          message: `\`${name} config set ${values[set + 1]} ${values[set + 2]}\` makes every later ${name} command in the image accept any registry certificate.`,
          range: doc.span(cmd.args[set + 1].start, cmd.args[set + 2].end).range
        })
      }
      for (const a of cmd.args) {
        if (a.value !== '--no-strict-ssl' && !/^--strict-ssl=(false|0|no)$/.test(a.value)) continue
        const edit = removeArgs(doc, cmd, a)
        ctx.report({
          message: `\`${a.value}\` makes ${name} accept any registry certificate: a mirror or anyone on the network path can ship altered packages.`,
          range: doc.span(a.start, a.end).range,
          fix: edit
            ? {
                description: `Remove \`${a.value}\`. The install may then fail until the registry has a valid certificate.`,
                safe: false,
                edits: [edit]
              }
            : undefined
        })
      }
    }
  }
})
