import type { DockerfileDoc, Instruction, Stage } from '../parse/dockerfile.js'
import type { ShellCommand, ShellWord } from '../parse/shell.js'
import { stageDistro, type Family } from './distro.js'

/**
 * The effect model of a Dockerfile: per stage, what the build does — base image, each RUN's
 * commands as argv lists (after the shell is parsed), ENV, USER, WORKDIR, SHELL, copies, the
 * packages each manager installs and removes, the state of the package indexes between layers,
 * exposed ports, ENTRYPOINT/CMD. Two uses: rules ask it questions ("does a later RUN need the apt
 * lists?", "is the apk index gone here?"), and the fix checker compares the model before and after
 * a fix (`signature`) to prove that a safe fix changes only what it declares.
 */

export type Manager = 'apt' | 'apk'
export const MANAGERS: readonly Manager[] = ['apt', 'apk']

/** Whether a manager's package index is on disk: fetched, deleted, or as the base image left it. */
export type IndexState = 'present' | 'absent' | 'unknown'

export type PackageOpKind = 'update' | 'install' | 'remove' | 'query' | 'drop-index'

export interface PackageOp {
  manager: Manager
  op: PackageOpKind
  /** Package words (literal values; `$PKGS` stays as written). */
  packages: string[]
  /** The op fetches its own index (`apk add --no-cache`, `apk add --update`). */
  fetchesIndex: boolean
  /** Without its index the op fails the build (installing named packages), not just does nothing. */
  failsWithoutIndex: boolean
  cmd: ShellCommand
}

export interface RunEffect {
  inst: Instruction
  /** Each command the RUN executes, as its argv (word values), in source order. */
  argv: string[][]
  commands: ShellCommand[]
  ops: PackageOp[]
  /** Index state of each manager before this RUN's first command. */
  indexBefore: Record<Manager, IndexState>
  indexAfter: Record<Manager, IndexState>
  /** Installs of this RUN that run while their index is absent (deleted earlier, no update since). */
  staleInstalls: PackageOp[]
  /** The RUN downloads over https (curl, wget, git). */
  https: boolean
}

export interface CopyEffect {
  keyword: 'COPY' | 'ADD'
  sources: string[]
  destination: string
  chown: string | undefined
  chmod: string | undefined
  from: string | undefined
}

export interface StageEffect {
  stage: Stage
  base: string
  family: Family
  runs: RunEffect[]
  env: Map<string, string>
  user: string | undefined
  workdir: string | undefined
  shell: string[] | undefined
  copies: CopyEffect[]
  packages: Record<Manager, { installed: string[]; removed: string[] }>
  /** Index state after the stage's last instruction. */
  indexes: Record<Manager, IndexState>
  exposed: string[]
  entrypoint: string | undefined
  cmd: string | undefined
  /** Downloads over https anywhere in the stage (RUN curl/wget/git, ADD https://…). */
  https: boolean
}

