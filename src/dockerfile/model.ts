import type { Comment, DockerfileSyntax, Span, SyntaxInstruction } from '../parse/dockerfile.js'
import { parseDockerfileSyntax, shellScript } from '../parse/dockerfile.js'
import type { ShellScript } from '../parse/shell.js'
import type { ImageRef } from '../parse/image.js'
import { parseImageRef } from './image.js'
import { expandVariables } from './variables.js'
import { imageDistro } from './distro.js'

/**
 * The Dockerfile model every rule reads, on top of the syntax (src/parse/dockerfile.ts): stages
 * with their parents and the stages they copy from, the variables in scope at an instruction, the
 * SHELL in effect and the shell parse of each RUN (lazily). Queries over it live beside it:
 * stages.ts (final image, lineage, scope), variables.ts, runs.ts, properties.ts, build-context.ts.
 */

export interface Instruction extends SyntaxInstruction {
  /** The stage this instruction belongs to; undefined before the first FROM. */
  stage: Stage | undefined
  /** For a trigger inside `ONBUILD`, the ONBUILD instruction. */
  onbuild: Instruction | undefined
  /** For an `ONBUILD` instruction, its trigger. */
  trigger: Instruction | undefined
}

export interface Stage {
  index: number
  from: Instruction
  image: ImageRef
  /** Lower-case alias (`AS build`), undefined without one. */
  name: string | undefined
  nameSpan: Span | undefined
  /** The earlier stage this one is built `FROM`, if any. */
  parent: Stage | undefined
  /** Top-level instructions of the stage, FROM first. */
  instructions: Instruction[]
  isLast: boolean
  /** Some later stage is built `FROM` this one. */
  usedAsBase: boolean
  /** The stage ends up in the final image: the last stage or an ancestor of it. */
  inFinalImage: boolean
  /** Some later stage copies from it (`COPY --from=<name|index>`) or mounts it (`RUN --mount=from=`). */
  copiedFrom: boolean
  /** Platform flag value if any. */
  platform: string | undefined
}

export interface DockerfileDoc extends DockerfileSyntax {
  /** Top-level instructions in order (ONBUILD triggers are reachable through `trigger`). */
  instructions: Instruction[]
  stages: Stage[]
  /** ARGs declared before the first FROM, name → default (null = no default). */
  globalArgs: Map<string, string | null>
  /** Lazily parsed shell script of a RUN (shell form or heredoc); undefined for exec form / non-POSIX shells. */
  shell(inst: Instruction): ShellScript | undefined
  /**
   * The SHELL in effect for an instruction: the nearest SHELL of its stage's lineage, else the
   * platform's default (`['/bin/sh','-c']`; `['cmd','/S','/C']` on a Windows base image).
   */
  shellOf(inst: Instruction): string[]
  /**
   * Variables visible to an instruction, name → value (null = declared without a known value):
   * the stage's ARGs (global defaults for `ARG NAME` re-declarations) and ENVs before it, and the
   * ENVs of the stages it is built FROM. Values are defaults: build args may override them.
   */
  variables(inst: Instruction): Map<string, string | null>
}

const DEFAULT_SHELL = ['/bin/sh', '-c']
/** What Docker runs a shell-form RUN with on a Windows image when no SHELL says otherwise. */
const WINDOWS_DEFAULT_SHELL = ['cmd', '/S', '/C']
const NON_POSIX = /(^|[\\/])(pwsh|powershell|cmd)(\.exe)?$/i

/** Parse a Dockerfile and build its model. */
export function parseDockerfile(path: string, text: string): DockerfileDoc {
  const syntax = parseDockerfileSyntax(path, text)
  const { instructions, stages, globalArgs } = assignStages(syntax)
  linkStages(stages)
  return modelOf(syntax, instructions, stages, globalArgs)
}

/**
 * Stages in order, each with its top-level instructions; every instruction (and ONBUILD trigger)
 * learns its stage; ARGs before the first FROM are the global ARGs.
 */
