import type { Fix } from '../../core/types.js'
import type { DockerfileDoc, Instruction } from '../../dockerfile/model.js'
import { defineDockerfileRule } from '../define.js'

/** `key="value"` for a legacy `key value` (undefined when the value cannot be rewritten safely). */
function rewrite(doc: DockerfileDoc, key: string, value: string): string | undefined {
  if (/^"[^"]*"$/.test(value) && !value.slice(1, -1).includes(doc.escape)) return `${key}=${value}`
  if (/["'`]/.test(value) || value.includes(doc.escape)) return undefined
  return /\s/.test(value) || value === '' ? `${key}="${value}"` : `${key}=${value}`
}

function legacyFix(
  doc: DockerfileDoc,
  inst: Instruction,
  key: string,
  value: string
): Fix | undefined {
  const text = rewrite(doc, key, value)
  if (!text || !inst.argsSpan) return undefined
  return {
    description: `Rewrite as \`${inst.keyword} ${text}\`.`,
    safe: true,
    edits: [{ range: doc.span(inst.argsSpan.start, inst.argsSpan.end).range, text }]
  }
}

export const DR2008 = defineDockerfileRule({
  id: 'DR2008',
  aliases: ['LegacyKeyValueFormat'],
  severity: 'info',
  fixable: true,
  description:
    'ENV and LABEL should use the `key=value` form, not the legacy `key value` form (BuildKit LegacyKeyValueFormat).',
  check(doc, ctx) {
    for (const top of doc.instructions) {
      const inst = top.trigger ?? top
      if (inst.keyword !== 'ENV' && inst.keyword !== 'LABEL') continue
      const text = inst.text.trim()
      const m = /^(\S+)\s+([\s\S]*)$/.exec(text)
      const key = m?.[1] ?? text
      if (key === '' || key.includes('=')) continue
      const value = (m?.[2] ?? '').trim()
      if (value === '') continue
      ctx.report({
        message: `"${inst.keyword} key value" is the legacy form; use "${inst.keyword} key=value".`,
        range: inst.keywordSpan.range,
        fix: legacyFix(doc, inst, key, value)
      })
    }
  }
})
