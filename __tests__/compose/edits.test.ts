import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMap, parse } from 'yaml'
import { isPlainSafe, renderScalar } from '../../src/compose/edits.js'
import { naturalCompare, reorderEdit } from '../../src/compose/reorder.js'
import { applyFixes } from '../../src/core/fixes.js'
import { parseCompose } from '../../src/parse/compose.js'

describe('scalar rendering', () => {
  it('keeps plain only when the value reads back the same', () => {
    expect(isPlainSafe('${DB_PASSWORD:?}')).toBe(true)
    expect(isPlainSafe('127.0.0.1::5432')).toBe(true)
    for (const v of ['true', '123', 'a: b', '- x', '#x', ' x', 'null', '{a}', 'a #b'])
      expect(isPlainSafe(v), v).toBe(false)
    expect(renderScalar("it's", 'QUOTE_SINGLE')).toBe("'it''s'")
    expect(renderScalar('a"b', 'QUOTE_DOUBLE')).toBe('"a\\"b"')
    expect(renderScalar('yes: no', 'PLAIN')).toBe('"yes: no"')
  })

  it('natural order', () => {
    const list = ['8080-8081', '$PORT', '443', '80', '79', '8080', '1000', '3000-3005']
    expect([...list].sort(naturalCompare)).toEqual([
      '$PORT',
      '79',
      '80',
      '443',
      '1000',
      '3000-3005',
      '8080',
      '8080-8081'
    ])
  })
})

describe('reordering by moving lines', () => {
  const key = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'eps', 'zeta')
  const entry = fc.record({
    comment: fc.option(fc.constantFrom('# note', '# two words'), { nil: undefined }),
    blank: fc.boolean(),
    block: fc.boolean(),
    trailing: fc.option(fc.constant(' # tail'), { nil: undefined })
  })

  it('any permutation keeps every entry (with its comments) and nothing else changes', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { minLength: 2, maxLength: 6 }),
        fc.array(entry, { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        (keys, shapes, crlf) => {
          const nl = crlf ? '\r\n' : '\n'
          const lines = ['# header', 'services:']
          keys.forEach((k, i) => {
            const s = shapes[i]
            if (s.blank && i > 0) lines.push('')
            if (s.comment) lines.push(`  ${s.comment}`)
            if (s.block)
              lines.push(
                `  ${k}:${s.trailing ?? ''}`,
                `    image: ${k}:1`,
                '    ports:',
                `      - "${i}:${i}"`
              )
            else lines.push(`  ${k}: {image: ${k}:1}${s.trailing ?? ''}`)
          })
          lines.push('# footer')
          const text = lines.join(nl) + nl
          const doc = parseCompose('compose.yaml', text)
          const services = (doc.doc.contents as { items: { value: unknown }[] }).items[0].value
          if (!isMap(services)) return
          const order = keys.map((_, i) => i).reverse()
          const edit = reorderEdit(doc, services, order, { attachFirstComments: true })
          expect(edit).toBeDefined()
          const out = applyFixes(text, [{ description: 'sort', safe: true, edits: [edit!] }]).text
          const before = parse(text).services
          const after = parse(out).services
          expect(Object.keys(after)).toEqual([...keys].reverse())
          for (const k of keys) expect(after[k]).toEqual(before[k])
          // Same lines, just moved: nothing re-printed, no line ending changed.
          const norm = (t: string) =>
            t
              .split(nl)
              .filter((l) => l !== '')
              .sort()
          expect(norm(out)).toEqual(norm(text))
          expect(out.startsWith(`# header${nl}services:${nl}`)).toBe(true)
          expect(out.endsWith(`# footer${nl}`)).toBe(true)
          if (!crlf) expect(out.includes('\r')).toBe(false)
          for (const [i, k] of keys.entries()) {
            const c = shapes[i].comment
            if (c) expect(out).toContain(`  ${c}${nl}  ${k}:`)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('refuses an order that would put an alias before its anchor', () => {
    const text = 'x-b: &b {image: nginx:1.27}\nx-a: {<<: *b}\n'
    const doc = parseCompose('compose.yaml', text)
    expect(
      reorderEdit(doc, doc.doc.contents as never, [1, 0], { attachFirstComments: false })
    ).toBeUndefined()
  })
})
