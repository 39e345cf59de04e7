import type { DockerfileDoc, Instruction } from './model.js'
import type { ShellCommand, ShellScript } from '../parse/shell.js'
import { absolutePath } from '../core/paths.js'
import { unquote } from '../parse/dockerfile.js'
import { lineage } from './stages.js'

/**
 * The RUN instructions of a file and their shell commands (ONBUILD RUN included), indexed once per
 * document by command name, so each rule only visits the commands it cares about; what a RUN
 * runs in: its cache mounts, the WORKDIR in effect, a Windows stage.
 */

export interface RunCommand {
  inst: Instruction
  script: ShellScript
  cmd: ShellCommand
}

/** RUN instructions in order; with `onbuild`, `ONBUILD RUN` triggers too (hadolint's `onbuild`). */
export function runInstructions(doc: DockerfileDoc, onbuild = true): Instruction[] {
  const out: Instruction[] = []
  for (const inst of doc.instructions) {
    if (inst.keyword === 'RUN') out.push(inst)
    else if (onbuild && inst.trigger?.keyword === 'RUN') out.push(inst.trigger)
  }
  return out
}

/** Every shell command of every (shell-form) RUN. */
export function runCommands(doc: DockerfileDoc, onbuild = true): RunCommand[] {
  const out: RunCommand[] = []
  for (const inst of runInstructions(doc, onbuild)) {
    const script = doc.shell(inst)
    if (!script) continue
    for (const cmd of script.commands) out.push({ inst, script, cmd })
  }
  return out
}

/** The command's name without a leading path (`/usr/bin/apt-get` → `apt-get`). */
export function commandName(cmd: ShellCommand): string {
  const name = cmd.name
  const slash = name.lastIndexOf('/')
  return slash === -1 ? name : name.slice(slash + 1)
}

interface RunIndex {
  commands: RunCommand[]
  byName: Map<string, RunCommand[]>
}

const cache = new WeakMap<DockerfileDoc, RunIndex>()

function runIndex(doc: DockerfileDoc): RunIndex {
  let index = cache.get(doc)
  if (index) return index
  const commands = runCommands(doc, true)
  const byName = new Map<string, RunCommand[]>()
  for (const rc of commands) {
    const name = commandName(rc.cmd)
    const list = byName.get(name)
    if (list) list.push(rc)
    else byName.set(name, [rc])
  }
  index = { commands, byName }
  cache.set(doc, index)
  return index
}

/** Commands called `name` (basename: `/usr/bin/yum` is `yum`), in file order. */
export function commandsNamed(doc: DockerfileDoc, ...names: string[]): RunCommand[] {
  const byName = runIndex(doc).byName
  if (names.length === 1) return byName.get(names[0]) ?? []
  const out: RunCommand[] = []
  for (const name of names) out.push(...(byName.get(name) ?? []))
  if (names.length > 1) out.sort((a, b) => a.cmd.start - b.cmd.start || a.cmd.index - b.cmd.index)
  return out
}

/** Commands whose name satisfies `test` (e.g. every `pip*`), in file order. */
export function commandsMatching(
  doc: DockerfileDoc,
  test: (name: string) => boolean
): RunCommand[] {
  const out: RunCommand[] = []
  for (const [name, list] of runIndex(doc).byName) if (test(name)) out.push(...list)
  out.sort((a, b) => a.cmd.start - b.cmd.start || a.cmd.index - b.cmd.index)
  return out
}

/** The RUN instructions (ONBUILD triggers included) that call one of `names`, in file order. */
export function runsCalling(doc: DockerfileDoc, ...names: string[]): Instruction[] {
  const out: Instruction[] = []
  for (const rc of commandsNamed(doc, ...names)) {
    if (out[out.length - 1] !== rc.inst) out.push(rc.inst)
  }
  return out
}

/** BuildKit `RUN --mount=type=cache|tmpfs,target=…` targets of an instruction. */
export function cacheMountTargets(inst: Instruction): string[] {
  const out: string[] = []
  for (const flag of inst.flags) {
    if (flag.name !== 'mount' || !flag.value) continue
    const opts = new Map(
      flag.value.split(',').map((kv) => {
        const eq = kv.indexOf('=')
        return eq === -1 ? [kv.trim(), ''] : [kv.slice(0, eq).trim(), kv.slice(eq + 1).trim()]
      })
    )
    const type = opts.get('type')
    if (type !== 'cache' && type !== 'tmpfs') continue
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination')
    if (target) out.push(target.replace(/\/+$/, ''))
  }
  return out
}

