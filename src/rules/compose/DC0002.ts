import { isMap, type Scalar } from 'yaml'
import { replaceScalar } from '../../compose/edits.js'
import { fileModel, isLoadable } from '../../compose/file.js'
import { schemaProblems } from '../../compose/schema.js'
import { valueProblems } from '../../compose/values.js'
import type { Fix } from '../../core/types.js'
import type { ComposeDoc } from '../../parse/compose.js'
import { defineComposeRule } from '../define.js'
import { atSpan, atKey } from './lib/report.js'

/**
 * The Compose Specification: every schema violation at its node (not just the first, not at 1:1),
 * plus the value checks Compose applies beyond the schema (restart, durations, sizes, ports,
 * healthcheck test, interpolation). Unknown keys and bad enum values get a did-you-mean fix.
 */
export const DC0002 = defineComposeRule({
  id: 'DC0002',
  aliases: ['invalid-schema'],
  severity: 'error',
  fixable: true,
  description:
    'The compose file violates the Compose Specification (unknown key, wrong type, invalid value).',
  check(doc, ctx) {
    // A file that is not loadable YAML is DC0001's; judging half a document would only add noise.
    if (!isLoadable(doc)) return
    const model = fileModel(doc)
    const contents = doc.doc.contents
    if (contents && !isMap(contents) && contents.range) {
      ctx.report({
        ...atSpan(doc, doc, contents.range[0], Math.max(contents.range[1], contents.range[0] + 1)),
        message: 'The top level of a compose file must be a mapping (services:, networks:, …).'
      })
      return
    }
    if (model.layout === 'legacy') {
      const first = model.legacyKeys[0]
      ctx.report({
        ...atKey(doc, first),
        message: `Services at the top level ('${first.key}'${model.legacyKeys.length > 1 ? `, and ${model.legacyKeys.length - 1} more` : ''}) are the legacy v1 format, which Docker Compose v2 no longer reads: nest them under 'services:'.`
      })
    }
    for (const p of [...schemaProblems(model), ...valueProblems(model)]) {
      let fix: Fix | undefined
      // `net: host` → `network_mode: host` would turn on host networking that Compose v2 ignores
      // today (DC1009 then flags it): a behaviour change, not a spelling fix.
      if (p.rename && p.doc === doc && !hostNetworkRename(doc, p.rename.node, p.rename.to)) {
        const edit = replaceScalar(doc, p.rename.node, p.rename.to)
        if (edit)
          fix = {
            description: `Replace with '${p.rename.to}'.`,
            safe: true,
            // The file breaks the spec as it is: Compose loads nothing to compare with.
            effect: { kind: 'repair' },
            edits: [edit]
          }
      }
      ctx.report({ ...atSpan(doc, p.doc, p.start, p.end), message: p.message, fix: fix })
    }
  }
})

/** Does renaming this key give a service the host's network namespace? */
function hostNetworkRename(doc: ComposeDoc, key: Scalar, to: string): boolean {
  if (to !== 'network_mode' || !key.range) return false
  const rest = doc.text.slice(key.range[1], doc.text.indexOf('\n', key.range[1]) >>> 0)
  return /^\s*:\s*["']?host\b/.test(rest)
}
