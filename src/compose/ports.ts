import { hasVariable, maskVariables } from './interpolation.js'

/**
 * Port mappings as Docker reads them: short syntax `[[IP:][HOST]:]CONTAINER[/PROTOCOL]` (ranges
 * `a-b`, IPv6 in brackets) and long syntax `{target, published, host_ip, protocol, mode}`.
 * Parts holding variables are "unknown": never a conflict, never invalid.
 */

export interface PortRange {
  start: number
  end: number
}

export interface PortSpec {
  /** Host IP as written (brackets removed), '' when absent; undefined when it holds a variable. */
  hostIp: string | undefined
  /** Published host ports; null = not published on a fixed port (ephemeral); undefined = unknown. */
  published: PortRange | null | undefined
  /** Container ports; undefined = unknown. */
  target: PortRange | undefined
  protocol: string
  /** Why Docker would reject it (undefined when valid or unknown). */
  error?: string
}

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp'])
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const MASK = '\u0000'

export function isIp(text: string): boolean {
  if (IPV4.test(text)) return true
  return isIpv6(text)
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || !text.includes(':') || text.includes(':::')) return false
  if (
    (text.startsWith(':') && !text.startsWith('::')) ||
    (text.endsWith(':') && !text.endsWith('::'))
  )
    return false
  const doubles = text.split('::').length - 1
  if (doubles > 1) return false
  const groups = text.split(':').filter((g) => g !== '')
  const lastV4 = groups.length > 0 && groups[groups.length - 1].includes('.')
  if (lastV4 && !IPV4.test(groups[groups.length - 1])) return false
  const hexGroups = lastV4 ? groups.slice(0, -1) : groups
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false
  const count = hexGroups.length + (lastV4 ? 2 : 0)
  return doubles === 1 ? count <= 7 : count === 8
}

/** `0.0.0.0`, `::`, `[::]` and '' (absent) all mean every interface. */
export function isAllInterfaces(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::' || ip === '*'
}

function parseRange(text: string, what: string): PortRange | string {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text)
  if (!m) return `invalid ${what} port '${text}'`
  const start = Number(m[1])
  const end = m[2] === undefined ? start : Number(m[2])
  if (start > 65535 || end > 65535) return `${what} port '${text}' is out of range (0-65535)`
  if (end < start) return `invalid ${what} port range '${text}'`
  return { start, end }
}

/** Short syntax (`"8080:80"`, `"127.0.0.1:8080:80/udp"`, `80`). */
export function parseShortPort(value: string | number): PortSpec {
  const raw = String(value).trim()
  const masked = maskVariables(raw, MASK)
  let protocol = 'tcp'
  let body = masked
  const slash = masked.lastIndexOf('/')
  if (slash !== -1) {
    protocol = masked.slice(slash + 1).toLowerCase()
    body = masked.slice(0, slash)
  }
  const spec: PortSpec = { hostIp: '', published: null, target: undefined, protocol }
  if (!protocol.includes(MASK) && !PROTOCOLS.has(protocol)) {
    spec.error = `invalid protocol '${protocol}' (tcp, udp or sctp)`
  }
  const parts = body.split(':')
  const n = parts.length
  const targetText = parts[n - 1]
  const publishedText = n >= 2 ? parts[n - 2] : undefined
  let ipText = n >= 3 ? parts.slice(0, n - 2).join(':') : ''
  if (ipText.startsWith('[') && ipText.endsWith(']')) ipText = ipText.slice(1, -1)
  if (ipText.includes(MASK)) spec.hostIp = undefined
  else {
    spec.hostIp = ipText
    if (ipText !== '' && !isIp(ipText) && !spec.error)
      spec.error = `invalid host IP '${ipText}' in port mapping '${raw}'`
  }
  if (targetText.includes(MASK)) spec.target = undefined
  else {
    const r = parseRange(targetText, 'container')
    if (typeof r === 'string') spec.error ??= r
    else spec.target = r
  }
  if (publishedText === undefined || publishedText === '') spec.published = null
  else if (publishedText.includes(MASK)) spec.published = undefined
  else {
    const r = parseRange(publishedText, 'host')
    if (typeof r === 'string') {
      spec.error ??= r
      spec.published = undefined
    } else spec.published = r
  }
  if (
    !spec.error &&
    spec.published &&
    spec.target &&
    spec.published.end - spec.published.start !== spec.target.end - spec.target.start &&
    spec.published.end !== spec.published.start &&
    spec.target.end !== spec.target.start
  ) {
    spec.error = `host and container port ranges of '${raw}' differ in length`
  }
  return spec
}

/** Long syntax (`{target: 80, published: "8080", host_ip: 127.0.0.1, protocol: tcp}`). */
export function parseLongPort(map: {
  target?: unknown
  published?: unknown
  host_ip?: unknown
  protocol?: unknown
}): PortSpec {
  const spec: PortSpec = { hostIp: '', published: null, target: undefined, protocol: 'tcp' }
  const text = (v: unknown): string | undefined =>
    v === undefined || v === null ? undefined : String(v)
  const target = text(map.target)
  if (target !== undefined && !hasVariable(target)) {
    const r = parseRange(target, 'container')
    if (typeof r === 'string') spec.error = r
    else spec.target = r
  }
  const published = text(map.published)
  if (published !== undefined && published !== '') {
    if (hasVariable(published)) spec.published = undefined
    else {
      const r = parseRange(published, 'host')
      if (typeof r === 'string') {
        spec.error ??= r
        spec.published = undefined
      } else spec.published = r
    }
  }
  const ip = text(map.host_ip)
  if (ip !== undefined) {
    if (hasVariable(ip)) spec.hostIp = undefined
    else {
      spec.hostIp = ip.replace(/^\[(.*)\]$/, '$1')
      if (spec.hostIp !== '' && !isIp(spec.hostIp)) spec.error ??= `invalid host_ip '${ip}'`
    }
  }
  const protocol = text(map.protocol)
  if (protocol !== undefined && !hasVariable(protocol)) {
    spec.protocol = protocol.toLowerCase()
    if (!PROTOCOLS.has(spec.protocol)) spec.error ??= `invalid protocol '${protocol}'`
  }
  return spec
}

/** `expose` entries: `"3000"`, `"3000-3005"`, `"3000/udp"`. */
export function exposeError(value: string | number): string | undefined {
  const raw = String(value).trim()
  if (hasVariable(raw)) return undefined
  const m = /^([^/]+)(?:\/(.*))?$/.exec(raw)
  if (!m) return `invalid exposed port '${raw}'`
  if (m[2] !== undefined && !PROTOCOLS.has(m[2].toLowerCase()))
    return `invalid protocol '${m[2]}' (tcp, udp or sctp)`
  const r = parseRange(m[1], 'exposed')
  return typeof r === 'string' ? r : undefined
}