const APT = new Set(['apt', 'apt-get', 'aptitude'])
const APT_INSTALL = new Set(['install', 'reinstall', 'build-dep', 'source', 'download'])
const APT_UPGRADE = new Set(['upgrade', 'dist-upgrade', 'full-upgrade'])
const APT_REMOVE = new Set(['remove', 'purge', 'autoremove'])
const APT_CACHE_QUERY = new Set(['policy', 'show', 'madison', 'depends', 'rdepends', 'search'])
const APT_LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?\/?$/
const APK_CACHE = /^\/var\/cache\/apk(\/\*?)?\/?$/
const HTTPS = /^["']?https:\/\//

/** The command's name without a leading path. */
export function baseName(cmd: ShellCommand): string {
  const slash = cmd.name.lastIndexOf('/')
  return slash === -1 ? cmd.name : cmd.name.slice(slash + 1)
}

function nonFlags(words: ShellWord[]): string[] {
  return words.filter((w) => !w.value.startsWith('-')).map((w) => w.value)
}

/** The package-manager operation a command performs, if any. */
export function packageOp(cmd: ShellCommand): PackageOp | undefined {
  const name = baseName(cmd)
  const args = nonFlags(cmd.args)
  const flags = cmd.args.filter((w) => w.value.startsWith('-')).map((w) => w.value)
  const op = (
    manager: Manager,
    kind: PackageOpKind,
    packages: string[],
    fetchesIndex = false,
    failsWithoutIndex = false
  ): PackageOp => ({ manager, op: kind, packages, fetchesIndex, failsWithoutIndex, cmd })
  if (APT.has(name)) {
    const sub = args[0]
    const packages = args.slice(1)
    if (sub === 'update') return op('apt', 'update', [], true)
    // apt >= 3.0: `apt-get install --update` fetches the lists first.
    const fetches = flags.includes('--update')
    if (sub === 'dist-clean') return op('apt', 'drop-index', [])
    if (sub !== undefined && APT_INSTALL.has(sub)) {
      // Installing only local .deb files needs no index.
      if (packages.length > 0 && packages.every((p) => /\.deb$/.test(p))) return undefined
      return op('apt', 'install', packages, fetches, packages.length > 0)
    }
    if (sub !== undefined && APT_UPGRADE.has(sub)) return op('apt', 'install', [])
    if (sub !== undefined && APT_REMOVE.has(sub)) return op('apt', 'remove', packages)
    return undefined
  }
  // add-apt-repository refreshes the lists unless told not to (-n, --no-update).
  if (name === 'add-apt-repository' && !flags.some((f) => f === '-n' || f === '--no-update'))
    return op('apt', 'update', [], true)
  if (name === 'apt-cache' && APT_CACHE_QUERY.has(args[0] ?? ''))
    return op('apt', 'query', args.slice(1))
  if (name === 'apk') {
    const sub = args[0]
    // Flags behind a variable (`apk add ${APK_FLAGS} …`) may well be --no-cache: not judged.
    const fetches =
      flags.some((f) => f === '--no-cache' || f === '--update' || /^-[a-zA-Z]*U/.test(f)) ||
      cmd.args.some((w) => !w.literal && w.raw.startsWith('$'))
    const packages = args.slice(1)
    if (sub === 'update') return op('apk', 'update', [], true)
    if (sub === 'add') return op('apk', 'install', packages, fetches, packages.length > 0)
    if (sub === 'upgrade' || sub === 'fix') return op('apk', 'install', packages, fetches)
    if (sub === 'del') return op('apk', 'remove', packages)
    return undefined
  }
  if (name === 'rm') {
    const paths = nonFlags(cmd.args)
    if (paths.some((p) => APT_LISTS.test(p))) return op('apt', 'drop-index', [])
    if (paths.some((p) => APK_CACHE.test(p))) return op('apk', 'drop-index', [])
  }
  return undefined
}

/** Does an op need the index on disk (and not fetch its own)? */
export function needsIndex(op: PackageOp): boolean {
  return (op.op === 'install' || op.op === 'query') && !op.fetchesIndex
}

function noCache(cmd: ShellCommand): boolean {
  return cmd.args.some((w) => w.value === '--no-cache' || !w.literal)
}

function downloadsHttps(cmd: ShellCommand): boolean {
  const name = baseName(cmd)
  if (name !== 'curl' && name !== 'wget' && name !== 'git') return false
  return cmd.args.some((a) => HTTPS.test(a.value) || HTTPS.test(a.raw))
}

function bareIndexes(value: IndexState): Record<Manager, IndexState> {
  return { apt: value, apk: value }
}

function runEffect(
  doc: DockerfileDoc,
  inst: Instruction,
  before: Record<Manager, IndexState>
): RunEffect {
  const script = inst.json ? undefined : doc.shell(inst)
  const commands = script?.commands.filter((c) => c.name !== '') ?? []
  const state = { ...before }
  const ops: PackageOp[] = []
  const staleInstalls: PackageOp[] = []
  // A cache or tmpfs mount over the index keeps the image's own copy untouched.
  const mounted = mountTargets(inst)
  for (const cmd of commands) {
    const op = packageOp(cmd)
    if (!op) continue
    ops.push(op)
    // `apt-get install --update` and `apk add --update` leave a fresh index behind;
    // `apk add --no-cache` does not.
    const refreshes = op.op === 'update' || (op.fetchesIndex && !noCache(op.cmd))
    if (refreshes) state[op.manager] = 'present'
    else if (op.op === 'drop-index') {
      if (!mounted.some((m) => indexDir(op.manager).startsWith(m))) state[op.manager] = 'absent'
    } else if (op.failsWithoutIndex && !op.fetchesIndex && state[op.manager] === 'absent')
      staleInstalls.push(op)
  }
  return {
    inst,
    argv: commands.map((c) => c.words.map((w) => w.value)),
    commands,
    ops,
    indexBefore: before,
    indexAfter: state,
    staleInstalls,
    https: commands.some(downloadsHttps)
  }
}

function indexDir(manager: Manager): string {
  return manager === 'apt' ? '/var/lib/apt/lists' : '/var/cache/apk'
}

function mountTargets(inst: Instruction): string[] {
  const out: string[] = []
  for (const flag of inst.flags) {
    if (flag.name !== 'mount' || !flag.value) continue
    const kv = new Map(
      flag.value.split(',').map((p) => {
        const eq = p.indexOf('=')
        return eq === -1 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)]
      })
    )
    const target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination')
    if (target && (kv.get('type') === 'cache' || kv.get('type') === 'tmpfs'))
      out.push(target.replace(/\/+$/, ''))
  }
  return out
}

