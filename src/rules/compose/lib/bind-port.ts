import { isScalar } from 'yaml'
import { columnOf, insertLinesAfter, replaceScalar, spliceable } from '../../../compose/edits.js'
import { contentEnd, get, type Val } from '../../../compose/model.js'
import type { Fix } from '../../../core/types.js'
import type { ComposeDoc } from '../../../parse/compose.js'

/**
 * The edit that binds a published port to `ip`: short syntax gets the `IP:` prefix (`IP::target`
 * for a container-only port, which Docker would otherwise publish on a random port of every
 * interface), an explicit all-interfaces IP is replaced, and long syntax gets a `host_ip:` line
 * (or its value replaced). Undefined when the text cannot be edited in place.
 */
export function bindPortFix(
  doc: ComposeDoc,
  val: Val,
  ip: string,
  currentIp: string,
  ephemeral: boolean,
  description: string
): Fix | undefined {
  if (val.doc !== doc) return undefined
  if (val.kind === 'scalar') {
    const node = val.node
    if (!isScalar(node) || (typeof node.value === 'string' && !spliceable(doc, node)))
      return undefined
    const text = String(node.value)
    let next: string
    if (currentIp === '') next = ephemeral ? `${ip}::${text}` : `${ip}:${text}`
    else next = [ip, ...text.split(':').slice(-2)].join(':')
    const style = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN'
    const edit = replaceScalar(doc, node, next, style)
    return edit ? { description, safe: false, edits: [edit] } : undefined
  }
  if (val.kind !== 'map' || val.node.flow) return undefined
  const hostIp = get(val, 'host_ip')
  if (hostIp) {
    if (hostIp.kind !== 'scalar' || !isScalar(hostIp.node) || hostIp.doc !== doc) return undefined
    const edit = replaceScalar(doc, hostIp.node, ip)
    return edit ? { description, safe: false, edits: [edit] } : undefined
  }
  const first = [...val.entries.values()][0]
  if (!first || first.doc !== doc || first.merged || !first.keyNode.range) return undefined
  const column = columnOf(doc, first.keyNode.range[0])
  return {
    description,
    safe: false,
    edits: [insertLinesAfter(doc, contentEnd(val.node), [`${' '.repeat(column)}host_ip: ${ip}`])]
  }
}