function assignStages(syntax: DockerfileSyntax): {
  instructions: Instruction[]
  stages: Stage[]
  globalArgs: Map<string, string | null>
} {
  const instructions = syntax.instructions as Instruction[]
  const stages: Stage[] = []
  const globalArgs = new Map<string, string | null>()
  let stage: Stage | undefined
  for (const inst of instructions) {
    // A trigger belongs to the stage of its ONBUILD; a FROM opens its own.
    if (inst.trigger) inst.trigger.stage = stage
    if (inst.keyword === 'FROM') {
      stage = newStage(inst, stages, globalArgs, syntax.span)
      stages.push(stage)
    } else if (inst.keyword === 'ARG' && !stage) {
      for (const p of inst.properties) globalArgs.set(p.name, argDefault(p.value, globalArgs))
    }
    inst.stage = stage
    stage?.instructions.push(inst)
  }
  return { instructions, stages, globalArgs }
}

/**
 * A global ARG default as BuildKit sees it: expanded with the ARGs declared before it
 * (`ARG B=$A/img`) when every name it uses has a known value; otherwise as written (a modifier
 * this model does not evaluate, `${X#…}`, or an ARG whose value is not known itself).
 */
function argDefault(value: string | null, args: Map<string, string | null>): string | null {
  if (value === null || !value.includes('$')) return value
  const { value: expanded, unresolved } = expandVariables(value, args)
  const names = [...value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1])
  const known = names.every((n) => args.has(n) && !(args.get(n) ?? '').includes('$'))
  return !unresolved && known && !expanded.includes('$') ? expanded : value
}

/** The lazy per-instruction queries: SHELL in effect, variables in scope, RUN shell scripts. */
function modelOf(
  syntax: DockerfileSyntax,
  instructions: Instruction[],
  stages: Stage[],
  globalArgs: Map<string, string | null>
): DockerfileDoc {
  const { escape, text } = syntax
  const shells = new Map<Instruction, ShellScript | undefined>()
  const shellOf = (inst: Instruction): string[] => {
    const target = inst.onbuild ?? inst
    const st = target.stage
    if (!st) return DEFAULT_SHELL
    let root = st
    for (let s: Stage | undefined = st; s; s = s.parent) {
      root = s
      const list = s.instructions
      for (let k = list.length - 1; k >= 0; k--) {
        const i = list[k]
        if (s === st && i.index >= target.index) continue
        if (i.keyword === 'SHELL' && i.json) return i.json.values
      }
    }
    return !root.image.unresolved && imageDistro(root.image.expanded).family === 'windows'
      ? WINDOWS_DEFAULT_SHELL
      : DEFAULT_SHELL
  }
  const hadolintShellPragma = readShellPragma(syntax.comments)

  const scopes = new Map<Stage, ScopeEvent[]>()
  const variables = (inst: Instruction): Map<string, string | null> => {
    const target = inst.onbuild ?? inst
    const out = new Map<string, string | null>()
    const st = target.stage
    if (!st) {
      for (const i of instructions) {
        if (i.index >= target.index || i.keyword === 'FROM') break
        if (i.keyword === 'ARG') for (const p of i.properties) out.set(p.name, p.value)
      }
      return out
    }
    const chain: Stage[] = []
    for (let s: Stage | undefined = st; s; s = s.parent) chain.unshift(s)
    for (const s of chain) {
      let events = scopes.get(s)
      if (!events) {
        events = scopeEvents(s, globalArgs)
        scopes.set(s, events)
      }
      for (const ev of events) {
        if (s === st && ev.index >= target.index) break
        // ARGs do not cross into stages built FROM this one; ENVs do.
        if (ev.arg && s !== st) continue
        out.set(ev.name, ev.value === null ? null : expandVariables(ev.value, out).value)
      }
    }
    return out
  }

  return {
    ...syntax,
    instructions,
    stages,
    globalArgs,
    shellOf,
    variables,
    shell(inst) {
      if (inst.keyword !== 'RUN' || inst.json) return undefined
      if (shells.has(inst)) return shells.get(inst)
      let script: ShellScript | undefined
      const shell = shellOf(inst)
      const posix =
        escape !== '`' &&
        !NON_POSIX.test(shell[0] ?? '') &&
        !(hadolintShellPragma && NON_POSIX.test(hadolintShellPragma) && shell === DEFAULT_SHELL)
      if (posix) script = shellScript(inst, text)
      shells.set(inst, script)
      return script
    }
  }
}

