import type { TextEdit } from '../../core/types.js'
import type { ShellWord } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { commandName } from '../../dockerfile/runs.js'
import {
  curlInsecureBundle,
  reportPrefixSettings,
  reportEnvSettings,
  type EnvCheck
} from './lib/insecure.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { removeArgs, removeFlagLetter } from './lib/word-edits.js'

const ENV: EnvCheck[] = [
  { name: 'GIT_SSL_NO_VERIFY', effect: 'turns off TLS certificate checks for git' }
]
const GIT_SSL_OFF = /^http\.(?:[^=]*\.)?sslverify=(0|false|no|off)$/i
const UNSAFE =
  'The download may then fail where it relied on skipping the check (fix the certificate or the mirror instead).'

export const DR3005 = defineDockerfileRule({
  id: 'DR3005',
  aliases: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_14'],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'TLS certificate verification turned off for downloads (curl -k, wget --no-check-certificate, git sslVerify=false, GIT_SSL_NO_VERIFY).',
  check(doc, ctx) {
    reportEnvSettings(doc, ctx, ENV)
    for (const { cmd } of commandsNamed(doc, 'curl', 'wget', 'git')) {
      const name = commandName(cmd)
      const report = (message: string, words: ShellWord[] = [cmd.words[0]], fix?: TextEdit): void =>
        ctx.report({
          message,
          range: doc.span(words[0].start, words[words.length - 1].end).range,
          fix: fix
            ? {
                description: `Remove the flag that skips certificate checks. ${UNSAFE}`,
                safe: false,
                edits: [fix]
              }
            : undefined
        })
      reportPrefixSettings(doc, ctx, cmd, ENV)
      if (name === 'curl') {
        const long = cmd.args.find((a) => a.value === '--insecure')
        const bundle = long ? undefined : curlInsecureBundle(cmd)
        const word = long ?? bundle
        if (word) {
          report(
            '`curl` with `-k`/`--insecure` accepts any certificate: anyone on the network path can swap the download.',
            [word],
            long ? removeArgs(doc, cmd, long) : removeFlagLetter(doc, cmd, bundle!, 'k')
          )
        }
      } else if (name === 'wget') {
        const word = cmd.args.find((a) => a.value === '--no-check-certificate')
        if (word) {
          report(
            '`wget --no-check-certificate` accepts any certificate: anyone on the network path can swap the download.',
            [word],
            removeArgs(doc, cmd, word)
          )
        }
      } else {
        cmd.args.forEach((a, i) => {
          const inline = /^-c(.+)$/.exec(a.value)?.[1]
          const value = a.value === '-c' ? cmd.args[i + 1]?.value : inline
          if (value && GIT_SSL_OFF.test(value)) {
            report(
              '`git -c http.sslVerify=false` accepts any certificate: anyone on the network path can swap the repository.',
              a.value === '-c' ? [a, cmd.args[i + 1]] : [a],
              a.value === '-c' ? removeArgs(doc, cmd, a, cmd.args[i + 1]) : removeArgs(doc, cmd, a)
            )
          }
        })
        const config = cmd.args.findIndex((a) => a.value === 'config')
        if (config !== -1) {
          const rest = cmd.args.slice(config + 1).filter((a) => !a.value.startsWith('-'))
          if (
            rest.length >= 2 &&
            /^http\.(?:[^=]*\.)?sslverify$/i.test(rest[0].value) &&
            /^(0|false|no|off)$/i.test(rest[1].value)
          ) {
            report(
              '`git config http.sslVerify false` turns off certificate checks for every later git command in the image.',
              [rest[0], rest[1]]
            )
          }
        }
      }
    }
  }
})
