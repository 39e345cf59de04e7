import { applyFixes } from '../core/fixes.js'
import type { Finding, Fix, FixEffect } from '../core/types.js'
import { parseDockerfile, type DockerfileDoc, type Instruction, type Stage } from './model.js'
import { parseDockerfileSyntax } from '../parse/dockerfile.js'
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

/** One line of a build's signature; RUN commands keep their argv for the effect normalisation. */
export interface SignatureLine {
  text: string
  argv?: string[]
}

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i
const TARGET_PLATFORM = /^\$\{?TARGETPLATFORM\}?$/

/** `$NAME` / `${NAME}` replaced from `env`; unknown names stay as written. */
function expandEnv(value: string, env: Map<string, string>): string {
  return value.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (m, a: string, b: string) => {
    const v = env.get(a ?? b)
    return v === undefined ? m : v
  })
}

/**
 * What the build does, one line per effect, in build order: layout, quoting, comments, keyword
 * casing and instructions that are overridden before they take effect (an earlier CMD or
 * HEALTHCHECK) are gone. Equal signatures mean the same build.
 */
export function signature(doc: DockerfileDoc): SignatureLine[] {
  return signed(doc).lines
}

/** A document's signature, and where each instruction's lines are in it (`swapSignature`). */
interface Signed {
  lines: SignatureLine[]
  spans: Map<Instruction, LineSpan>
}

interface LineSpan {
  from: number
  to: number
  /** The stage's label (`stage 2`). */
  at: string
  /** The environment the instruction saw (COPY and ADD expand it). */
  env: Map<string, string> | undefined
}

const signatures = new WeakMap<DockerfileDoc, Signed>()

function signed(doc: DockerfileDoc): Signed {
  let known = signatures.get(doc)
  if (!known) {
    const spans = new Map<Instruction, LineSpan>()
    signatures.set(doc, (known = { lines: computeSignature(doc, undefined, spans), spans }))
  }
  return known
}

/** One instruction of a document read in place of another: a fix's edit inside it (`swapIn`). */
interface Swap {
  old: Instruction
  next: Instruction
}

/**
 * Keywords whose lines depend on nothing but the instruction (and, for COPY and ADD, the
 * environment before it) and that change nothing the lines of others depend on: swapping one for
 * another changes only its own lines.
 */
const NOT_LOCAL = new Set([
  'FROM',
  'ARG',
  'ENV',
  'WORKDIR',
  'CMD',
  'ENTRYPOINT',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD'
])

/**
 * The signature of `doc` with `swap.next` in place of `swap.old`: the document's own signature
 * with the old instruction's lines replaced, when both are local (a safe fix usually edits one
 * RUN, COPY or LABEL: the file's signature is not made again for each); else computed whole.
 * `whole` always computes it whole (the reference the shortcut is tested against).
 */
export function swapSignature(doc: DockerfileDoc, swap: Swap, whole = false): SignatureLine[] {
  if (!whole && !NOT_LOCAL.has(swap.old.keyword) && !NOT_LOCAL.has(swap.next.keyword)) {
    const base = signed(doc)
    const span = base.spans.get(swap.old)
    const copies = swap.next.keyword === 'COPY' || swap.next.keyword === 'ADD'
    if (span && (span.env || !copies)) {
      const lines: SignatureLine[] = []
      emitLocal(doc, swap.next, span.at, span.env ?? new Map(), lines)
      return [...base.lines.slice(0, span.from), ...lines, ...base.lines.slice(span.to)]
    }
  }
  return computeSignature(doc, swap)
}

