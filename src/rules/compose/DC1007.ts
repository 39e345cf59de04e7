import { lineStart } from '../../compose/edits.js'
import { expandedSize, toJS, valSpan, type Entry } from '../../compose/model.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { atKey } from './lib/report.js'
import { localServices } from './lib/services.js'

/** Service keys whose blocks are worth sharing through an `x-` anchor when repeated. */
const SHAREABLE = new Set([
  'environment',
  'env_file',
  'logging',
  'healthcheck',
  'deploy',
  'labels',
  'ulimits',
  'build',
  'extra_hosts',
  'sysctls',
  'security_opt',
  'cap_add',
  'cap_drop',
  'volumes',
  'tmpfs',
  'dns'
])
/** A block with fewer values (`networks: [a, b]`, two variables) is not worth an anchor. */
const MIN_NODES = 4
const MAX_SKETCH_LINES = 8

/**
 * The same block (environment, logging, healthcheck, deploy, …) copied verbatim into several
 * services: one edit then has to be made in several places. Reported once per block, at its first
 * copy, with the `x-` anchor refactor spelled out. Blocks already shared through an alias or a
 * `<<:` merge are not copies.
 */
export const DC1007 = defineComposeRule({
  id: 'DC1007',
  severity: 'info',
  description:
    'The same block is copied into several services; define it once as an x- anchor and reuse it.',
  check(doc, ctx) {
    const groups = new Map<string, { service: string; entry: Entry }[]>()
    // Nodes already in a group (an alias repeats a node; it is one block, not a copy).
    const grouped = new Set<unknown>()
    for (const svc of localServices(doc)) {
      for (const [key, entry] of svc.value.entries) {
        if (!SHAREABLE.has(key) || entry.merged || entry.doc !== doc) continue
        const value = entry.value
        if (value.kind === 'scalar' || value.doc !== doc) continue
        if (expandedSize(value) < MIN_NODES) continue
        const canonical = `${key}\u0000${JSON.stringify(toJS(value))}`
        const list = groups.get(canonical) ?? []
        if (!grouped.has(value.node)) {
          grouped.add(value.node)
          list.push({ service: svc.name, entry })
        }
        groups.set(canonical, list)
      }
    }
    for (const copies of groups.values()) {
      if (copies.length < 2) continue
      const [first, ...rest] = copies
      const key = first.entry.key
      const anchor = `${key.replace(/_/g, '-')}`
      const block = blockLines(doc, first.entry)
      const sketch = [
        typeof block === 'string' ? `x-${anchor}: &${anchor} ${block}` : `x-${anchor}: &${anchor}`,
        ...(typeof block === 'string' ? [] : block),
        'services:',
        `  ${first.service}:`,
        `    ${key}: *${anchor}`
      ].join('\n')
      ctx.report({
        ...atKey(doc, first.entry),
        message: `The '${key}' block of '${first.service}' is repeated verbatim in ${rest.map((r) => `'${r.service}'`).join(', ')}. Define it once and reuse it:\n${sketch}`
      })
    }
  }
})

/** The block's source lines re-indented by two spaces, or the inline (flow) text as written. */
function blockLines(doc: ComposeDoc, entry: Entry): string[] | string {
  const [start, end] = valSpan(entry.value)
  const from = lineStart(doc, start)
  if (doc.text.slice(from, start).trim() !== '') {
    // Flow or same-line value: keep it as written.
    return doc.text.slice(start, end).replace(/\r?\n\s*/g, ' ')
  }
  const lines = doc.text.slice(from, end).replace(/\r/g, '').split('\n')
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length))
  const out = lines.map((l) => `  ${l.slice(indent)}`)
  return out.length > MAX_SKETCH_LINES ? [...out.slice(0, MAX_SKETCH_LINES), '  …'] : out
}
