import type { RuleContext } from '../../core/types.js'
import type { DockerfileDoc } from '../../dockerfile/model.js'
import type { ShellCommand, ShellWord } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { argsNoFlags } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { removeArgs } from './lib/word-edits.js'

/** Flags that skip signature or TLS checks, per package manager. */
const FLAGS: Record<string, string[]> = {
  'apt-get': ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'],
  apt: ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'],
  aptitude: ['--allow-untrusted'],
  apk: ['--allow-untrusted'],
  yum: ['--nogpgcheck'],
  dnf: ['--nogpgcheck', '--no-gpgchecks'],
  microdnf: ['--nogpgcheck'],
  tdnf: ['--nogpgcheck'],
  zypper: ['--no-gpg-checks'],
  rpm: ['--nosignature', '--nodigest', '--noverify', '--nofiledigest']
}
const WRITERS = ['echo', 'printf', 'sed', 'tee', 'cat']
const COMMANDS = [...Object.keys(FLAGS), ...WRITERS]

/** `-o APT::Get::AllowUnauthenticated=true`, `--setopt=sslverify=0`, … */
const OPTION_OFF =
  /^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::https?::Verify-Peer|[\w.*-]*sslverify|[\w.*-]*gpgcheck)=(?:true|1|yes|0|false|no|off)$/i
/** Repository configuration written by a RUN that turns checks off. */
const CONFIG_OFF =
  /\b(sslverify|gpgcheck|repo_gpgcheck)\s*=\s*(0|false|no|off)\b|\[(?:[^\]]*\s)?(trusted|allow-insecure)=yes\b/i

function optionDisables(value: string): boolean {
  const m = OPTION_OFF.exec(value)
  if (!m) return false
  const on = /=(true|1|yes)$/i.test(value)
  // The Allow* options disable checks when true; verify/gpgcheck options when false.
  return /Allow/i.test(value) ? on : !on
}

function report(
  doc: DockerfileDoc,
  ctx: RuleContext,
  cmd: ShellCommand,
  from: ShellWord,
  to: ShellWord,
  what: string
): void {
  const edit = removeArgs(doc, cmd, from, to)
  ctx.report({
    message: `\`${commandName(cmd)} ${what}\` installs packages without checking their signatures or the repository's certificate: a mirror or anyone on the network path can ship altered packages.`,
    range: doc.span(from.start, to.end).range,
    fix: edit
      ? {
          description:
            'Remove the option that skips the checks. The install may then fail until the repository key or certificate is set up properly.',
          safe: false,
          edits: [edit]
        }
      : undefined
  })
}

export const DR3006 = defineDockerfileRule({
  id: 'DR3006',
  aliases: [
    'CKV2_DOCKER_7',
    'CKV2_DOCKER_8',
    'CKV2_DOCKER_9',
    'CKV2_DOCKER_10',
    'CKV2_DOCKER_11',
    'CKV2_DOCKER_15'
  ],
  severity: 'warning',
  perInstruction: true,
  fixable: true,
  description:
    'Package signature or repository TLS checks turned off (apt --allow-unauthenticated/--force-yes, apk --allow-untrusted, yum/dnf --nogpgcheck, rpm --nosignature, sslverify=0, [trusted=yes]).',
  check(doc, ctx) {
    for (const { cmd } of commandsNamed(doc, ...COMMANDS)) {
      const name = commandName(cmd)
      const flags = Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined
      if (flags) {
        // Packages built earlier in this build and installed from local files carry no signature.
        const localOnly =
          name === 'apk' &&
          argsNoFlags(cmd, ['t', 'virtual', 'X', 'repository'])
            .slice(1)
            .every((w) => /^(\.{0,2}\/|\$)|\.apk$/.test(w.raw))
        cmd.args.forEach((a, i) => {
          if (flags.includes(a.value)) {
            if (!(localOnly && a.value === '--allow-untrusted'))
              report(doc, ctx, cmd, a, a, a.value)
          } else if (
            (a.value === '-o' || a.value === '--setopt') &&
            optionDisables(cmd.args[i + 1]?.value ?? '')
          )
            report(doc, ctx, cmd, a, cmd.args[i + 1], `${a.value} ${cmd.args[i + 1].value}`)
          else if (/^--setopt=/.test(a.value) && optionDisables(a.value.slice(9)))
            report(doc, ctx, cmd, a, a, a.value)
        })
        continue
      }
      // Configuration written by echo/printf/sed/tee: report the word, no fix.
      if (!WRITERS.includes(name)) continue
      for (const a of cmd.args) {
        const m = CONFIG_OFF.exec(a.value)
        // `deb [trusted=yes] file:…`: a local repository of packages built in this very build.
        if (!m || (m[3] && /\]\s*file:/.test(a.value))) continue
        ctx.report({
          message: `\`${m[1] ? `${m[1]}=${m[2]}` : `[${m[3]}=yes]`}\` written into the package manager's configuration turns off signature or TLS checks for that repository: a mirror or anyone on the network path can ship altered packages.`,
          range: doc.span(a.start, a.end).range
        })
      }
    }
  }
})
