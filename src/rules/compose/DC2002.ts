import { isMap, isScalar, type Scalar } from 'yaml'
import { isPlainSafe, replaceEdit } from '../../compose/edits.js'
import type { Fix } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { rawGet, rawSeq, rawServices } from './lib/raw.js'

/**
 * DCLint's no-quotes-in-volumes (style, off by default): quoted volume entries, and (as DCLint v4)
 * quoted `source`, `target` and `volume.subpath` in the long syntax. The fix drops the quotes when
 * the value reads the same unquoted.
 */
export const DC2002 = defineComposeRule({
  id: 'DC2002',
  aliases: ['no-quotes-in-volumes'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description: 'A volume entry is quoted (DCLint no-quotes-in-volumes style rule).',
  check(doc, ctx) {
    for (const svc of rawServices(doc)) {
      const volumes = rawSeq(rawGet(svc.map, 'volumes')?.value)
      if (!volumes) continue
      const report = (node: Scalar): void => {
        const r = node.range!
        ctx.report({
          message: `Volume value ${doc.text.slice(r[0], r[1])} of service '${svc.name}' is quoted; write it without quotes.`,
          range: doc.rangeOf(r[0], r[1]),
          fix: unquote(doc, node)
        })
      }
      for (const item of volumes.items) {
        if (isQuoted(item)) report(item)
        else if (isMap(item)) {
          for (const key of ['source', 'target']) {
            const v = rawGet(item, key)?.value
            if (isQuoted(v)) report(v)
          }
          const sub = rawGet(rawGet(item, 'volume')?.value, 'subpath')?.value
          if (isQuoted(sub)) report(sub)
        }
      }
    }
  }
})

function isQuoted(node: unknown): node is Scalar {
  return (
    isScalar(node) &&
    (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') &&
    node.range !== undefined
  )
}

function unquote(doc: ComposeDoc, node: Scalar): Fix | undefined {
  const value = String(node.value)
  if (!isPlainSafe(value)) return undefined
  const r = node.range!
  return {
    description: 'Remove the quotes.',
    safe: true,
    edits: [replaceEdit(doc, r[0], r[1], value)]
  }
}
