import type { ComposeDoc } from '../parse/compose.js'
import { hasVariable, splitOutsideVariables } from './interpolation.js'
import { get, getIn, str, valSpan, type Entry, type Val } from './model.js'
import { parseLongPort, parseShortPort, type PortSpec } from './ports.js'

/** Readers for the parts of a service definition that several rules need, each item located. */

export interface Located {
  doc: ComposeDoc
  start: number
  end: number
}

export interface NamedRef extends Located {
  name: string
}

function locVal(val: Val): Located {
  const [start, end] = valSpan(val)
  return { doc: val.doc, start, end }
}

export function locKey(entry: Entry): Located {
  const r = entry.keyNode.range ?? [0, 0]
  return { doc: entry.doc, start: r[0], end: r[1] }
}

export interface Dependency extends NamedRef {
  form: 'short' | 'long'
  condition?: string
  required: boolean
  /** The list item (short form) or the entry (long form). */
  item?: Val
  entry?: Entry
}

/** Memoise a reader per service value (rules and projects ask for the same parts repeatedly). */
function memo<T>(fn: (svc: Val) => T): (svc: Val) => T {
  const cache = new WeakMap<Val, T>()
  return (svc) => {
    let v = cache.get(svc)
    if (v === undefined) {
      v = fn(svc)
      cache.set(svc, v)
    }
    return v
  }
}

/** `depends_on`, short (`[a, b]`) or long (`{a: {condition: …}}`) form. */
export const dependencies = memo(readDependencies)

function readDependencies(svc: Val): Dependency[] {
  const deps = get(svc, 'depends_on')
  if (!deps) return []
  if (deps.kind === 'seq') {
    return deps.items.flatMap((item) => {
      const name = str(item)
      return name === undefined
        ? []
        : [{ name, form: 'short' as const, required: true, item, ...locVal(item) }]
    })
  }
  if (deps.kind !== 'map') return []
  return [...deps.entries.values()].map((entry) => {
    // A short-form list merged as a map (override layers) keeps its items as values.
    const long = entry.value.kind === 'map'
    const condition = long ? str(get(entry.value, 'condition')) : undefined
    const required = !long || str(get(entry.value, 'required')) !== 'false'
    return {
      name: entry.key,
      form: long ? ('long' as const) : ('short' as const),
      condition,
      required,
      entry,
      item: long ? undefined : entry.value,
      ...locKey(entry)
    }
  })
}

/** Names in a list-or-map value (`networks`, `models`): list items or map keys. */
export function namesOf(val: Val | undefined): NamedRef[] {
  if (!val) return []
  if (val.kind === 'seq')
    return val.items.flatMap((item) => {
      const name = str(item)
      return name === undefined ? [] : [{ name, ...locVal(item) }]
    })
  if (val.kind === 'map')
    return [...val.entries.values()].map((e) => ({ name: e.key, ...locKey(e) }))
  return []
}

export interface Mount {
  type: string
  /** Named volume, host path, or undefined (anonymous volume / unknown). */
  source?: string
  target?: string
  readOnly: boolean
  val: Val
}

const WINDOWS_PATH = /^[A-Za-z]:[\\/]/

/** Is a short-syntax volume source a host path (rather than a named volume)? */
export function isHostPath(source: string): boolean {
  return /^[./~$\\]/.test(source) || WINDOWS_PATH.test(source) || source.includes('/')
}

/** Service `volumes:` entries, short or long syntax. */
export const mounts = memo(readMounts)

function readMounts(svc: Val): Mount[] {
  const vols = get(svc, 'volumes')
  if (vols?.kind !== 'seq') return []
  const out: Mount[] = []
  for (const item of vols.items) {
    if (item.kind === 'map') {
      const type = str(get(item, 'type')) ?? 'volume'
      out.push({
        type,
        source: str(get(item, 'source')),
        target: str(get(item, 'target')),
        readOnly: str(get(item, 'read_only')) === 'true',
        val: item
      })
      continue
    }
    const text = str(item)
    if (text === undefined) continue
    let rest = text
    let drive = ''
    if (WINDOWS_PATH.test(rest)) {
      drive = rest.slice(0, 2)
      rest = rest.slice(2)
    }
    const parts = splitOutsideVariables(rest, ':')
    if (parts.length === 1) {
      out.push({ type: 'volume', target: drive + parts[0], readOnly: false, val: item })
      continue
    }
    const source = drive + parts[0]
    const mode = parts.slice(2).join(':')
    out.push({
      type: isHostPath(source) ? 'bind' : 'volume',
      source,
      target: parts[1],
      readOnly: /(^|,)ro(,|$)/.test(mode),
      val: item
    })
  }
  return out
}

export interface Port {
  spec: PortSpec
  val: Val
}

/** Service `ports:` entries, parsed. */
export const ports = memo(readPorts)

function readPorts(svc: Val): Port[] {
  const list = get(svc, 'ports')
  if (list?.kind !== 'seq') return []
  const out: Port[] = []
  for (const item of list.items) {
    if (item.kind === 'map') {
      out.push({
        spec: parseLongPort({
          target: str(get(item, 'target')),
          published: str(get(item, 'published')),
          host_ip: str(get(item, 'host_ip')),
          protocol: str(get(item, 'protocol'))
        }),
        val: item
      })
    } else {
      const text = str(item)
      if (text !== undefined) out.push({ spec: parseShortPort(text), val: item })
    }
  }
  return out
}

/** `profiles:` names (empty = always active). */
export function profiles(svc: Val): string[] {
  const p = get(svc, 'profiles')
  if (p?.kind !== 'seq') return []
  return p.items.map((i) => str(i)).filter((s): s is string => s !== undefined)
}

/** Declared replica count (`deploy.replicas` or `scale`); undefined when unset or a variable. */
export function replicas(svc: Val): { count: number; val: Val } | undefined {
  for (const path of [['deploy', 'replicas'], ['scale']]) {
    const v = getIn(svc, path)
    const t = str(v)
    if (v && t !== undefined && !hasVariable(t) && /^\d+$/.test(t))
      return { count: Number(t), val: v }
  }
  return undefined
}

/** Does the service define a healthcheck that is not disabled? */
export function hasHealthcheck(svc: Val): boolean {
  const hc = get(svc, 'healthcheck')
  if (!hc || hc.kind !== 'map') return false
  if (str(get(hc, 'disable')) === 'true') return false
  const test = get(hc, 'test')
  if (test?.kind === 'seq' && str(test.items[0]) === 'NONE') return false
  if (test?.kind === 'scalar' && str(test) === 'NONE') return false
  // A block without `test` tunes the image's own HEALTHCHECK: still a healthcheck.
  return true
}

/** The text of `command`/`entrypoint` (a list joined with spaces). */
export function commandText(val: Val | undefined): string | undefined {
  if (!val) return undefined
  if (val.kind === 'seq') return val.items.map((i) => str(i) ?? '').join(' ')
  return str(val)
}

/** A port entry as people read it: `'8080:80'`, or `published:target` for the long syntax. */
export function portLabel(val: Val): string {
  if (val.kind === 'map') {
    const published = str(get(val, 'published'))
    const target = str(get(val, 'target')) ?? '?'
    const ip = str(get(val, 'host_ip'))
    return `'${ip ? `${ip}:` : ''}${published ?? ''}${published !== undefined ? ':' : ''}${target}'`
  }
  return `'${str(val) ?? ''}'`
}
