import type { DockerfileDoc, Instruction } from '../../../parse/dockerfile.js'
import { commandName, runCommands, type RunCommand } from './commands.js'

/**
 * The shell commands of a file's RUN instructions (ONBUILD RUN included), computed once per
 * document and indexed by command name, so each rule only visits the commands it cares about.
 */

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
