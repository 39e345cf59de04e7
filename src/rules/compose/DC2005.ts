import { isScalar, type Scalar } from 'yaml'
import { renderScalar, replaceEdit } from '../../compose/edits.js'
import { defineComposeRule } from '../define.js'
import { ruleOptions } from '../define.js'
import { rawGet, rawSeq, rawServices } from './lib/raw.js'

/**
 * DCLint's require-quotes-in-ports (style, off by default): `ports` and `expose` entries written as
 * plain scalars or with the other quote style. YAML 1.1 readers turn `22:22` into a base-60 number,
 * which is why some teams quote ports. Option `quoteType`: 'single' (default) or 'double'.
 */
export const DC2005 = defineComposeRule({
  id: 'DC2005',
  aliases: ['require-quotes-in-ports'],
  severity: 'style',
  fixable: true,
  enabledByDefault: false,
  description:
    'A ports/expose entry is not quoted with the configured quote style (DCLint require-quotes-in-ports).',
  options: {
    type: 'object',
    additionalProperties: false,
    properties: { quoteType: { enum: ['single', 'double'] } }
  },
  check(doc, ctx) {
    const quoteType =
      ruleOptions<{ quoteType: string }>(ctx, 'DC2005').quoteType === 'double' ? 'double' : 'single'
    const style = quoteType === 'double' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE'
    for (const svc of rawServices(doc)) {
      for (const section of ['ports', 'expose']) {
        const list = rawSeq(rawGet(svc.map, section)?.value)
        for (const item of list?.items ?? []) {
          // An empty item (`-` alone, `~`) is no port: DC0002 reports it; quoting made it 'null'.
          if (!isScalar(item) || !item.range || item.type === style || item.value === null) continue
          const node = item as Scalar
          const r = node.range!
          // A block scalar or a value written over several lines is no port entry (DC0002's):
          // quoting it would need its continuation lines re-indented.
          if (doc.text.slice(r[0], r[1]).includes('\n')) continue
          ctx.report({
            message: `${section} entry ${doc.text.slice(r[0], r[1])} of service '${svc.name}' should be in ${quoteType} quotes.`,
            range: doc.rangeOf(r[0], r[1]),
            fix: {
              description: `Quote it with ${quoteType} quotes.`,
              safe: true,
              edits: [replaceEdit(doc, r[0], r[1], renderScalar(String(node.value), style))]
            }
          })
        }
      }
    }
  }
})