/**
 * The absolute WORKDIR in effect before `inst` from the WORKDIRs of its stage and the stages it is
 * built FROM: a path, null when none was set (the base image's applies), undefined when unknown (a
 * variable, a relative first WORKDIR, a Windows path) until an absolute WORKDIR sets it again.
 */
export function workdirBefore(inst: Instruction): string | null | undefined {
  const top = inst.onbuild ?? inst
  let dir: string | null | undefined = null
  for (const stage of lineage(top.stage).reverse()) {
    for (const i of stage.instructions) {
      if (i === top) return dir
      if (i.keyword !== 'WORKDIR') continue
      const path = unquote(i.text.trim())
      if (/^[A-Za-z]:/.test(path)) return undefined
      if (path.includes('$')) dir = undefined
      else if (path.startsWith('/')) dir = absolutePath(path)
      else dir = dir ? absolutePath(`${dir}/${path}`) : undefined
    }
  }
  return undefined
}

const WINDOWS_IMAGE =
  /(^|\/)(windows|nanoserver|servercore)([:/@]|$)|windows(servercore|nanoserver)/i
const WINDOWS_SHELL = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i

/** Does the instruction's stage build a Windows image (backtick escape, Windows base, PowerShell/cmd SHELL)? */
export function isWindows(doc: DockerfileDoc, inst: Instruction): boolean {
  if (doc.escape === '`') return true
  const top = inst.onbuild ?? inst
  if (WINDOWS_SHELL.test(doc.shellOf(top)[0] ?? '')) return true
  return lineage(top.stage).some((s) => WINDOWS_IMAGE.test(s.image.expanded))
}

const TRAILING_SLASH = /(.)\/+$/

/** `dir` names `made` or something inside it. */
function within(dir: string, made: string): boolean {
  const a = dir.replace(TRAILING_SLASH, '$1')
  const b = made.replace(TRAILING_SLASH, '$1')
  return a === b || a.startsWith(`${b}/`)
}

/**
 * Is `dir` (the literal argument of a `cd`) a directory the same RUN made before that command:
 * `mkdir`, `git clone` (its destination or the repository's name), an archive extracted with
 * `tar`/`unzip` (into `-C`/`-d`, or a relative directory of the archive), `docker-php-source
 * extract` (/usr/src/php)? `cd /` leaves a build directory, `cd ..` after another `cd` backs out
 * of one. Such a `cd` is a step of that RUN's
 * own work, not a missing WORKDIR.
 */
export function madeEarlierInRun(script: ShellScript, cmd: ShellCommand, dir: string): boolean {
  if (dir === '/') return true
  const before = script.commands.slice(0, cmd.index)
  // `cd ..` / `cd -` back out of a directory this RUN went into.
  if ((dir === '..' || dir === '-') && before.some((c) => c.name === 'cd')) return true
  for (const prev of before) {
    const args = prev.args.filter((a) => a.literal).map((a) => a.value)
    const operands = args.filter((a) => !a.startsWith('-'))
    switch (prev.name) {
      case 'mkdir':
        if (operands.some((made) => within(dir, made))) return true
        break
      case 'git': {
        if (operands[0] !== 'clone') break
        const [, url, dest] = operands
        const made =
          dest ??
          url
            ?.replace(/\/+$/, '')
            .split('/')
            .pop()
            ?.replace(/\.git$/, '')
        if (made !== undefined && within(dir, made)) return true
        break
      }
      case 'tar':
      case 'bsdtar':
      case 'unzip': {
        const at = args.findIndex((a) => a === '-C' || a === '-d' || a === '--directory')
        const into = at >= 0 ? args[at + 1] : undefined
        if (into !== undefined && within(dir, into)) return true
        if (!dir.startsWith('/')) return true
        break
      }
      case 'docker-php-source':
        if (operands[0] === 'extract' && within(dir, '/usr/src/php')) return true
        break
    }
  }
  return false
}
