import { describe, expect, it } from 'vitest'
import { checkSafeComposeFixes, composeSignature } from '../../src/compose/effects.js'
import type { Finding, Fix } from '../../src/core/types.js'
import { parseCompose } from '../../src/parse/compose.js'

const text = [
  'version: "3.8"',
  'services:',
  '  web:',
  '    image: nginx:${TAG:-1.27}',
  '    depends_on: [db, cache]',
  '    env_file: [a.env, b.env]',
  '  db:',
  '    image: postgres:16.4',
  '  cache:',
  '    image: redis:7.4',
  ''
].join('\n')

const sig = (t: string): string => composeSignature(parseCompose('compose.yaml', t))

/** A safe fix replacing line `line` (1-based) with `to`. */
function lineFix(line: number, to: string, effect?: Fix['effect']): Finding {
  const fix: Fix = {
    description: 'Edit.',
    safe: true,
    edits: [
      { range: { start: { line, column: 1 }, end: { line: line + 1, column: 1 } }, text: to }
    ],
    ...(effect ? { effect } : {})
  }
  return {
    rule: 'X',
    severity: 'info',
    message: 'm',
    file: 'compose.yaml',
    range: { start: { line, column: 1 }, end: { line, column: 2 } },
    fix
  }
}

describe('composeSignature', () => {
  it('ignores version, key order and the order of set-like lists, and interpolates defaults', () => {
    const same = text
      .replace('version: "3.8"\n', '')
      .replace('[db, cache]', '[cache, db]')
      .replace('${TAG:-1.27}', '1.27')
    expect(sig(same)).toBe(sig(text))
  })

  it('keeps the order that matters (env_file) and every value', () => {
    expect(sig(text.replace('[a.env, b.env]', '[b.env, a.env]'))).not.toBe(sig(text))
    expect(sig(text.replace('redis:7.4', 'redis:7.2'))).not.toBe(sig(text))
  })
})

describe('checkSafeComposeFixes', () => {
  it('keeps fixes that leave the model alone, demotes the others, and trusts declared repairs', () => {
    const doc = parseCompose('compose.yaml', text)
    const keep = lineFix(1, '')
    const change = lineFix(10, '    image: redis:7.2\n')
    const repair = lineFix(10, '    image: redis:7.2\n', { kind: 'repair' })
    const result = checkSafeComposeFixes(doc, [keep, change, repair])
    expect(result.findings.map((f) => f.fix?.safe)).toEqual([true, false, true])
    expect(result.findings[1].fix?.description).toBe(
      'Edit. Unsafe: it changes the services or resources Compose runs.'
    )
    expect([result.checked, result.demoted.length]).toEqual([2, 1])
  })
})