function copyEffect(inst: Instruction): CopyEffect {
  const args = inst.json ? inst.json.values : inst.args.map((a) => a.value)
  const flag = (name: string): string | undefined =>
    inst.flags.find((f) => f.name === name)?.value ?? undefined
  return {
    keyword: inst.keyword as 'COPY' | 'ADD',
    sources: args.slice(0, -1),
    destination: args[args.length - 1] ?? '',
    chown: flag('chown'),
    chmod: flag('chmod'),
    from: flag('from')
  }
}

const cache = new WeakMap<DockerfileDoc, StageEffect[]>()

/** The effect model of every stage, in order (computed once per document). */
export function stageEffects(doc: DockerfileDoc): StageEffect[] {
  const known = cache.get(doc)
  if (known) return known
  const out: StageEffect[] = []
  const byStage = new Map<Stage, StageEffect>()
  for (const stage of doc.stages) {
    const parent = stage.parent ? byStage.get(stage.parent) : undefined
    const effect: StageEffect = {
      stage,
      base: parent ? parent.base : stage.image.expanded,
      family: stageDistro(stage).family,
      runs: [],
      env: new Map(parent?.env),
      user: parent?.user,
      workdir: parent?.workdir,
      shell: parent?.shell,
      copies: [],
      packages: {
        apt: {
          installed: [...(parent?.packages.apt.installed ?? [])],
          removed: [...(parent?.packages.apt.removed ?? [])]
        },
        apk: {
          installed: [...(parent?.packages.apk.installed ?? [])],
          removed: [...(parent?.packages.apk.removed ?? [])]
        }
      },
      indexes: parent ? { ...parent.indexes } : bareIndexes('unknown'),
      exposed: [...(parent?.exposed ?? [])],
      entrypoint: parent?.entrypoint,
      cmd: parent?.cmd,
      https: false
    }
    for (const inst of stage.instructions) apply(doc, effect, inst)
    byStage.set(stage, effect)
    out.push(effect)
  }
  cache.set(doc, out)
  return out
}

