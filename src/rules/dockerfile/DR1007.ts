import type { ShellCommand, ShellWord } from '../../parse/shell.js'
import { defineDockerfileRule } from '../define.js'
import { argsNoFlags } from './lib/commands.js'
import { commandName } from '../../dockerfile/runs.js'
import { commandsNamed } from '../../dockerfile/runs.js'
import { finalChain, isDevelopmentImage } from '../../dockerfile/stages.js'

/** Compilers and build systems by package name (Debian, Alpine, RPM spellings). */
const TOOLS = new Set([
  'build-essential',
  'build-base',
  'gcc',
  'g++',
  'gcc-c++',
  'clang',
  'make',
  'cmake',
  'autoconf',
  'automake',
  'libtool',
  'pkg-config',
  'pkgconf',
  'musl-dev',
  'linux-headers'
])
const HEADERS = /-(dev|devel)$/

interface Installer {
  names: string[]
  install: string[]
  remove: string[]
  valueFlags: string[]
}

const INSTALLERS: Installer[] = [
  {
    names: ['apt-get', 'apt'],
    install: ['install'],
    remove: ['purge', 'remove', 'autoremove'],
    valueFlags: ['t', 'target-release', 'o', 'c']
  },
  {
    names: ['apk'],
    install: ['add'],
    remove: ['del'],
    valueFlags: ['t', 'virtual', 'X', 'repository']
  },
  {
    names: ['yum', 'dnf', 'microdnf', 'tdnf'],
    install: ['install'],
    remove: ['remove', 'erase', 'autoremove', 'history'],
    valueFlags: ['setopt', 'enablerepo', 'disablerepo']
  }
]

const INSTALLER_NAMES = INSTALLERS.flatMap((i) => i.names)

function installerOf(cmd: ShellCommand): Installer | undefined {
  const name = commandName(cmd)
  return INSTALLERS.find((i) => i.names.includes(name))
}

/** Build-tool packages a command installs. */
function buildTools(cmd: ShellCommand, inst: Installer): ShellWord[] {
  const args = argsNoFlags(cmd, inst.valueFlags)
  if (!args[0] || !inst.install.includes(args[0].value)) return []
  return args
    .slice(1)
    .filter((w) => w.literal && (TOOLS.has(w.value) || HEADERS.test(w.value.split('=')[0])))
}

export const DR1007 = defineDockerfileRule({
  id: 'DR1007',
  aliases: [],
  severity: 'info',
  perInstruction: true,
  description:
    'Compilers or `-dev` packages are installed in the final image and not removed in the same RUN.',
  check(doc, ctx) {
    if (isDevelopmentImage(doc)) return
    const multiStage = doc.stages.length > 1
    const final = new Set(finalChain(doc))
    for (const { inst, cmd, script } of commandsNamed(doc, ...INSTALLER_NAMES)) {
      if (inst.onbuild || !inst.stage || !final.has(inst.stage)) continue
      const installer = installerOf(cmd)!
      const tools = buildTools(cmd, installer)
      if (tools.length === 0) continue
      // Removed again in the same RUN (`apt-get purge --auto-remove`, `apk del .build-deps`).
      const removed = script.commands.some(
        (c) =>
          c.index > cmd.index &&
          installerOf(c) === installer &&
          c.args.some((a) => installer.remove.includes(a.value))
      )
      if (removed) continue
      const names = tools.map((t) => t.value)
      ctx.report({
        message: `Build tools (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) stay in the final image: they add size and attack surface. ${multiStage ? 'Install them in a build stage and copy only the results,' : 'Use a multi-stage build (compile in a builder stage, copy the results),'} or remove them in the same RUN.`,
        range: doc.span(tools[0].start, tools[tools.length - 1].end).range
      })
    }
  }
})
