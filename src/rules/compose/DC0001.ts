import { fileModel } from '../../compose/file.js'
import { MAX_DEPTH, MAX_EXPANDED_NODES } from '../../compose/model.js'
import { defineComposeRule } from '../define.js'

const STACK_OVERFLOW = /call stack/i

/** YAML that Compose cannot load: syntax errors, duplicate keys, alias bombs. */
export const DC0001 = defineComposeRule({
  id: 'DC0001',
  aliases: ['invalid-yaml'],
  severity: 'error',
  description:
    'The compose file is not valid YAML (syntax error, duplicate key, excessive aliases).',
  check(doc, ctx) {
    let exhausted = false
    for (const p of doc.problems) {
      if (p.severity !== 'error' || p.code === 'MULTIPLE_DOCS') continue
      // The parser ran out of stack (thousands of nested levels): say so once, in words. Where
      // the overflow lands (a collection, a scalar's tag) depends on the stack at hand.
      const stack = p.code === 'RESOURCE_EXHAUSTION' || STACK_OVERFLOW.test(p.message)
      if (stack) {
        if (exhausted) continue
        exhausted = true
      }
      let start = p.start
      const quote = /Missing closing ("|')quote/.exec(p.message)
      // yaml reports an unterminated quote at the end of the file; point at the opening quote.
      if (quote) start = Math.max(0, doc.text.lastIndexOf(quote[1], p.start - 1))
      // Indentation problems are reported at the line start; point at the misplaced token.
      const lead = /^[ \t]+/.exec(doc.text.slice(start, start + 200))
      if (!quote && lead && !doc.text.slice(start, start + lead[0].length).includes('\n'))
        start += lead[0].length
      const message =
        p.code === 'DUPLICATE_KEY'
          ? `Duplicate key: ${p.message.replace(/^Map keys must be unique.*?$/, 'map keys must be unique')}; Compose would reject the file.`
          : stack
            ? `Invalid YAML: nested too deeply to read (${p.message}); nothing below this point is checked.`
            : `Invalid YAML: ${p.message}`
      ctx.report({
        message,
        range: doc.rangeOf(start, quote ? start + 1 : Math.max(p.end, start + 1))
      })
    }
    if (doc.documentCount > 1) {
      ctx.report({
        message: `The file holds ${doc.documentCount} YAML documents; Compose reads only one per file.`,
        range: doc.rangeOf(0, 0)
      })
    }
    const model = fileModel(doc)
    for (const bad of model.badAliases) {
      const r = bad.node.range
      if (r)
        ctx.report({ message: `Invalid YAML: ${bad.message}.`, range: doc.rangeOf(r[0], r[1]) })
    }
    const deep = model.tooDeep?.range
    if (deep) {
      ctx.report({
        message: `Invalid YAML: nested more than ${MAX_DEPTH} levels deep; nothing else in this file is checked.`,
        range: doc.rangeOf(deep[0], Math.max(deep[0] + 1, Math.min(deep[1], deep[0] + 1)))
      })
    }
    const bomb = model.bomb
    if (bomb?.node.range) {
      ctx.report({
        message: `Alias expansion would create ${bomb.size.toLocaleString('en')} nodes (more than ${MAX_EXPANDED_NODES.toLocaleString('en')}): an alias bomb. Nothing else in this file is checked.`,
        range: doc.rangeOf(bomb.node.range[0], bomb.node.range[1])
      })
    }
  }
})