function apply(doc: DockerfileDoc, s: StageEffect, inst: Instruction): void {
  switch (inst.keyword) {
    case 'RUN': {
      const run = runEffect(doc, inst, s.indexes)
      s.runs.push(run)
      s.indexes = run.indexAfter
      if (run.https) s.https = true
      for (const op of run.ops) {
        if (op.op === 'install') s.packages[op.manager].installed.push(...op.packages)
        if (op.op === 'remove') s.packages[op.manager].removed.push(...op.packages)
      }
      return
    }
    case 'ENV':
      for (const p of inst.properties) s.env.set(p.name, p.value ?? '')
      return
    case 'USER':
      s.user = inst.text.trim()
      return
    case 'WORKDIR': {
      const path = inst.text.trim().replace(/^["']|["']$/g, '')
      s.workdir =
        path.startsWith('/') || !s.workdir ? path : `${s.workdir.replace(/\/$/, '')}/${path}`
      return
    }
    case 'SHELL':
      s.shell = inst.json?.values
      return
    case 'COPY':
    case 'ADD': {
      const copy = copyEffect(inst)
      s.copies.push(copy)
      if (copy.keyword === 'ADD' && copy.sources.some((src) => HTTPS.test(src))) s.https = true
      return
    }
    case 'EXPOSE':
      s.exposed.push(...inst.args.map((a) => a.value))
      return
    case 'ENTRYPOINT':
      s.entrypoint = inst.json ? JSON.stringify(inst.json.values) : inst.text.trim()
      return
    case 'CMD':
      s.cmd = inst.json ? JSON.stringify(inst.json.values) : inst.text.trim()
      return
    default:
      return
  }
}

/** The effect model of the stage an instruction belongs to. */
export function stageEffectOf(doc: DockerfileDoc, inst: Instruction): StageEffect | undefined {
  const stage = (inst.onbuild ?? inst).stage
  return stageEffects(doc).find((s) => s.stage === stage)
}

/** The RUN's effect (undefined for ONBUILD triggers and instructions before the first FROM). */
export function runEffectOf(doc: DockerfileDoc, inst: Instruction): RunEffect | undefined {
  return stageEffectOf(doc, inst)?.runs.find((r) => r.inst === inst)
}

/** The RUNs whose layers a stage stands on: its ancestors' (root first), then its own. */
export function lineageRuns(doc: DockerfileDoc, stage: Stage): RunEffect[] {
  const chain: Stage[] = []
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s)
  const effects = stageEffects(doc)
  return chain.flatMap((s) => effects.find((e) => e.stage === s)?.runs ?? [])
}

/** Is `pkg` installed by a RUN command before file offset `before` in these runs? */
export function installedBefore(runs: RunEffect[], pkg: string, before: number): boolean {
  for (const run of runs) {
    for (const op of run.ops) {
      if (op.cmd.start >= before) return false
      if (op.op === 'install' && op.packages.some((p) => p === pkg || p.startsWith(`${pkg}=`)))
        return true
    }
  }
  return false
}

/**
 * RUNs after `inst` that build on its layers: the rest of its stage, then every stage built
 * `FROM` it (directly or through a chain).
 */
export function laterRuns(doc: DockerfileDoc, inst: Instruction): RunEffect[] {
  const effects = stageEffects(doc)
  const own = stageEffectOf(doc, inst)
  if (!own) return []
  const out = own.runs.filter((r) => r.inst.index > inst.index)
  for (const s of effects) {
    for (let p = s.stage.parent; p; p = p.parent) {
      if (p === own.stage) {
        out.push(...s.runs)
        break
      }
    }
  }
  return out
}

/**
 * Does a RUN after `inst` use the manager's index without fetching it first in its own RUN?
 * Conditional commands count: they may run.
 */
export function laterRunNeedsIndex(
  doc: DockerfileDoc,
  inst: Instruction,
  manager: Manager
): boolean {
  for (const run of laterRuns(doc, inst)) {
    for (const op of run.ops) {
      if (op.manager !== manager) continue
      if (op.op === 'update' || op.op === 'drop-index') break
      if (needsIndex(op)) return true
    }
  }
  return false
}

/**
 * A normalised, line-per-effect rendering of the whole model: what the build does, with layout,
 * quoting and comments gone. Equal signatures mean the same build.
 */
export function signature(doc: DockerfileDoc): string[] {
  const out: string[] = []
  for (const s of stageEffects(doc)) {
    const at = `stage ${s.stage.index}`
    out.push(`${at} FROM ${s.stage.image.expanded}${s.stage.name ? ` AS ${s.stage.name}` : ''}`)
    for (const inst of s.stage.instructions) {
      if (inst.keyword === 'RUN') {
        const run = s.runs.find((r) => r.inst === inst)!
        const mounts = inst.flags.map((f) => f.raw).sort()
        if (run.commands.length === 0) {
          out.push(
            `${at} RUN ${mounts.join(' ')} ${inst.json ? JSON.stringify(inst.json.values) : inst.text.trim()}`
          )
          continue
        }
        out.push(`${at} RUN ${mounts.join(' ')}`.trimEnd())
        for (const argv of run.argv) out.push(`${at}   ${argv.join(' ')}`)
      }
    }
    out.push(`${at} ENV ${[...s.env].map(([k, v]) => `${k}=${v}`).join(' ')}`)
    out.push(`${at} USER ${s.user ?? ''}`)
    out.push(`${at} WORKDIR ${s.workdir ?? ''}`)
    out.push(`${at} SHELL ${s.shell ? JSON.stringify(s.shell) : ''}`)
    for (const c of s.copies)
      out.push(
        `${at} COPY ${c.sources.join(' ')} -> ${c.destination} chown=${c.chown ?? ''} chmod=${c.chmod ?? ''} from=${c.from ?? ''}`
      )
    out.push(`${at} EXPOSE ${s.exposed.join(' ')}`)
    out.push(`${at} ENTRYPOINT ${s.entrypoint ?? ''}`)
    out.push(`${at} CMD ${s.cmd ?? ''}`)
  }
  return out
}