/** The lines of a local instruction (not NOT_LOCAL), appended to `out`. */
function emitLocal(
  doc: DockerfileDoc,
  inst: Instruction,
  at: string,
  env: Map<string, string>,
  out: SignatureLine[]
): void {
  const line = (text: string): void => void out.push({ text })
  const k = inst.keyword
  if (k === 'RUN') {
    const flags = inst.flags
      .map((f) =>
        f.name === 'mount' && f.value
          ? `--mount=${f.value.replace(/(^|,)from=([^,]*)/, (_m, c: string, r: string) => `${c}from=${stageRef(doc, r)}`)}`
          : f.raw
      )
      .sort()
    const argvs = runArgv(doc, inst)
    if (!argvs) {
      line(
        `${at} RUN ${flags.join(' ')} ${inst.json ? JSON.stringify(inst.json.values) : inst.text.trim()}`
      )
      return
    }
    line(`${at} RUN ${flags.join(' ')}`.trimEnd())
    for (const argv of argvs) out.push({ text: `${at}   ${argv.join(' ')}`, argv })
  } else if (k === 'COPY' || k === 'ADD') {
    const c = copyEffect(inst)
    c.sources = c.sources.map((x) => expandEnv(unquoteWord(x), env))
    c.destination = expandEnv(unquoteWord(c.destination), env)
    c.from = c.from && stageRef(doc, c.from)
    // ADD of a local non-archive is a COPY; a URL or an archive is not.
    const add =
      c.keyword === 'ADD' &&
      c.sources.some((x) => /^[a-z]+:\/\//i.test(x) || ARCHIVE.test(x) || x.includes('$'))
    const dest = c.sources.length > 1 ? c.destination.replace(/(.)\/$/, '$1') : c.destination
    const rest = inst.flags
      .filter((f) => !['chown', 'chmod', 'from'].includes(f.name))
      .map((f) => f.raw)
      .sort()
      .join(' ')
    line(
      `${at} ${add ? 'ADD' : 'COPY'} ${c.sources.join(' ')} -> ${dest} chown=${c.chown ?? ''} chmod=${c.chmod ?? ''} from=${c.from ?? ''} ${rest}`.trimEnd()
    )
  } else if (k === 'EXPOSE') {
    // BuildKit keeps only the container port of `ip:host:container/proto`.
    const ports = inst.args.map((a) => a.value.toLowerCase().split(':').pop())
    line(`${at} EXPOSE ${ports.join(' ')}`)
  } else if (k === 'LABEL' || k === 'MAINTAINER') {
    const pairs =
      k === 'LABEL'
        ? inst.properties.map((p) => `${p.name}=${p.value ?? ''}`)
        : [`author=${inst.text.trim()}`]
    for (const p of pairs) out.push({ text: `${at} LABEL ${p}`, argv: [LABEL] })
  } else {
    line(`${at} ${k} ${inst.text.trim().replace(/\s+/g, ' ')}`)
  }
}

function computeSignature(
  doc: DockerfileDoc,
  swap?: Swap,
  spans?: Map<Instruction, LineSpan>
): SignatureLine[] {
  const out: SignatureLine[] = []
  const line = (text: string): void => void out.push({ text })
  const envAtEnd = new Map<Stage, Map<string, string>>()
  const workdirAtEnd = new Map<Stage, string | undefined>()
  for (const stage of doc.stages) {
    const at = `stage ${stage.index}`
    const platform = stage.from.flags.find((f) => f.name === 'platform')?.value
    const env = new Map(stage.parent ? envAtEnd.get(stage.parent) : [])
    let workdir = stage.parent ? workdirAtEnd.get(stage.parent) : undefined
    const base = stage.parent ? `stage:${stage.parent.index}` : stage.image.expanded
    line(
      `${at} FROM ${base}${platform && !TARGET_PLATFORM.test(platform) ? ` platform=${platform}` : ''}${stage.name ? ` AS ${stage.name}` : ''}`
    )
    const last: Record<string, string> = {}
    for (const listed of stage.instructions) {
      const inst = listed === swap?.old ? swap.next : listed
      const k = inst.keyword
      if (k === 'FROM') continue
      const from = out.length
      if (!NOT_LOCAL.has(k)) {
        emitLocal(doc, inst, at, env, out)
        const copies = k === 'COPY' || k === 'ADD'
        spans?.set(listed, { from, to: out.length, at, env: copies ? new Map(env) : undefined })
      } else if (k === 'ENV') {
        const before = new Map(env)
        for (const p of inst.properties) {
          const value = expandEnv(p.value ?? '', before)
          env.set(p.name, value)
          out.push({ text: `${at} ENV ${p.name}=${value}`, argv: [ENV, p.name] })
        }
      } else if (k === 'WORKDIR') {
        const path = expandEnv(inst.text.trim().replace(/^["']|["']$/g, ''), env)
        const from = workdir ?? (rootImage(stage) === 'scratch' ? '/' : '<base>')
        workdir = normalPath(path.startsWith('/') ? path : `${from}/${path}`)
        line(`${at} WORKDIR ${workdir}`)
      } else if (k === 'CMD' || k === 'ENTRYPOINT' || k === 'HEALTHCHECK' || k === 'SHELL') {
        last[k] = inst.json
          ? JSON.stringify(inst.json.values)
          : inst.text.trim().replace(/\s+/g, ' ')
        if (k === 'SHELL') line(`${at} SHELL ${last[k]}`)
      } else if (k === 'ONBUILD' && inst.trigger?.keyword === 'RUN' && runArgv(doc, inst.trigger)) {
        line(
          `${at} ONBUILD RUN ${inst.trigger.flags
            .map((f) => f.raw)
            .sort()
            .join(' ')}`.trimEnd()
        )
        for (const argv of runArgv(doc, inst.trigger)!)
          out.push({ text: `${at} ONBUILD   ${argv.join(' ')}`, argv })
      } else if (k === 'ONBUILD' && inst.trigger) {
        const t = inst.trigger
        const props = t.properties.map((p) => `${p.name}=${p.value ?? ''}`).join(' ')
        line(`${at} ONBUILD ${t.keyword} ${props || t.text.trim().replace(/\s+/g, ' ')}`)
      } else {
        // ARG, and an ONBUILD without a trigger.
        line(`${at} ${k} ${inst.text.trim().replace(/\s+/g, ' ')}`)
      }
    }
    for (const k of ['ENTRYPOINT', 'CMD', 'HEALTHCHECK'])
      if (k in last) line(`${at} ${k} ${last[k]}`)
    envAtEnd.set(stage, env)
    workdirAtEnd.set(stage, workdir)
  }
  return out
}

const LABEL = '<label>'

/** `/opt/./a/../b/` → `/opt/b`. */
function normalPath(path: string): string {
  const parts: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') parts.pop()
    else parts.push(seg)
  }
  return path.startsWith('<base>') ? parts.join('/') : `/${parts.join('/')}`
}

/** BuildKit reads COPY/ADD words like the shell: quotes go. */
function unquoteWord(word: string): string {
  return /^"(.*)"$|^'(.*)'$/.test(word) ? word.slice(1, -1) : word
}

/** `--from=<Name>` names a stage case-insensitively (or by index); anything else is an image. */
function stageRef(doc: DockerfileDoc, ref: string): string {
  const name = ref.toLowerCase()
  const stage =
    doc.stages.find((s) => s.name === name) ??
    (/^\d+$/.test(ref) ? doc.stages[Number(ref)] : undefined)
  return stage ? `stage:${stage.index}` : ref
}

function rootImage(stage: Stage): string {
  let s = stage
  while (s.parent) s = s.parent
  return s.image.expanded.toLowerCase()
}
const ENV = '<env>'

/**
 * A RUN's argv lists, undefined for exec form. Parsing the shell is the costly part of a
 * signature (the document keeps each RUN's parse, src/parse/shell.ts each text's); a signature is
 * computed again for each safe fix of the file, so the lists are kept per instruction.
 */
const argvOfInstruction = new WeakMap<Instruction, string[][] | undefined>()

function runArgv(doc: DockerfileDoc, inst: Instruction): string[][] | undefined {
  if (inst.json) return undefined
  if (argvOfInstruction.has(inst)) return argvOfInstruction.get(inst)
  const script = doc.shell(inst)
  const argv = script?.commands.filter((c) => c.name !== '').map((c) => c.words.map((w) => w.value))
  argvOfInstruction.set(inst, argv)
  return argv
}

function sameLines(a: SignatureLine[], b: SignatureLine[]): boolean {
  return a.length === b.length && a.every((l, i) => l.text === b[i].text)
}

function withArgv(l: SignatureLine, argv: string[]): SignatureLine {
  const prefix = l.text.slice(0, l.text.indexOf('   ') + 3)
  return { text: `${prefix}${argv.join(' ')}`, argv }
}

function commandIs(argv: string[] | undefined, command: string): argv is string[] {
  return (
    argv !== undefined &&
    argv[0] !== undefined &&
    argv[0].slice(argv[0].lastIndexOf('/') + 1) === command
  )
}

/**
 * Every way the declared effect can account for `after`: `after` with the effect undone (labels
 * are left to the caller, which strips them on both sides).
 */
function undo(after: SignatureLine[], effect: FixEffect, at: number): SignatureLine[][] {
  const replaced = (i: number, argv: string[] | undefined): SignatureLine[] =>
    argv
      ? [...after.slice(0, i), withArgv(after[i], argv), ...after.slice(i + 1)]
      : [...after.slice(0, i), ...after.slice(i + 1)]
  switch (effect.kind) {
    case 'repair':
    case 'metadata':
      return [after]
    case 'each':
      return effect.effects.flatMap((e) => undo(after, e, at))
    case 'set-env':
      return [after.filter((l) => !(l.argv?.[0] === ENV && effect.names.includes(l.argv[1])))]
    case 'add-args':
      return after.flatMap((l, i) => {
        if (i !== at || !commandIs(l.argv, effect.command)) return []
        const argv = [...l.argv]
        for (const a of effect.args) {
          const k = argv.indexOf(a, 1)
          if (k === -1) return []
          argv.splice(k, 1)
        }
        return [replaced(i, argv)]
      })
    case 'append-command':
      return after.flatMap((l, i) =>
        i === at && l.argv && l.argv.join('\0') === effect.argv.join('\0')
          ? [replaced(i, undefined)]
          : []
      )
    case 'replace-words':
      return after.flatMap((l, i) => {
        if (i !== at || !commandIs(l.argv, effect.to[0])) return []
        const argv = [...l.argv]
        let pos = 0
        for (let j = 0; j < effect.from.length; j++) {
          const k = j === 0 ? 0 : argv.indexOf(effect.to[j], pos)
          if (k === -1) return []
          // The command word keeps its path (`/usr/bin/apt-get` ← `/usr/bin/apt`).
          argv[k] =
            j === 0
              ? argv[0].slice(0, argv[0].length - effect.to[0].length) + effect.from[0]
              : effect.from[j]
          pos = k + 1
        }
        const extra = effect.to.slice(effect.from.length)
        if (extra.some((w, j) => argv[pos + j] !== w)) return []
        argv.splice(pos, extra.length)
        return [replaced(i, argv)]
      })
  }
}

function withoutLabels(lines: SignatureLine[]): SignatureLine[] {
  return lines.filter((l) => l.argv?.[0] !== LABEL)
}

/**
 * Does applying a fix change the build only as it declares? `before`/`after` are the documents
 * before and after the fix. Returns the first signature line that differs beyond the declared
 * effect, or undefined when the fix does what it says.
 */
export function undeclaredChange(
  before: DockerfileDoc,
  after: DockerfileDoc,
  effect: FixEffect | undefined
): string | undefined {
  if (effect?.kind === 'repair') return undefined
  return unexplained(signature(before), signature(after), effect)
}

function unexplained(
  b: SignatureLine[],
  a: SignatureLine[],
  effect: FixEffect | undefined
): string | undefined {
  const effects = effect?.kind === 'each' ? effect.effects : effect ? [effect] : []
  const labels = effects.some((e) => e.kind === 'metadata')
  const base = labels ? withoutLabels(b) : b
  let after = labels ? withoutLabels(a) : a
  // Each effect accounts for one place: the first line that still differs, until none is left.
  const pending = [...effects]
  while (pending.length > 0) {
    let at = 0
    while (at < base.length && at < after.length && base[at].text === after[at].text) at++
    if (at === base.length && at === after.length) return undefined
    const k = pending.findIndex((e) => undo(after, e, at).length > 0)
    const candidates = k === -1 ? [] : undo(after, pending[k], at)
    if (candidates.length === 0) return firstDifference(base, after)
    if (candidates.some((c) => sameLines(c, base))) return undefined
    after = candidates[0]
    pending.splice(k, 1)
  }
  return firstDifference(base, after)
}

function firstDifference(a: SignatureLine[], b: SignatureLine[]): string | undefined {
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) {
    if (a[i]?.text !== b[i]?.text)
      return `${a[i]?.text.trim() ?? '(nothing)'} → ${b[i]?.text.trim() ?? '(nothing)'}`
  }
  return undefined
}

/** How many safe fixes the effect check looked at, and which it demoted. */
export interface FixCheck {
  checked: number
  demoted: Finding[]
}

/** Keywords whose instruction shapes the stages, the scope or the shell of the others. */
const STRUCTURAL = new Set(['FROM', 'ARG', 'SHELL', 'ONBUILD'])

/**
 * The document after an edit confined to one instruction, as that instruction re-read alone: the
 * lines it spans, changed, parsed on their own (under the same escape character) and put in its
 * place — the signature of the whole file then needs no parse of the whole file (a file with 50
 * safe fixes was parsed 51 times). Undefined when the edit could reach past the instruction, and
 * the caller parses the whole text: the change spans more than one instruction's lines; the
 * instruction shapes the others (FROM, ARG, SHELL, ONBUILD) or has heredocs; the new text has a
 * heredoc marker, ends in a line continuation (or a blank or comment line), or does not read as
 * one instruction that shapes no other (a keyword may change: ADD → COPY, MAINTAINER → LABEL).
 */
export function swapIn(doc: DockerfileDoc, fix: Fix, text: string): Swap | undefined {
  const before = doc.text
  // The changed stretch: from the first edit's start to the last edit's end (`text` is `before`
  // with the fix applied, so everything outside it is unchanged).
  if (fix.edits.length === 0) return
  let head = before.length
  let end = 0
  for (const e of fix.edits) {
    head = Math.min(head, doc.lines.offset(e.range.start))
    end = Math.max(end, doc.lines.offset(e.range.end))
  }
  const tail = before.length - end
  const old = doc.instructions.find((i) => i.start <= head && before.length - tail <= i.end)
  if (!old || STRUCTURAL.has(old.keyword) || old.heredocs.length > 0 || old.trigger) return
  const from = before.lastIndexOf('\n', old.start - 1) + 1
  const nl = before.indexOf('\n', old.end)
  const to = (nl === -1 ? before.length : nl + 1) + text.length - before.length
  if (head < from || to < text.length - tail) return
  const lines = text.slice(from, to)
  // The instruction must end where the lines end: a last line that continues (or is blank or a
  // comment, which a continuation skips) would take in the lines after it.
  const last = lines
    .replace(/\r?\n$/, '')
    .split('\n')
    .pop()!
    .trimEnd()
  if (lines.includes('<<') || last === '' || last.trimStart().startsWith('#')) return
  if (last.endsWith(doc.escape)) return
  const header = doc.escape === '\\' ? '' : `# escape=${doc.escape}\n`
  const alone = parseDockerfileSyntax(doc.path, header + lines).instructions
  if (alone.length !== 1 || STRUCTURAL.has(alone[0].keyword) || alone[0].heredocs.length > 0) return
  // A fresh instruction of a throwaway parse: it takes the place (stage, index) of the old one.
  const next = alone[0] as Instruction
  next.stage = old.stage
  next.index = old.index
  return { old, next }
}

/**
 * Does a safe fix change the build only as it declares? The reason it does not, or undefined. By
 * default the edited instruction alone is re-read when that is enough (`swapIn`); `whole` parses
 * the whole fixed text (the reference the shortcut is tested against).
 */
export function fixVerdict(doc: DockerfileDoc, fix: Fix, whole = false): string | undefined {
  const applied = applyFixes(doc.text, [fix])
  if (applied.applied.length !== 1) return 'the edits overlap'
  if (fix.effect?.kind === 'repair') return undefined
  const swap = whole ? undefined : swapIn(doc, fix, applied.text)
  if (!swap) return undeclaredChange(doc, parseDockerfile(doc.path, applied.text), fix.effect)
  return unexplained(signature(doc), swapSignature(doc, swap), fix.effect)
}

/**
 * The effect check: every safe fix of a Dockerfile is applied on its own and the effect model
 * before and after compared; a fix whose real effect differs from the one it declares is demoted
 * to unsafe, its description saying why in one line. Returns the findings (new objects for the
 * demoted ones) and the tally.
 */
export function checkSafeFixes(
  doc: DockerfileDoc,
  findings: Finding[]
): { findings: Finding[]; check: FixCheck } {
  const check: FixCheck = { checked: 0, demoted: [] }
  const verdicts = new Map<Fix, string | undefined>()
  const counted = new Set<Fix>()
  const out = findings.map((f) => {
    const fix = f.fix
    if (!fix?.safe) return f
    let reason = verdicts.get(fix)
    if (!counted.has(fix)) {
      counted.add(fix)
      check.checked++
    }
    if (!verdicts.has(fix)) {
      reason = fixVerdict(doc, fix)
      verdicts.set(fix, reason)
    }
    if (reason === undefined) return f
    const demoted: Finding = {
      ...f,
      fix: {
        ...fix,
        safe: false,
        description: `${fix.description} Unsafe: it changes more than it declares (${reason}).`
      }
    }
    check.demoted.push(demoted)
    return demoted
  })
  return { findings: out, check }
}
