import { fileModel, isLoadable } from '../../compose/file.js'
import { hasVariable } from '../../compose/interpolation.js'
import { get, str, subSpan, valSpan, type Val } from '../../compose/model.js'
import { extendsTarget, ownServices, projectOf, type Project } from '../../compose/project.js'
import {
  dependencies,
  locKey,
  mounts,
  namesOf,
  type Located,
  type NamedRef
} from '../../compose/service.js'
import { defineComposeRule } from '../define.js'
import { atSpan } from './lib/report.js'
import type { RuleContext } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'

/**
 * References Compose resolves when it loads the project: services in `depends_on`, `links`,
 * `extends`, `network_mode`/`ipc`/`pid: service:x`, `volumes_from`; top-level networks, volumes,
 * secrets, configs and models; plus `depends_on` cycles and services with nothing to run.
 * Checked on the merged project (overrides, includes, extends), and only when the project is
 * complete: an override linted without its base has no way to know what the base defines.
 */
export const DC0003 = defineComposeRule({
  id: 'DC0003',
  severity: 'error',
  description:
    'A reference to an undefined service, network, volume, secret, config or model, a depends_on cycle, or a service with neither image nor build.',
  check(doc, ctx) {
    if (!isLoadable(doc) || fileModel(doc).services.size === 0) return
    const project = projectOf(doc, ctx.workspace)
    checkCycles(doc, ctx, project)
    if (!project.complete) return
    const legacy = project.layers.some((l) => l.layout === 'legacy')
    for (const svc of ownServices(project, doc)) {
      const s = svc.value
      const undefinedService = (ref: NamedRef, via: string): void => {
        if (
          hasVariable(ref.name) ||
          project.services.has(ref.name) ||
          project.elsewhere.services.has(ref.name)
        )
          return
        ctx.report({
          ...atSpan(doc, ref.doc, ref.start, ref.end),
          message: `${via} of service '${svc.name}' names '${ref.name}', which is not a service of this project.`
        })
      }
      for (const dep of dependencies(s)) {
        if (dep.required) undefinedService(dep, 'depends_on')
      }
      const links = get(s, 'links')
      for (const link of links?.kind === 'seq' ? links.items : []) {
        const text = str(link)
        if (text !== undefined) undefinedService(part(link, text, text.split(':')[0]), 'links')
      }
      for (const key of ['network_mode', 'ipc', 'pid']) {
        const v = get(s, key)
        const t = str(v)
        if (v && t?.startsWith('service:')) undefinedService({ ...loc(v), name: t.slice(8) }, key)
      }
      for (const from of namesOf(get(s, 'volumes_from'))) {
        if (!from.name.startsWith('container:'))
          undefinedService({ ...from, name: from.name.split(':')[0] }, 'volumes_from')
      }
      const ext = get(s, 'extends')
      const target = extendsTarget(ext)
      if (ext && target && !target.file) {
        const where = ext.kind === 'map' ? (get(ext, 'service') ?? ext) : ext
        undefinedService({ ...loc(where), name: target.service }, 'extends')
      }
      if (!hasRunnable(s, svc.name, project)) {
        const first = svc.layers[0]
        const at = locKey(first)
        ctx.report({
          ...atSpan(doc, at.doc, at.start, at.end),
          message: `Service '${svc.name}' has neither image nor build: Compose cannot create it.`
        })
      }
      if (legacy) continue
      const resource = (kind: string, ref: NamedRef, via: string): void => {
        if (
          hasVariable(ref.name) ||
          project.resources.get(kind)!.has(ref.name) ||
          project.elsewhere.resources.has(`${kind}:${ref.name}`)
        )
          return
        if (kind === 'networks' && ref.name === 'default') return
        ctx.report({
          ...atSpan(doc, ref.doc, ref.start, ref.end),
          message: `${via} of service '${svc.name}' uses ${kind.slice(0, -1)} '${ref.name}', which is not declared under top-level '${kind}:'.`
        })
      }
      if (!get(s, 'network_mode')) {
        for (const net of namesOf(get(s, 'networks'))) resource('networks', net, 'networks')
      }
      for (const m of mounts(s)) {
        if (m.type !== 'volume' || !m.source) continue
        const ref =
          m.val.kind === 'map'
            ? { name: m.source, ...loc(get(m.val, 'source') ?? m.val) }
            : part(m.val, str(m.val) ?? '', m.source)
        resource('volumes', ref, 'volumes')
      }
      for (const kind of ['secrets', 'configs']) {
        for (const ref of sources(get(s, kind))) resource(kind, ref, kind)
      }
      for (const ref of sources(get(get(s, 'build'), 'secrets')))
        resource('secrets', ref, 'build.secrets')
      for (const ref of namesOf(get(s, 'models'))) resource('models', ref, 'models')
    }
  }
})