interface ScopeEvent {
  index: number
  name: string
  value: string | null
  arg: boolean
}

/** ARG and ENV declarations of a stage, in order (global ARG defaults applied to re-declarations). */
function scopeEvents(stage: Stage, globalArgs: Map<string, string | null>): ScopeEvent[] {
  const events: ScopeEvent[] = []
  for (const inst of stage.instructions) {
    if (inst.keyword === 'ARG') {
      for (const p of inst.properties) {
        const value = p.value ?? (globalArgs.has(p.name) ? globalArgs.get(p.name)! : null)
        events.push({ index: inst.index, name: p.name, value, arg: true })
      }
    } else if (inst.keyword === 'ENV') {
      for (const p of inst.properties) {
        events.push({ index: inst.index, name: p.name, value: p.value ?? '', arg: false })
      }
    }
  }
  return events
}

function readShellPragma(comments: Comment[]): string | undefined {
  for (const c of comments) {
    const m = /^\s*hadolint\s+shell\s*=\s*(\S+)/.exec(c.content)
    if (m) return m[1]
  }
  return undefined
}

function newStage(
  from: Instruction,
  stages: Stage[],
  globalArgs: Map<string, string | null>,
  span: (s: number, e: number) => Span
): Stage {
  const words = from.args
  const imageToken = words[0]
  let name: string | undefined
  let nameSpan: Span | undefined
  if (words.length >= 3 && words[1].value.toLowerCase() === 'as') {
    name = words[2].value.toLowerCase()
    nameSpan = span(words[2].start, words[2].end)
  }
  const platform = from.flags.find((f) => f.name === 'platform')?.value ?? undefined
  return {
    index: stages.length,
    from,
    image: parseImageRef(imageToken?.value ?? '', globalArgs),
    name,
    nameSpan,
    parent: undefined,
    instructions: [],
    isLast: false,
    usedAsBase: false,
    inFinalImage: false,
    copiedFrom: false,
    platform
  }
}

function linkStages(stages: Stage[]): void {
  const byName = new Map<string, Stage>()
  stages.forEach((stage) => {
    const ref = stage.image.expanded.toLowerCase()
    stage.parent = byName.get(ref)
    if (stage.parent) stage.parent.usedAsBase = true
    if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage)
  })
  // COPY --from / RUN --mount=from= references to earlier stages (by name or index).
  stages.forEach((stage) => {
    const refer = (value: string | null): void => {
      if (!value) return
      const v = value.toLowerCase()
      const target = /^\d+$/.test(v) ? stages[Number(v)] : byName.get(v)
      if (target && target.index < stage.index) target.copiedFrom = true
    }
    for (const inst of stage.instructions) {
      const i = inst.trigger ?? inst
      for (const f of i.flags) {
        if (f.name === 'from' && (i.keyword === 'COPY' || i.keyword === 'ADD')) refer(f.value)
        else if (f.name === 'mount' && f.value) {
          const m = /(?:^|,)from=([^,]+)/.exec(f.value)
          if (m) refer(m[1])
        }
      }
    }
  })
  const last = stages[stages.length - 1]
  if (last) last.isLast = true
  for (let s: Stage | undefined = last; s; s = s.parent) s.inFinalImage = true
}
