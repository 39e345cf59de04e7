import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsMatching } from '../../dockerfile/runs.js'
import {
  FALSY,
  isPip,
  reportPrefixSettings,
  reportEnvSettings,
  type EnvCheck
} from './lib/insecure.js'
import { removeArgs } from './lib/word-edits.js'

const ENV: EnvCheck[] = [
  {
    name: 'PIP_TRUSTED_HOST',
    effect: 'makes pip accept plain HTTP and any certificate for that host'
  },
  {
    name: 'PYTHONHTTPSVERIFY',
    disables: FALSY,
    effect: 'turns off certificate checks for Python’s HTTPS clients'
  },
  { name: 'UV_INSECURE_HOST', effect: 'makes uv accept any certificate for that host' }
]

export const DR3007 = defineDockerfileRule({
  id: 'DR3007',
  aliases: ['CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_16'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Python package downloads without TLS verification (pip --trusted-host, PIP_TRUSTED_HOST, PYTHONHTTPSVERIFY=0).',
  check(doc, ctx) {
    reportEnvSettings(doc, ctx, ENV)
    for (const { cmd } of commandsMatching(doc, (n) => /^(pip|python|uv)/.test(n))) {
      reportPrefixSettings(doc, ctx, cmd, ENV)
      const name = commandName(cmd)
      const pip = isPip(cmd)
      if (!pip && name !== 'uv') continue
      const flag = pip ? '--trusted-host' : '--allow-insecure-host'
      cmd.args.forEach((a, i) => {
        const inline = a.value.startsWith(`${flag}=`)
        if (a.value !== flag && !inline) return
        const last = inline ? a : cmd.args[i + 1]
        if (!last) return
        const edit = removeArgs(doc, cmd, a, last)
        ctx.report({
          message: `\`${flag}\` lets ${pip ? 'pip' : 'uv'} download packages over plain HTTP or with any certificate: a mirror or anyone on the network path can ship altered packages.`,
          range: doc.span(a.start, last.end).range,
          fix: edit
            ? {
                description: `Remove \`${flag}\`. The install may then fail until the index has a valid certificate.`,
                safe: false,
                edits: [edit]
              }
            : undefined
        })
      })
      const config = cmd.args.findIndex((a) => a.value === 'config')
      const key = cmd.args[config + 2]
      if (
        pip &&
        config !== -1 &&
        cmd.args[config + 1]?.value === 'set' &&
        key &&
        /(^|\.)trusted-host$/.test(key.value)
      ) {
        ctx.report({
          message:
            '`pip config set … trusted-host` makes every later pip install in the image skip TLS checks for that host.',
          range: doc.span(key.start, key.end).range
        })
      }
    }
  }
})