function loc(val: Val): Located {
  const [start, end] = valSpan(val)
  return { doc: val.doc, start, end }
}

/** A reference that is the leading `name` of a scalar like `name:rest` (located on the name only). */
function part(val: Val, text: string, name: string): NamedRef {
  const [start, end] = subSpan(val, text, 0, name.length)
  return { name, doc: val.doc, start, end }
}

/** `secrets:`/`configs:` items: `name` or `{source: name, target: …}`. */
function sources(val: Val | undefined): NamedRef[] {
  if (val?.kind !== 'seq') return []
  return val.items.flatMap((item) => {
    const holder = item.kind === 'map' ? get(item, 'source') : item
    const name = str(holder)
    return holder && name !== undefined ? [{ name, ...loc(holder) }] : []
  })
}

function hasRunnable(s: Val, name: string, project: Project): boolean {
  if (['image', 'build', 'provider'].some((k) => get(s, k) !== undefined)) return true
  const target = extendsTarget(get(s, 'extends'))
  // An extends that could not be resolved (file outside the workspace) may supply the image.
  return (
    target !== undefined &&
    (target.file !== undefined || !project.services.has(target.service) || target.service === name)
  )
}

/** Names a cycle message spells out at most; a longer cycle shows its ends around a count. */
const CYCLE_NAMES = 12

/** The cycle `path[from…]` back to `path[from]`, spelled out (its ends only when it is long). */
function spell(path: string[], from: number): string {
  const length = path.length - from + 1
  const at = (k: number): string => (k === length - 1 ? path[from] : path[from + k])
  const names = (s: number, e: number): string =>
    Array.from({ length: e - s }, (_, k) => at(s + k)).join(' -> ')
  if (length <= CYCLE_NAMES) return names(0, length)
  const half = CYCLE_NAMES / 2
  return `${names(0, half)} -> … (${length - CYCLE_NAMES} more) … -> ${names(length - half, length)}`
}

/**
 * Report each `depends_on` edge that closes a cycle, at that edge, with the cycle spelled out.
 * A depth-first search with an explicit stack (a chain of 100,000 services is as deep as it gets,
 * far beyond the call stack), linear in services and edges.
 */
function checkCycles(doc: ComposeDoc, ctx: RuleContext, project: Project): void {
  const state = new Map<string, 1 | 2>()
  /** The path from the root: service names, and where each one stands in it. */
  const path: string[] = []
  const onPath = new Map<string, number>()
  interface Frame {
    deps: ReturnType<typeof dependencies>
    next: number
  }
  const frames: Frame[] = []
  const enter = (name: string): void => {
    state.set(name, 1)
    onPath.set(name, path.length)
    path.push(name)
    const svc = project.services.get(name)
    frames.push({ deps: svc ? dependencies(svc.value) : [], next: 0 })
  }
  for (const root of project.services.keys()) {
    if (state.has(root)) continue
    enter(root)
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]
      if (frame.next === frame.deps.length) {
        frames.pop()
        const name = path.pop()!
        onPath.delete(name)
        state.set(name, 2)
        continue
      }
      const dep = frame.deps[frame.next++]
      if (!project.services.has(dep.name)) continue
      const s = state.get(dep.name)
      if (s === 1) {
        ctx.report({
          ...atSpan(doc, dep.doc, dep.start, dep.end),
          message: `Dependency cycle: ${spell(path, onPath.get(dep.name)!)}. Compose refuses to start the project.`
        })
      } else if (s === undefined) enter(dep.name)
    }
  }
}
