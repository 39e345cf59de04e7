import { isScalar } from 'yaml'
import { closest } from '../core/similar.js'
import type { FileModel } from './file.js'
import { hasVariable, scanVariables } from './interpolation.js'
import { get, getIn, str, valSpan, type Entry, type Val } from './model.js'
import { exposeError, parseLongPort, parseShortPort } from './ports.js'
import { dotted, type SchemaProblem } from './schema.js'

/**
 * What the schema cannot see but Compose rejects when it loads the file: restart policies,
 * durations, byte sizes, port strings, healthcheck test forms and interpolation syntax.
 * Values holding variables are not judged (only their `${…}` syntax is).
 */

export const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped']
const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/
const BYTES = /^\d+(?:\.\d+)* ?[kKmMgGtTpP]?[iI]?[bB]?$/

const SERVICE_DURATIONS = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor']
]
const SERVICE_BYTES = [
  ['mem_limit'],
  ['memswap_limit'],
  ['mem_reservation'],
  ['shm_size'],
  ['build', 'shm_size'],
  ['deploy', 'resources', 'limits', 'memory'],
  ['deploy', 'resources', 'reservations', 'memory']
]

export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text)
}

export function valueProblems(model: FileModel): SchemaProblem[] {
  const out: SchemaProblem[] = []
  const seen = new Set<Val>()
  const add = (val: Val, message: string, rename?: string): void => {
    if (seen.has(val)) return
    seen.add(val)
    const [start, end] = valSpan(val)
    out.push({
      doc: val.doc,
      start,
      end,
      message,
      rename: rename && isScalar(val.node) ? { node: val.node, to: rename } : undefined
    })
  }
  const text = (val: Val | undefined): string | undefined => {
    const t = str(val)
    return t === undefined || hasVariable(t) ? undefined : t
  }
  for (const [name, entry] of model.services) {
    const svc = entry.value
    if (svc.kind !== 'map') continue
    const path = ['services', name]
    const restart = get(svc, 'restart')
    const policy = text(restart)
    if (restart && policy !== undefined && !isRestartPolicy(policy)) {
      const hint = closest(policy, RESTART_POLICIES)
      add(
        restart,
        `${dotted([...path, 'restart'])} '${policy}' is not a restart policy (no, always, on-failure[:max-retries], unless-stopped)${hint ? `; did you mean '${hint}'?` : ''}.`,
        hint
      )
    }
    for (const p of SERVICE_DURATIONS) {
      const v = getIn(svc, p)
      const t = text(v)
      if (
        v &&
        t !== undefined &&
        typeof (v as { value?: unknown }).value === 'string' &&
        !isDuration(t)
      )
        add(v, `${dotted([...path, ...p])} '${t}' is not a duration (e.g. 30s, 1m30s, 500ms).`)
    }
    for (const p of SERVICE_BYTES) {
      const v = getIn(svc, p)
      const t = text(v)
      if (v && t !== undefined && !BYTES.test(t) && !(p[0] === 'memswap_limit' && t === '-1'))
        add(v, `${dotted([...path, ...p])} '${t}' is not a byte size (e.g. 512m, 1g, 1024k).`)
    }
    checkPorts(svc, path, add)
    const expose = get(svc, 'expose')
    if (expose?.kind === 'seq') {
      expose.items.forEach((item, i) => {
        const t = text(item)
        const error = t === undefined ? undefined : exposeError(t)
        if (error) add(item, `${dotted([...path, 'expose', i])}: ${error}.`)
      })
    }
    const test = getIn(svc, ['healthcheck', 'test'])
    if (test?.kind === 'seq' && test.items.length > 0) {
      const first = test.items[0]
      const t = text(first)
      if (t !== undefined && !['CMD', 'CMD-SHELL', 'NONE'].includes(t)) {
        add(
          first,
          `${dotted([...path, 'healthcheck', 'test', 0])} must be CMD, CMD-SHELL or NONE (got '${t}'); Compose rejects the healthcheck.`,
          closest(t, ['CMD', 'CMD-SHELL', 'NONE'], 2)
        )
      }
    }
  }
  if (model.root) checkInterpolation(model.root, add)
  return out
}

export function isRestartPolicy(text: string): boolean {
  return /^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(text)
}

function checkPorts(
  svc: Val,
  path: (string | number)[],
  add: (val: Val, message: string) => void
): void {
  const ports = get(svc, 'ports')
  if (ports?.kind !== 'seq') return
  ports.items.forEach((item, i) => {
    const where = (): string => dotted([...path, 'ports', i])
    if (item.kind === 'scalar') {
      const t = str(item)
      if (t === undefined) return
      const spec = parseShortPort(t)
      if (spec.error) add(item, `${where()} '${t}' is not a valid port mapping: ${spec.error}.`)
      return
    }
    if (item.kind !== 'map') return
    const spec = parseLongPort({
      target: str(get(item, 'target')),
      published: str(get(item, 'published')),
      host_ip: str(get(item, 'host_ip')),
      protocol: str(get(item, 'protocol'))
    })
    if (!spec.error) return
    const culprit =
      ['host_ip', 'published', 'target', 'protocol']
        .map((k) => get(item, k))
        .find((v) => v && spec.error!.includes(String(str(v)))) ?? item
    add(culprit, `${where()}: ${spec.error}.`)
  })
}

/** Every string value (keys excluded; Compose does not interpolate keys) must be well-formed. */
function checkInterpolation(root: Val, add: (val: Val, message: string) => void): void {
  const visited = new Set<Val>()
  const walk = (val: Val): void => {
    if (visited.has(val)) return
    visited.add(val)
    if (val.kind === 'scalar') {
      if (typeof val.value === 'string' && val.value.includes('${')) {
        const { error } = scanVariables(val.value)
        if (error) add(val, `Invalid interpolation: ${error.message}.`)
      }
    } else if (val.kind === 'seq') val.items.forEach(walk)
    else for (const e of val.entries.values() as Iterable<Entry>) walk(e.value)
  }
  walk(root)
}
